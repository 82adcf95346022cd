package io.r1kit.view;

import io.r1kit.SharedData;
import io.r1kit.scene.Scene;
import io.r1kit.scene.load.Scenes;
import io.r1kit.scene.proposal.Proposals;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** View selection over the shared ScanNet scan with its labels stripped: it is scored over proposals. */
class ViewSelectorProposalsTest {

    private static final ViewSelectionConfig K4 = ViewSelectionConfig.defaults().withK(4);
    private static Scene scan;
    private static ViewSelection selection;

    @BeforeAll
    static void select() throws Exception {
        scan = Scenes.load(SharedData.path("scannet/scene0000_02_vert.npy"));
        selection = ViewSelector.select(Proposals.withoutObjects(scan), "the white bed", K4);
    }

    @Test
    void everyChosenViewSeesAProposal() {
        assertTrue(selection.objects().proposed());
        int n = selection.objects().count();
        assertTrue(n > 0);
        assertEquals(4, selection.chosen().size());
        for (int i = 0; i < 4; i++) {
            ViewScore s = selection.chosen().get(i);
            assertTrue(s.objectsSeen() >= 1, s.toString());
            assertTrue(selection.views().get(i).visiblePixels().keySet().stream().anyMatch(id -> id >= 1 && id <= n),
                    "the render of view " + s.candidate() + " shows a proposal");
        }
    }

    @Test
    void textScoresZeroAndCoverageIsTheShareOfProposalsSeen() {
        int n = selection.objects().count();
        assertEquals(List.of(), selection.targets(), "proposals have no class for 'bed' to name");
        for (ViewScore s : selection.scores()) {
            assertEquals(0.0, s.text(), s.toString());
            assertEquals(0, s.targetPixels());
            assertEquals(s.objectsSeen() / (double) n, s.coverage(), 1e-12, s.toString());
            // U = w_c S_coverage + w_clip S_clip, S_clip the share of covered pixels that are white.
            assertEquals(K4.wCoverage() * s.coverage() + K4.wClip() * s.clip(), s.utility(), 1e-12);
            assertTrue(s.clip() > 0 && s.clip() < 1, "the scan has white and non-white pixels: " + s);
        }
        assertTrue(selection.table().toString().contains("over " + n + " object proposals, S_text 0"));
    }

    @Test
    void theSameScanGivesTheSameSelection() {
        ViewSelection again = ViewSelector.select(Proposals.withoutObjects(scan), "the white bed", K4);
        assertEquals(selection.objects().scene().objects(), again.objects().scene().objects());
        assertEquals(selection.scores(), again.scores());
        assertEquals(selection.chosen(), again.chosen());
    }

    @Test
    void aScanWithObjectsIsScoredOverThem() {
        ViewSelection s = ViewSelector.select(scan, "the bed", ViewSelectionConfig.defaults().withK(1));
        assertSame(scan, s.objects().scene());
        assertEquals(false, s.objects().proposed());
        assertEquals("bed", s.targets().get(0).label());
    }
}
