package io.r1kit.cot.tasks;

import io.r1kit.scene.gen.Predicate;
import io.r1kit.scene.gen.ReferringExpression;
import io.r1kit.scene.gen.RoomObject;
import io.r1kit.task.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Object captioning: one object, named by a unique referring expression, described in its
 * context: what it is, what it is made of and for, where it stands and what stands next to it.
 */
public final class ObjectCaptions {

    /** Most objects captioned per scene. */
    static final int PER_SCENE = 6;

    private ObjectCaptions() {}

    public static List<Example> generate(SceneContext c) {
        Phrasing w = c.words();
        List<Example> out = new ArrayList<>();
        for (RoomObject o : c.graph().objects()) {
            if (out.size() == PER_SCENE) {
                break;
            }
            Optional<ReferringExpression> expr = Referrer.unique(c.graph(), o, false, w);
            if (expr.isEmpty() || w.chance(0.3)) {
                continue;
            }
            Locator.Place place = Locator.place(c.graph(), o, w);
            List<Fact> facts = new ArrayList<>(List.of(new Fact.Identifies(expr.get(), o.id()),
                    new Fact.ColourOf(o.id(), o.colour()), new Fact.MaterialOf(o.id(), o.material()),
                    new Fact.Purpose(o.id(), o.function()), place.fact()));
            StringBuilder s = new StringBuilder(Phrasing.capitalise(expr.get().text())).append(" is ")
                    .append(Phrasing.article(o.colour().word() + " " + o.material().word() + " " + o.label()))
                    .append(' ').append(place.words()).append(". It is ").append(o.function()).append('.');
            List<RoomObject> near = c.related(Predicate.NEXT_TO, o.id());
            if (!near.isEmpty()) {
                s.append(' ').append(Phrasing.capitalise(Phrasing.join(near.stream()
                        .map(n -> Phrasing.article(n.name())).toList()))).append(near.size() == 1 ? " stands" : " stand")
                        .append(" next to it.");
                facts.add(new Fact.AllRelated(Predicate.NEXT_TO, o.id(), near.stream().map(RoomObject::id).toList()));
            }
            String question = w.pick("Describe " + expr.get().text() + ".", "Tell me about " + expr.get().text() + ".",
                    "What can you say about " + expr.get().text() + " in this " + c.room() + "?");
            out.add(new Example(c.sceneId(), Task.OBJECT_CAPTION, null, question, s.toString(), s.toString(),
                    List.of(o.id()), facts));
        }
        return out;
    }
}
