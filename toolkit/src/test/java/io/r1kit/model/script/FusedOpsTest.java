package io.r1kit.model.script;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import io.r1kit.model.Engines;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fused kernels give the values and gradients of the op-by-op formulas they replace. */
class FusedOpsTest {

    @Test
    void siluMulMatchesSigmoidProductsInValueAndGradient() {
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            m.getEngine().setRandomSeed(3);
            NDArray g = m.randomNormal(new Shape(2, 3, 5));
            NDArray u = m.randomNormal(new Shape(2, 3, 5));
            float[][] fused = valueAndGrads(m, g, u, true);
            float[][] plain = valueAndGrads(m, g, u, false);
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(plain[i], fused[i], 1e-6f);
            }
        }
    }

    private static float[][] valueAndGrads(NDManager m, NDArray g0, NDArray u0, boolean fused) {
        NDArray g = g0.duplicate();
        NDArray u = u0.duplicate();
        g.setRequiresGradient(true);
        u.setRequiresGradient(true);
        NDArray y;
        try (GradientCollector c = Engines.pytorch().newGradientCollector()) {
            y = fused ? FusedOps.siluMul(g, u) : g.mul(Activation.sigmoid(g)).mul(u);
            c.backward(y.mul(y.getManager().arange(30f).reshape(2, 3, 5)).sum());
        }
        assertEquals(g.getManager(), y.getManager());
        return new float[][] {y.toFloatArray(), g.getGradient().toFloatArray(), u.getGradient().toFloatArray()};
    }

    @Test
    void rmsNormMatchesItsDefinitionInFloat32AndHalfPrecision() {
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            NDArray x = m.create(new float[] {1, 2, 3, 4, -1, 0, 0, 1}, new Shape(2, 4));
            NDArray w = m.create(new float[] {1, 0.5f, 2, 1});
            float[] out = FusedOps.rmsNorm(x, w, 1e-6f).toFloatArray();
            double r0 = Math.sqrt((1 + 4 + 9 + 16) / 4.0 + 1e-6);
            double r1 = Math.sqrt(2 / 4.0 + 1e-6);
            assertArrayEquals(new float[] {(float) (1 / r0), (float) (0.5 * 2 / r0), (float) (2 * 3 / r0), (float) (4 / r0),
                    (float) (-1 / r1), 0, 0, (float) (1 / r1)}, out, 1e-6f);
            NDArray half = FusedOps.rmsNorm(x.toType(DataType.FLOAT16, false), w.toType(DataType.FLOAT16, false), 1e-6f);
            assertEquals(DataType.FLOAT16, half.getDataType());
            assertArrayEquals(out, half.toType(DataType.FLOAT32, false).toFloatArray(), 2e-3f);
        }
    }

    @Test
    void fusedAdamWTakesPyTorchsStepsAndZeroesTheGradients() {
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            NDArray w = m.create(new float[] {1, -2});
            NDArray g = m.create(new float[] {0.5f, -1});
            NDArray m1 = m.zeros(new Shape(2));
            NDArray m2 = m.zeros(new Shape(2));
            FusedOps.adamW(List.of(w), List.of(g), List.of(m1), List.of(m2), m.create(1f), 0.1, 0.9, 0.999, 0.01, 1e-8,
                    m.create(2f), false);
            assertArrayEquals(new float[] {0.25f, -0.5f}, g.toFloatArray(), 0f); // divided in place, not zeroed
            NDArray w1 = w.duplicate();
            NDArray g1 = g.duplicate();
            FusedOps.adamW(List.of(w1), List.of(g1), List.of(m1.duplicate()), List.of(m2.duplicate()), m.create(2f),
                    0.1, 0.9, 0.999, 0.01, 1e-8, m.create(1f), true);
            assertArrayEquals(new float[] {0, 0}, g1.toFloatArray(), 0f);
            // step 1 of AdamW on g / 2: m̂ = g/2, v̂ = g²/4, so w ← w(1 - 0.1·0.01) - 0.1·sign(g)
            assertArrayEquals(new float[] {1 * 0.999f - 0.1f, -2 * 0.999f + 0.1f}, w.toFloatArray(), 1e-6f);
            assertArrayEquals(new float[] {0.025f, -0.05f}, m1.toFloatArray(), 1e-7f);
            // step 2 on g / 2 again: m̂ = g/2 and v̂ = g²/4 once more (bias-corrected), the same step of 0.1
            assertArrayEquals(new float[] {0.899f * 0.999f - 0.1f, -1.898f * 0.999f + 0.1f}, w1.toFloatArray(), 1e-6f);
            assertThrows(IllegalArgumentException.class, () -> FusedOps.adamW(List.of(w), List.of(), List.of(m1),
                    List.of(m2), m.create(1f), 0.1, 0.9, 0.999, 0.01, 1e-8, m.create(1f), true));
        }
    }

    @Test
    void normsAreTheL2NormOfEachTensor() {
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            NDArray n = FusedOps.norms(List.of(m.create(new float[] {3, 4}), m.create(new float[][] {{1, 2}, {2, 4}})));
            assertArrayEquals(new float[] {5, 5}, n.toFloatArray(), 1e-6f);
            assertTrue(n.getManager() == m || n.getManager().getParentManager() != null);
        }
    }

    @Test
    void attentionMatchesTheSoftmaxOfScoresInValueAndGradient() {
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            m.getEngine().setRandomSeed(5);
            int b = 2, kv = 2, t = 5, s = 7, d = 4;
            NDArray k = m.randomNormal(new Shape(b, kv, s, d));
            NDArray v = m.randomNormal(new Shape(b, kv, s, d));
            // a causal mask over the last t keys, and row 0's first two keys padded away
            float[] add = new float[b * t * s];
            for (int r = 0; r < b; r++) {
                for (int i = 0; i < t; i++) {
                    for (int j = 0; j < s; j++) {
                        boolean hidden = j > i + (s - t) || (r == 0 && j < 2);
                        add[(r * t + i) * s + j] = hidden ? -1e9f : 0f;
                    }
                }
            }
            NDArray mask = m.create(add, new Shape(b, 1, t, s));
            for (int group : new int[] {1, 3}) {
                NDArray q = m.randomNormal(new Shape(b, kv * group, t, d)).mul(0.5f);
                for (NDArray mk : new NDArray[] {mask, null}) {
                    float[][] fused = attention(q, k, v, mk, group, true);
                    float[][] plain = attention(q, k, v, mk, group, false);
                    for (int i = 0; i < 4; i++) {
                        assertArrayEquals(plain[i], fused[i], 1e-5f, "group " + group + ", output/gradient " + i);
                    }
                }
            }
        }
    }

    /** The output and the gradients of q, k and v of a weighted sum of the attention's output. */
    private static float[][] attention(NDArray q0, NDArray k0, NDArray v0, NDArray mask, int group, boolean fused) {
        NDArray q = q0.duplicate();
        NDArray k = k0.duplicate();
        NDArray v = v0.duplicate();
        for (NDArray a : new NDArray[] {q, k, v}) {
            a.setRequiresGradient(true);
        }
        Shape shape = q.getShape();
        long b = shape.get(0), h = shape.get(1), t = shape.get(2), d = shape.get(3), s = k.getShape().get(2);
        NDArray y;
        try (GradientCollector c = Engines.pytorch().newGradientCollector()) {
            if (fused) {
                y = FusedOps.attention(q, k, v, mask, group);
            } else {
                NDArray keys = k.repeat(1, group);   // [B, H, S, D]: query head h reads key head h / group
                NDArray values = v.repeat(1, group);
                NDArray scores = q.matMul(keys.transpose(0, 1, 3, 2));
                y = (mask == null ? scores : scores.add(mask)).softmax(-1).matMul(values);
            }
            assertEquals(new Shape(b, h, t, d), y.getShape());
            c.backward(y.mul(y.getManager().arange((float) y.size()).reshape(y.getShape()).div(y.size())).sum());
        }
        return new float[][] {y.toFloatArray(), q.getGradient().toFloatArray(), k.getGradient().toFloatArray(),
                v.getGradient().toFloatArray()};
    }
}
