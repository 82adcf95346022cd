package io.r1kit.scene.proposal;

import io.r1kit.scene.Box3;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BoxMatcherTest {

    private static final Box3 UNIT = Box3.ofMinMax(0, 0, 0, 1, 1, 1);

    @Test
    void greedyMatchingIsOneToOneAndTakesTheBestPairFirst() {
        // Truth: the unit cube and a cube far away. Predictions: the unit cube shifted by 0.5 in x
        // (IoU 0.5 / 1.5 = 1/3), the unit cube itself (IoU 1) and a box matching nothing.
        List<Box3> truth = List.of(UNIT, Box3.ofMinMax(5, 5, 5, 6, 6, 6));
        List<Box3> predicted = List.of(Box3.ofMinMax(0.5f, 0, 0, 1.5f, 1, 1), UNIT, Box3.ofMinMax(-9, -9, -9, -8, -8, -8));
        BoxMatcher.Result r = BoxMatcher.match(predicted, truth, 0.25);
        assertEquals(1, r.matches().size());
        assertArrayEquals(new int[] {1, 0}, r.matches().get(0)); // the exact box wins, the shifted one is left over
        assertEquals(0.5, r.recall(), 1e-12);
        assertEquals(1.0 / 3, r.precision(), 1e-12);
    }

    @Test
    void thresholdDecidesWhetherAPairCounts() {
        List<Box3> truth = List.of(UNIT);
        List<Box3> shifted = List.of(Box3.ofMinMax(0.5f, 0, 0, 1.5f, 1, 1)); // IoU 1/3
        assertEquals(1, BoxMatcher.match(shifted, truth, 0.25).matches().size());
        assertEquals(0, BoxMatcher.match(shifted, truth, 0.5).matches().size());
        BoxMatcher.Result none = BoxMatcher.match(List.of(), truth, 0.5);
        assertEquals(0, none.recall());
        assertEquals(0, none.precision());
    }

    @Test
    void twoPredictionsCannotShareOneTruth() {
        BoxMatcher.Result r = BoxMatcher.match(List.of(UNIT, UNIT), List.of(UNIT), 0.5);
        assertEquals(1, r.matches().size());
        assertEquals(1.0, r.recall());
        assertEquals(0.5, r.precision());
    }

    @Test
    void badThresholdSaysTheRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BoxMatcher.match(List.of(), List.of(), 0));
        assertEquals("IoU threshold 0.0 is outside (0, 1]", e.getMessage());
    }
}
