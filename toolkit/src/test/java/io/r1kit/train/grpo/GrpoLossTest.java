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

    private static GrpoLoss.Options options(GrpoLoss.Type type, double epsilon, double beta) {
        return new GrpoLoss.Options(type, epsilon, epsilon, beta, 4);
    }

    /**
     * The batch of {@link #clippedTokensWithPositiveAdvantageGetNoGradient}: row 0 (Â = +1) has ratios 1, 2, 0.5,
     * row 1 (Â = -1) ratios 1, 2 and a padding token. Token losses -min(ρÂ, clip(ρ)Â) at ε = 0.2:
     * row 0 -1, -1.2 (clipped), -0.5; row 1 1, 2. Returns the loss and fills {@code gradient}.
     */
    private static double lossOf(GrpoLoss.Options o, float[] gradient) {
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            float ln2 = (float) Math.log(2);
            NDArray lp = leaf(m, new float[] {-1, -1, -1, -2, -2, -2}, 2);
            NDArray old = m.create(new float[] {-1, -1 - ln2, -1 + ln2, -2, -2 - ln2, -2}, new Shape(2, 3));
            NDArray mask = m.create(new float[] {1, 1, 1, 1, 1, 0}, new Shape(2, 3));
            NDArray adv = m.create(new float[] {1, -1});
            GrpoLoss.Result r;
            try (GradientCollector c = Engines.pytorch().newGradientCollector()) {
                r = GrpoLoss.compute(lp, old, null, adv, mask, o);
                c.backward(r.loss());
            }
            System.arraycopy(lp.getGradient().toFloatArray(), 0, gradient, 0, 6);
            return r.loss().getFloat();
        }
    }

    @Test
    void eachLossTypeNormalisesTheTokenSumAsTrlDoes() {
        float[] g = new float[6];
        // grpo: mean over rows of each row's token mean: (-2.7 / 3 + 3 / 2) / 2
        assertEquals(0.3, lossOf(options(GrpoLoss.Type.GRPO, 0.2, 0), g), 1e-6);
        assertArrayEquals(new float[] {-1f / 6, 0, -1f / 12, 0.25f, 0.5f, 0}, g, 1e-6f);
        // bnpo and dapo: the sum over the 5 tokens over 5
        assertEquals(0.06, lossOf(options(GrpoLoss.Type.BNPO, 0.2, 0), g), 1e-6);
        assertArrayEquals(new float[] {-0.2f, 0, -0.1f, 0.2f, 0.4f, 0}, g, 1e-6f);
        assertEquals(0.06, lossOf(options(GrpoLoss.Type.DAPO, 0.2, 0), g), 1e-6);
        assertArrayEquals(new float[] {-0.2f, 0, -0.1f, 0.2f, 0.4f, 0}, g, 1e-6f);
        // dr_grpo: the sum over N × max_completion_length = 2 × 4
        assertEquals(0.3 / 8, lossOf(options(GrpoLoss.Type.DR_GRPO, 0.2, 0), g), 1e-6);
        assertArrayEquals(new float[] {-0.125f, 0, -0.0625f, 0.125f, 0.25f, 0}, g, 1e-6f);
    }

    @Test
    void epsilonHighWidensOnlyTheUpperClip() {
        float[] g = new float[6];
        // ε_high 1.5: ρ = 2 with Â > 0 is inside [0.8, 2.5], so it pulls: row 0 (-1 - 2 - 0.5) / 3
        double loss = lossOf(new GrpoLoss.Options(GrpoLoss.Type.GRPO, 0.2, 1.5, 0, 4), g);
        assertEquals((-3.5 / 3 + 1.5) / 2, loss, 1e-6);
        assertArrayEquals(new float[] {-1f / 6, -1f / 3, -1f / 12, 0.25f, 0.5f, 0}, g, 1e-6f);
    }

    @Test
    void aRatioBelowTheLowerClipWithNegativeAdvantageIsCountedLowAndGetsNoGradient() {
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            NDArray lp = leaf(m, new float[] {-1, -1}, 1);
            NDArray old = m.create(new float[] {(float) (-1 - Math.log(0.5)), -1}, new Shape(1, 2));  // ρ = 0.5, 1
            NDArray ones = m.ones(new Shape(1, 2));
            GrpoLoss.Result r;
            try (GradientCollector c = Engines.pytorch().newGradientCollector()) {
                r = GrpoLoss.compute(lp, old, null, m.create(new float[] {-1}), ones, options(GrpoLoss.Type.GRPO, 0.2, 0));
                c.backward(r.loss());
            }
            assertEquals((0.8 + 1) / 2, r.loss().getFloat(), 1e-6);   // -min(-0.5, -0.8) = 0.8 and 1
            assertArrayEquals(new float[] {0, 0.5f}, lp.getGradient().toFloatArray(), 1e-6f);
            assertEquals(0.5, r.lowClip(), 1e-6);
            assertEquals(0, r.highClip(), 0);
        }
    }

    @Test
    void aRowMaskedOutEntirelyAddsNothingAndNoNaN() {
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            NDArray lp = leaf(m, new float[] {-1, -1, -2, -2}, 2);
            NDArray mask = m.create(new float[] {1, 1, 0, 0}, new Shape(2, 2));   // row 1: a masked truncated output
            GrpoLoss.Result r;
            try (GradientCollector c = Engines.pytorch().newGradientCollector()) {
                r = GrpoLoss.compute(lp, lp.duplicate(), null, m.create(new float[] {1, -1}), mask,
                        options(GrpoLoss.Type.GRPO, 0.2, 0));
                c.backward(r.loss());
            }
            assertEquals(-0.5, r.loss().getFloat(), 1e-6);   // row 0's mean -1 over N = 2 rows
            assertArrayEquals(new float[] {-0.25f, -0.25f, 0, 0}, lp.getGradient().toFloatArray(), 1e-6f);
        }
    }

    @Test
    void paddingWhoseLogProbsDifferPastExpsRangeLeavesTheLossAndGradientFinite() {
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            // token 1 of each row is padding; there the policy and the reference (and the sampler) disagree by
            // 100 and 200 nats, so exp of their difference is inf in float32
            NDArray lp = leaf(m, new float[] {-1, -150, -2, -20}, 2);
            NDArray old = m.create(new float[] {-1, -20, -2, -150}, new Shape(2, 2));
            NDArray ref = m.create(new float[] {-1, 50, -2, -220}, new Shape(2, 2));
            NDArray mask = m.create(new float[] {1, 0, 1, 0}, new Shape(2, 2));
            GrpoLoss.Result r;
            try (GradientCollector c = Engines.pytorch().newGradientCollector()) {
                r = GrpoLoss.compute(lp, old, ref, m.create(new float[] {1, -1}), mask,
                        options(GrpoLoss.Type.GRPO, 0.2, 0.04));
                c.backward(r.loss());
            }
            // only the counted tokens: ρ = 1, KL 0, so (-1 + 1) / 2 = 0, and the policy gradient -Â / N
            assertEquals(0, r.loss().getFloat(), 1e-6);
            assertArrayEquals(new float[] {-0.5f, 0, 0.5f, 0}, lp.getGradient().toFloatArray(), 1e-6f);
            assertEquals(0, r.meanKl(), 1e-9);
            assertEquals(1, r.meanRatio(), 1e-6);
        }
    }

    @Test
    void betaWithoutAReferenceIsRefused() {
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            NDArray lp = m.zeros(new Shape(1, 2));
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> GrpoLoss.compute(lp, lp, null, m.zeros(new Shape(1)), m.ones(new Shape(1, 2)),
                            options(GrpoLoss.Type.GRPO, 0.2, 0.02)));
            assertEquals("beta 0.02 needs the reference model's log-probs", e.getMessage());
            assertEquals(GrpoLoss.Type.DR_GRPO, GrpoLoss.Type.of("dr_grpo"));
            assertEquals("loss_type \"ppo\" is none of [grpo, bnpo, dr_grpo, dapo]",
                    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                            () -> GrpoLoss.Type.of("ppo")).getMessage());
        }
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
                r = GrpoLoss.compute(lp, old, lp.duplicate(), adv, mask, options(GrpoLoss.Type.GRPO, 0.2, 0.02));
                c.backward(r.loss());
            }
            // row 0: (1 + min(2, 1.2) + min(0.5, 0.8)) / 3 = 0.9; row 1: (-1 + min(-2, -1.2)) / 2 = -1.5; -(0.9 - 1.5) / 2
            assertEquals(0.3, r.loss().getFloat(), 1e-6);
            // dL/dlp = -(1/N)(1/|o|) Â ρ on unclipped tokens, 0 on the clipped one and on padding
            assertArrayEquals(new float[] {-1f / 6, 0, -1f / 12, 0.25f, 0.5f, 0}, lp.getGradient().toFloatArray(), 1e-6f);
            assertEquals(1.3, r.meanRatio(), 1e-6);        // (1 + 2 + 0.5 + 1 + 2) / 5
            assertEquals(0.2, r.clippedFraction(), 1e-6);  // only row 0's ρ = 2 is clipped
            assertEquals(0.2, r.highClip(), 1e-6);         // ... above 1 + ε with Â > 0
            assertEquals(0, r.lowClip(), 0);
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
                r = GrpoLoss.compute(lp, lp.duplicate(), ref, zeroAdv, ones, options(GrpoLoss.Type.GRPO, 0.2, 1.0));
                c.backward(r.loss());
            }
            // D = e^(ref - new) - (ref - new) - 1: e^-1 + 1 - 1 = 0.367879 and e - 1 - 1 = 0.718282
            assertEquals((0.367879 + 0.718282) / 2, r.meanKl(), 1e-6);
            assertEquals((0.367879 + 0.718282) / 2, r.loss().getFloat(), 1e-6);   // β = 1, Â = 0
            // dD/dnew = 1 - e^(ref - new), over |o| = 2: (1 - 0.367879) / 2, (1 - 2.718282) / 2
            assertArrayEquals(new float[] {0.316060f, -0.859141f}, lp.getGradient().toFloatArray(), 1e-6f);

            NDArray same = leaf(m, new float[] {-0.5f, -3}, 1);
            try (GradientCollector c = Engines.pytorch().newGradientCollector()) {
                r = GrpoLoss.compute(same, same.duplicate(), same.duplicate(), zeroAdv, ones, options(GrpoLoss.Type.GRPO, 0.2, 0.02));
                c.backward(r.loss());
            }
            assertEquals(0, r.meanKl(), 0);
            assertEquals(0, r.loss().getFloat(), 0);
            assertArrayEquals(new float[] {0, 0}, same.getGradient().toFloatArray(), 0);
        }
    }
}
