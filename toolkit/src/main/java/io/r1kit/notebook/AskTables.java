package io.r1kit.notebook;

import io.r1kit.display.Table;
import io.r1kit.model.vlm.VlmAsk;
import io.r1kit.scene.Box3;
import io.r1kit.scene.proposal.SceneObjects;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Notebook tables of {@link VlmAsk}'s answers: one row per captioned object, or the grounding answer
 * with the object (or proposal) its box overlaps most.
 *
 * <pre>{@code
 * AskTables.captions(ask.denseCaptions(in))
 * AskTables.grounded(ask.ground(in, "the bed"))
 * }</pre>
 */
public final class AskTables {

    private AskTables() {}

    /** Id, tag ("object 3" for a proposal), box centre and size in metres, and the model's caption. */
    public static Table captions(List<VlmAsk.Caption> captions) {
        List<List<Object>> rows = new ArrayList<>();
        for (VlmAsk.Caption c : captions) {
            rows.add(List.of(c.object().id(), SceneObjects.tag(c.object()), metres(c.object().box()), c.caption()));
        }
        return Table.of("dense captions (" + captions.size() + " objects)", List.of("id", "object", "box", "caption"),
                rows);
    }

    /** The question, the model's answer, the box it decodes to and the object it overlaps most. */
    public static Table grounded(VlmAsk.Grounded g) {
        String nearest = g.nearest() == null ? "-" : g.nearest().id() + " (" + SceneObjects.tag(g.nearest()) + ")";
        return Table.of("grounding", List.of("question", "answer", "box", "overlaps most", "IoU"),
                List.of(List.of(g.question(), g.answer(), g.box() == null ? "no readable box" : metres(g.box()),
                        nearest, String.format(Locale.ROOT, "%.2f", g.iou()))));
    }

    private static String metres(Box3 b) {
        return String.format(Locale.ROOT, "(%.2f, %.2f, %.2f) %.2f×%.2f×%.2f m", b.cx(), b.cy(), b.cz(), b.dx(), b.dy(),
                b.dz());
    }
}
