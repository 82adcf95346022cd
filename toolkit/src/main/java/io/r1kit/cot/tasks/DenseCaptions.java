package io.r1kit.cot.tasks;

import io.r1kit.scene.gen.Predicate;
import io.r1kit.scene.gen.Relation;
import io.r1kit.scene.gen.RoomObject;
import io.r1kit.task.Task;

import java.util.ArrayList;
import java.util.List;

/**
 * Dense captioning (Scan2Cap style): one caption per object, the object given by its box.
 * A caption says what the object is, where it stands and, when it has one, one relation to a
 * neighbour, e.g. "A black chair on the floor. It is next to the brown desk." {@link #room} makes
 * the task as the nano model learns it, without being given a box: every object of the room in turn,
 * each as its box then what and where it is.
 */
public final class DenseCaptions {

    private DenseCaptions() {}

    public static List<Example> generate(SceneContext c) {
        Phrasing w = c.words();
        List<Example> out = new ArrayList<>();
        for (RoomObject o : c.graph().objects()) {
            List<Fact> facts = new ArrayList<>();
            Locator.Place place = Locator.place(c.graph(), o, w);
            facts.add(new Fact.ColourOf(o.id(), o.colour()));
            facts.add(place.fact());
            StringBuilder caption = new StringBuilder(Phrasing.capitalise(Phrasing.article(o.name())))
                    .append(' ').append(place.words()).append('.');
            List<Relation> rels = c.graph().relationsOf(o.id()).stream()
                    .filter(r -> r.predicate() != Predicate.ON && r.predicate() != Predicate.FACING).toList();
            if (!rels.isEmpty()) {
                Relation r = w.pick(rels);
                caption.append(" It is ").append(SceneContext.relation(r.predicate())).append(" the ")
                        .append(c.object(r.object()).name()).append('.');
                facts.add(new Fact.Holds(o.id(), r.predicate(), r.object()));
            }
            if (w.chance(0.5)) {
                caption.append(' ').append(w.pick("It is made of ", "Its material is ")).append(o.material().word()).append('.');
                facts.add(new Fact.MaterialOf(o.id(), o.material()));
            }
            String box = c.codec().encode(o.box());
            String question = w.pick("Describe the object at " + box + ".", "What is the object in " + box + "?",
                    "Give a caption for the object at " + box + ".", box + " Describe this object and where it is.");
            out.add(new Example(c.sceneId(), Task.DENSE_CAPTION, null, question, caption.toString(), caption.toString(),
                    List.of(o.id()), facts));
        }
        return out;
    }

    /** The question text of {@link #room}: dense captioning asks nothing but its instruction. */
    public static final String ROOM_QUESTION = "";

    /**
     * One example of the whole room: the answer gives the first {@code limit} objects by id (the objects a
     * model with {@code limit} object slots encodes), each as {@code <obj>box</obj>} then one sentence of what
     * it is and where ("A grey door in the near wall."), in id order; the facts are each one's colour and place.
     */
    public static Example room(SceneContext c, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        Phrasing w = c.words();
        StringBuilder answer = new StringBuilder();
        List<Integer> ids = new ArrayList<>();
        List<Fact> facts = new ArrayList<>();
        for (RoomObject o : c.graph().objects().stream().limit(limit).toList()) {
            Locator.Place place = Locator.place(c.graph(), o, w);
            answer.append(answer.length() == 0 ? "" : " ").append(c.codec().encode(o.box())).append(' ')
                    .append(Phrasing.capitalise(Phrasing.article(o.name()))).append(' ').append(place.words()).append('.');
            ids.add(o.id());
            facts.add(new Fact.ColourOf(o.id(), o.colour()));
            facts.add(place.fact());
        }
        return new Example(c.sceneId(), Task.DENSE_CAPTION, null, ROOM_QUESTION, answer.toString(), answer.toString(),
                ids, facts);
    }
}
