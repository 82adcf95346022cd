package io.r1kit.view;

import io.r1kit.scene.Box3;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ViewSelectionConfigTest {

    @Test
    void defaultsAreThePapersWeightsAndK() {
        ViewSelectionConfig c = ViewSelectionConfig.defaults();
        assertEquals(24, c.candidateCount());
        assertEquals(6, c.k());
        assertEquals(0.3, c.wText());
        assertEquals(0.5, c.wCoverage());
        assertEquals(0.5, c.wClip());
    }

    @Test
    void jsonRoundTrip() {
        ViewSelectionConfig c = ViewSelectionConfig.defaults().withK(3).withWeights(1, 0, 0.25).withImageSize(200);
        assertEquals(c, ViewSelectionConfig.fromJson(c.toJson()));
    }

    @Test
    void validationSaysWhatToFix() {
        assertEquals("k 25 must be in 1..24 (the number of candidates)",
                assertThrows(IllegalArgumentException.class, () -> ViewSelectionConfig.defaults().withK(25)).getMessage());
        assertEquals("view selection config JSON is not valid: elevation 95.0 must be in (0, 90] degrees above the horizontal",
                assertThrows(IllegalArgumentException.class, () -> ViewSelectionConfig.fromJson(
                        ViewSelectionConfig.defaults().toJson().replace("[35.0,60.0]", "[35.0,95.0]"))).getMessage());
        assertEquals("at least one of w_t, w_c, w_clip must be > 0",
                assertThrows(IllegalArgumentException.class, () -> ViewSelectionConfig.defaults().withWeights(0, 0, 0)).getMessage());
    }

    @Test
    void candidatesAreRingsAroundTheCentre() {
        ViewSelectionConfig c = ViewSelectionConfig.defaults();
        Box3 b = new Box3(1, 1, 1, 4, 4, 2);
        assertEquals(24, CandidateViews.ring(b, c, 32).size());
        // Candidate 15: ring 1 (elevation 60), azimuth 3 * 30 = 90 degrees: straight along +y of the centre.
        assertEquals(90, CandidateViews.azimuth(c, 15));
        assertEquals(60, CandidateViews.elevation(c, 15));
        double[] eye = CandidateViews.candidate(b, c, 15, 32).eye();
        assertEquals(1, eye[0], 1e-9);
        assertEquals(Math.tan(Math.toRadians(60)), (eye[2] - 1) / (eye[1] - 1), 1e-9);
        assertEquals("view 24 does not exist: candidates are 0..23",
                assertThrows(IllegalArgumentException.class, () -> CandidateViews.candidate(b, c, 24, 32)).getMessage());
        assertEquals(List.of(35.0, 60.0), c.elevations());
    }
}
