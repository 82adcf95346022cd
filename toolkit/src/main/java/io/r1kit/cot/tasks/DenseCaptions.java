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
 * neighbour, e.g. "A black chair on the floor. It is next to the brown desk."
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
}
