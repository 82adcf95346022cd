package io.r1kit.train.grpo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.r1kit.model.Engines;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The loss and its gradient with respect to the new log-probabilities, worked out by hand. */
class GrpoLossTest {

    private static NDArray leaf(NDManager m, float[] values, int rows) {
        NDArray a = m.create(values, new Shape(rows, values.length / rows));
        a.setRequiresGradient(true);
        return a;
    }

    @Test
    void clippedTokensWithPositiveAdvantageGetNoGradient() {
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            float ln2 = (float) Math.log(2);
            float[] newValues = {-1, -1, -1, -2, -2, -2};
            NDArray lp = leaf(m, newValues, 2);
            // ratios: row 0 (Â = +1) 1, 2, 0.5; row 1 (Â = -1) 1, 2, and a padding token
            NDArray old = m.create(new float[] {-1, -1 - ln2, -1 + ln2, -2, -2 - ln2, -2}, new Shape(2, 3));
            NDArray mask = m.create(new float[] {1, 1, 1, 1, 1, 0}, new Shape(2, 3));
            NDArray adv = m.create(new float[] {1, -1});
            GrpoLoss.Result r;
            try (GradientCollector c = Engines.pytorch().newGradientCollector()) {
                r = GrpoLoss.compute(lp, old, lp.duplicate(), adv, mask, 0.2, 0.02);
                c.backward(r.loss());
            }
            // row 0: (1 + min(2, 1.2) + min(0.5, 0.8)) / 3 = 0.9; row 1: (-1 + min(-2, -1.2)) / 2 = -1.5; -(0.9 - 1.5) / 2
            assertEquals(0.3, r.loss().getFloat(), 1e-6);
            // dL/dlp = -(1/N)(1/|o|) Â ρ on unclipped tokens, 0 on the clipped one and on padding
            assertArrayEquals(new float[] {-1f / 6, 0, -1f / 12, 0.25f, 0.5f, 0}, lp.getGradient().toFloatArray(), 1e-6f);
            assertEquals(1.3, r.meanRatio(), 1e-6);        // (1 + 2 + 0.5 + 1 + 2) / 5
            assertEquals(0.2, r.clippedFraction(), 1e-6);  // only row 0's ρ = 2 is clipped
            assertEquals(0, r.meanKl(), 1e-7);
        }
    }

    @Test
    void klIsTheK3EstimatorAndIsZeroWithZeroGradientWhenThePolicyIsTheReference() {
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            NDArray lp = leaf(m, new float[] {0, -1}, 1);
            NDArray ref = m.create(new float[] {-1, 0}, new Shape(1, 2));
            NDArray ones = m.ones(new Shape(1, 2));
            NDArray zeroAdv = m.create(new float[] {0});
            GrpoLoss.Result r;
            try (GradientCollector c = Engines.pytorch().newGradientCollector()) {
                r = GrpoLoss.compute(lp, lp.duplicate(), ref, zeroAdv, ones, 0.2, 1.0);
                c.backward(r.loss());
            }
            // D = e^(ref - new) - (ref - new) - 1: e^-1 + 1 - 1 = 0.367879 and e - 1 - 1 = 0.718282
            assertEquals((0.367879 + 0.718282) / 2, r.meanKl(), 1e-6);
            assertEquals((0.367879 + 0.718282) / 2, r.loss().getFloat(), 1e-6);   // β = 1, Â = 0
            // dD/dnew = 1 - e^(ref - new), over |o| = 2: (1 - 0.367879) / 2, (1 - 2.718282) / 2
            assertArrayEquals(new float[] {0.316060f, -0.859141f}, lp.getGradient().toFloatArray(), 1e-6f);

            NDArray same = leaf(m, new float[] {-0.5f, -3}, 1);
            try (GradientCollector c = Engines.pytorch().newGradientCollector()) {
                r = GrpoLoss.compute(same, same.duplicate(), same.duplicate(), zeroAdv, ones, 0.2, 0.02);
                c.backward(r.loss());
            }
            assertEquals(0, r.meanKl(), 0);
            assertEquals(0, r.loss().getFloat(), 0);
            assertArrayEquals(new float[] {0, 0}, same.getGradient().toFloatArray(), 0);
        }
    }
}
