package io.r1kit.train.experiment;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The paired test over seeds, against a hand computation. */
class SeedComparisonTest {

    @Test
    void pairsSeedsAndTestsTheirDifferences() {
        // per-seed mean relative changes of six GRPO runs and their controls, as fractions
        List<Double> grpo = List.of(0.038, 0.040, 0.046, 0.036, 0.047, 0.033);
        List<Double> control = List.of(0.006, 0.031, 0.033, 0.037, 0.028, 0.033);
        SeedComparison s = SeedComparison.of(grpo, control);
        // differences 3.2, 0.9, 1.3, −0.1, 1.9, 0.0 points: mean 1.2, sd √(7.72 / 5), t = 1.2 / (sd / √6)
        double sd = Math.sqrt(7.72 / 5) / 100;
        assertEquals(6, s.seeds());
        assertEquals(0.012, s.mean(), 1e-12);
        assertEquals(sd, s.sd(), 1e-12);
        assertEquals(0.012 / (sd / Math.sqrt(6)), s.t(), 1e-9);
        assertEquals(2.3656, s.t(), 1e-4);
        assertEquals(0.0643, s.p(), 1e-4);
        double half = 2.570582 * sd / Math.sqrt(6);
        assertEquals(0.012 - half, s.low(), 1e-6);
        assertEquals(0.012 + half, s.high(), 1e-6);
        assertTrue(s.low() < 0 && s.high() > 0, "p > 0.05: the interval holds 0");
        assertEquals("+1.2 points (95% CI -0.1 to +2.5), paired t = 2.37, df = 5, p = 0.064", s.describe());
        assertEquals(0.0643, s.toJson().get("p_two_sided").getAsDouble(), 1e-4);
    }

    @Test
    void pairsOnlyTheSeedsBothArmsHaveAndNeedsTwo() {
        SeedComparison s = SeedComparison.of(List.of(0.5, 0.75, 0.9), List.of(0.25, 0.5));
        assertEquals(2, s.seeds());
        assertEquals(0.25, s.mean(), 0);
        assertEquals(Double.POSITIVE_INFINITY, s.t());   // the same lead in every seed: no spread
        assertEquals(0, s.p(), 0);
        assertEquals("a paired test over seeds needs two seeds with both arms, got 1",
                assertThrows(IllegalArgumentException.class, () -> SeedComparison.of(List.of(0.1), List.of(0.0, 0.1)))
                        .getMessage());
    }
}
