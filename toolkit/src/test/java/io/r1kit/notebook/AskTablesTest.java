package io.r1kit.notebook;

import io.r1kit.display.Table;
import io.r1kit.model.vlm.VlmAsk;
import io.r1kit.scene.Box3;
import io.r1kit.scene.SceneObject;
import io.r1kit.scene.proposal.Proposals;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AskTablesTest {

    private static final SceneObject PROPOSAL = new SceneObject(3, Proposals.LABEL, -1,
            new Box3(1, 2, 0.5f, 2, 1.5f, 1), new int[0]);

    @Test
    void captionRowsNameProposalsAndBoxesInMetres() {
        Table t = AskTables.captions(List.of(new VlmAsk.Caption(PROPOSAL, "describe", "a brown bed .")));
        assertEquals("dense captions (1 objects)", t.caption());
        assertEquals(List.of(List.of("3", "object 3", "(1.00, 2.00, 0.50) 2.00×1.50×1.00 m", "a brown bed .")),
                t.rows());
    }

    @Test
    void groundingRowSaysWhenNoBoxWasReadable() {
        Table ok = AskTables.grounded(new VlmAsk.Grounded("find the bed .", "<obj>1, 2, 3, 4, 5, 6</obj>",
                new Box3(1, 2, 0.5f, 2, 1.5f, 1), PROPOSAL, 0.8125));
        assertEquals(List.of("find the bed .", "<obj>1, 2, 3, 4, 5, 6</obj>", "(1.00, 2.00, 0.50) 2.00×1.50×1.00 m",
                "3 (object 3)", "0.81"), ok.rows().get(0));
        Table none = AskTables.grounded(new VlmAsk.Grounded("find the bed .", "a bed", null, null, 0));
        assertEquals(List.of("find the bed .", "a bed", "no readable box", "-", "0.00"), none.rows().get(0));
    }
}
