package io.r1kit.cot.tasks;

import io.r1kit.scene.gen.ReferringExpression;
import io.r1kit.scene.gen.RoomObject;
import io.r1kit.task.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Visual grounding (ScanRefer style): a referring expression that picks out exactly one object
 * (by attribute and, where possible, by a relation to a unique anchor); the answer is its box as
 * {@code <obj>cx, cy, cz, w, h, l</obj>}.
 */
public final class Grounding {

    private Grounding() {}

    public static List<Example> generate(SceneContext c) {
        Phrasing w = c.words();
        List<Example> out = new ArrayList<>();
        for (RoomObject o : c.graph().objects()) {
            Optional<ReferringExpression> found = Referrer.unique(c.graph(), o, true, w);
            if (found.isEmpty()) {
                continue;
            }
            ReferringExpression expr = found.get();
            Locator.Place place = Locator.place(c.graph(), o, w);
            String box = c.codec().encode(o.box());
            String question = w.pick("Find " + expr.text() + ".", "Locate " + expr.text() + ".",
                    "Where is " + expr.text() + "? Give its box.", "Point out " + expr.text() + " in the " + c.room() + ".");
            String full = Phrasing.capitalise(expr.text()) + " is " + Phrasing.article(o.name()) + " " + place.words()
                    + "; " + w.pick("its box is ", "it is at ", "it occupies ") + box + ".";
            out.add(new Example(c.sceneId(), Task.GROUNDING, null, question, box, full, List.of(o.id()),
                    List.of(new Fact.Identifies(expr, o.id()), new Fact.ColourOf(o.id(), o.colour()), place.fact())));
        }
        return out;
    }
}
