package io.r1kit.train.grpo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.r1kit.model.Engines;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** TRL's {@code top_entropy_quantile}: which tokens keep their policy term, and the loss that follows, by hand. */
class HighEntropyTokensTest {

    // two outputs of three positions; the last position of the second is padding with the highest entropy
    private static final float[] ENTROPY = {0.1f, 0.9f, 0.5f, 2.0f, 0.3f, 3.0f};
    private static final float[] MASK = {1, 1, 1, 1, 1, 0};

    private static float[] keep(double quantile) {
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            Shape s = new Shape(2, 3);
            return HighEntropyTokens.mask(m.create(ENTROPY, s), m.create(MASK, s), quantile).toFloatArray();
        }
    }

    @Test
    void theThresholdIsTheLinearlyInterpolatedQuantileOfTheCountedTokensOnly() {
        // counted, sorted: 0.1 0.3 0.5 0.9 2.0; the 0.6 quantile sits at 2.4 of 0..4: 0.5 + 0.4 × 0.4
        assertEquals(0.66, HighEntropyTokens.threshold(ENTROPY, MASK, 0.6), 1e-6);
        assertEquals(0.1, HighEntropyTokens.threshold(ENTROPY, MASK, 0), 1e-6);
        assertEquals(2.0, HighEntropyTokens.threshold(ENTROPY, MASK, 1), 1e-6);   // padding's 3.0 is not counted
        assertEquals(Double.POSITIVE_INFINITY, HighEntropyTokens.threshold(ENTROPY, new float[6], 0.5));
    }

    @Test
    void rhoIsTheShareOfCountedTokensKeptHighestEntropyFirstAndPaddingIsNeverKept() {
        assertArrayEquals(new float[] {1, 1, 1, 1, 1, 0}, keep(1), 0);        // every counted token
        assertArrayEquals(new float[] {0, 1, 0, 1, 0, 0}, keep(0.4), 0);      // threshold 0.66: 0.9 and 2.0
        assertArrayEquals(new float[] {0, 0, 0, 1, 0, 0}, keep(0), 0);        // the highest only
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            Shape s = new Shape(2, 3);
            NDArray none = HighEntropyTokens.mask(m.create(ENTROPY, s), m.zeros(s), 0.2);
            assertArrayEquals(new float[6], none.toFloatArray(), 0);
            assertEquals("top_entropy_quantile 1.2 is outside [0, 1]; 0.2 is usual", assertThrows(
                    IllegalArgumentException.class, () -> HighEntropyTokens.mask(m.create(ENTROPY, s),
                            m.create(MASK, s), 1.2)).getMessage());
        }
    }

    @Test
    void maskedTokensLoseTheirPolicyTermButKeepTheirKlAndTheNormalisation() {
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            Shape s = new Shape(1, 2);
            NDArray lp = m.create(new float[] {-1, -1}, s);
            lp.setRequiresGradient(true);
            NDArray ref = m.create(new float[] {-2, 0}, s);
            NDArray ones = m.ones(s);
            NDArray first = m.create(new float[] {1, 0}, s);
            GrpoLoss.Options o = new GrpoLoss.Options(GrpoLoss.Type.GRPO, 0.2, 0.2, 1.0, 4);
            GrpoLoss.Result r;
            try (GradientCollector c = Engines.pytorch().newGradientCollector()) {
                r = GrpoLoss.compute(lp, lp.stopGradient(), ref, m.create(new float[] {1}), ones, first, o, null);
                c.backward(r.loss());
            }
            // ρ = 1, Â = 1: policy terms -1 (kept) and 0 (masked); k3 KL e^-1 + 1 - 1 and e - 1 - 1; mean of two
            assertEquals((-1 + 0.367879 + 0.718282) / 2, r.loss().getFloat(), 1e-6);
            // d/dlp: (-1 + 1 - e^-1) / 2 and (1 - e) / 2: the second token's gradient is its KL's alone
            assertArrayEquals(new float[] {-0.183940f, -0.859141f}, lp.getGradient().toFloatArray(), 1e-6f);
        }
    }
}
