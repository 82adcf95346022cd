package io.r1kit.scene;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Box3Test {

    @Test
    void iouOfHalfOverlappingUnitCubesIsOneThird() {
        Box3 a = Box3.ofMinMax(0, 0, 0, 1, 1, 1);
        Box3 b = Box3.ofMinMax(0.5f, 0, 0, 1.5f, 1, 1);
        // intersection 0.5, union 1 + 1 - 0.5 = 1.5
        assertEquals(1.0 / 3, a.iou(b), 1e-9);
        assertEquals(1.0, a.iou(a), 1e-12);
        assertEquals(0.0, a.iou(Box3.ofMinMax(2, 2, 2, 3, 3, 3)));
    }

    @Test
    void aroundIsTheTightBoxOfTheChosenPoints() {
        float[] xyz = {0, 0, 0, 2, 1, 3, -1, 5, 1, 100, 100, 100};
        Box3 box = Box3.around(xyz, new int[] {0, 1, 2});
        assertEquals(Box3.ofMinMax(-1, 0, 0, 2, 5, 3), box);
        assertTrue(box.contains(2, 5, 3));
        assertFalse(box.contains(100, 100, 100));
    }

    @Test
    void unionHoldsBoth() {
        Box3 u = Box3.ofMinMax(0, 0, 0, 1, 1, 1).union(Box3.ofMinMax(2, -1, 0, 3, 0, 4));
        assertEquals(Box3.ofMinMax(0, -1, 0, 3, 1, 4), u);
        assertEquals(3 * 2 * 4, u.volume(), 1e-9);
    }

    @Test
    void invalidBoxesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Box3(0, 0, 0, -1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Box3(Float.NaN, 0, 0, 1, 1, 1));
    }
}
