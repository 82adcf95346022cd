package io.r1kit.eval;

import io.r1kit.scene.Box3;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Grounding accuracy and m@kIoU on boxes whose IoU is known by hand. */
class BoxMetricsTest {

    private static final Box3 UNIT = new Box3(0, 0, 0, 1, 1, 1);
    /** Shifted by half a side along x: overlap 0.5, union 1.5, IoU 1/3. */
    private static final Box3 HALF = new Box3(0.5f, 0, 0, 1, 1, 1);
    private static final Box3 FAR = new Box3(5, 5, 5, 1, 1, 1);

    @Test
    void scanReferSplits() {
        assertEquals(1.0 / 3, HALF.iou(UNIT), 1e-9);
        GroundingAccuracy acc = GroundingAccuracy.of(List.of(
                new GroundingAccuracy.Sample(UNIT, UNIT, true),
                new GroundingAccuracy.Sample(HALF, UNIT, true),
                new GroundingAccuracy.Sample(FAR, UNIT, false),
                new GroundingAccuracy.Sample(HALF, UNIT, false)));
        assertSplit(2, 1.0, 0.5, (1 + 1.0 / 3) / 2, acc.unique());
        assertSplit(2, 0.5, 0.0, (1.0 / 3) / 2, acc.multiple());
        assertEquals(0.75, acc.overall().at25(), 1e-12);
        assertEquals(0.25, acc.overall().at50(), 1e-12);
        assertEquals(4, acc.overall().count());
    }

    @Test
    void thresholdIsInclusive() {
        // Half overlap along x and identical elsewhere, sizes 1 and 1: IoU 1/3. A box of half the
        // size inside the target: IoU exactly 0.5, which counts at 0.5.
        Box3 inner = new Box3(0, 0, 0, 0.5f, 1, 1);
        assertEquals(0.5, inner.iou(UNIT), 1e-12);
        assertEquals(1.0, GroundingAccuracy.of(List.of(new GroundingAccuracy.Sample(inner, UNIT, true)))
                .unique().at50());
        assertTrue(Double.isNaN(GroundingAccuracy.of(List.of(new GroundingAccuracy.Sample(inner, UNIT, true)))
                .multiple().at25()), "no multiple samples: nothing to score");
    }

    @Test
    void scan2CapMasksCaptionsBelowThreshold() {
        MetricScore m = new MetricScore("CIDEr", 3, new double[] {2, 4});
        MetricScore masked = Scan2CapScores.masked(m, new double[] {0, 1}, 0.5);
        assertArrayEquals(new double[] {0, 4}, masked.perSample());
        assertEquals(2.0, masked.score());
        assertEquals("CIDEr@0.5", masked.name());
    }

    private static void assertSplit(int n, double at25, double at50, double meanIou, GroundingAccuracy.Split s) {
        assertEquals(n, s.count());
        assertEquals(at25, s.at25(), 1e-12);
        assertEquals(at50, s.at50(), 1e-12);
        assertEquals(meanIou, s.meanIou(), 1e-7);
    }
}
