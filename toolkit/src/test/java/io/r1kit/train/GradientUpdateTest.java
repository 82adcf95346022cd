package io.r1kit.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import io.r1kit.model.Engines;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The shared update step: a NaN gradient changes nothing; the toolkit's AdamW matches PyTorch's formula. */
class GradientUpdateTest {

    @Test
    void aNanGradientIsRefusedBeforeAnyWeightChangesAndIsCleared() {
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            NDArray w = m.create(new float[] {1, 2, 3});
            NDArray v = m.create(new float[] {4, 5});
            w.setRequiresGradient(true);
            v.setRequiresGradient(true);
            try (GradientCollector c = Engines.pytorch().newGradientCollector()) {
                c.backward(w.mul(m.create(new float[] {1, Float.NaN, 1})).sum().add(v.sum()));
            }
            AdamW opt = new AdamW(0.1, 0, m);
            Map<String, NDArray> parameters = new java.util.LinkedHashMap<>();
            parameters.put("v", v);
            parameters.put("w", w);
            GradientUpdate.NonFiniteGradient e = assertThrows(GradientUpdate.NonFiniteGradient.class,
                    () -> GradientUpdate.apply(parameters, opt, 1f, m));
            assertEquals("the gradient norm is NaN (a NaN or infinite loss or weight); no update was made;"
                    + " not finite in 1 parameter: w", e.getMessage());
            assertArrayEquals(new float[] {1, 2, 3}, w.toFloatArray(), 0f);
            assertArrayEquals(new float[] {4, 5}, v.toFloatArray(), 0f);
            assertArrayEquals(new float[] {0, 0}, v.getGradient().toFloatArray(), 0f);
            assertArrayEquals(new float[] {0, 0, 0}, w.getGradient().toFloatArray(), 0f);
            assertEquals(0, opt.steps());
        }
    }

    @Test
    void aStepOnAThreadOtherThanTheEnginesUpdatesTheWeights() throws Exception {
        Engines.pytorch();   // started here; PyTorch's autograd is on for every new thread
        float[][] after = new float[1][];
        Throwable[] failed = new Throwable[1];
        Thread worker = new Thread(() -> {
            try (NDManager m = Engines.pytorch().newBaseManager()) {
                NDArray w = m.create(new float[] {1, 2});
                w.setRequiresGradient(true);
                try (GradientCollector c = Engines.pytorch().newGradientCollector()) {
                    c.backward(w.mul(m.create(new float[] {1, -1})).sum());
                }
                GradientUpdate.apply(Map.of("w", w), new AdamW(0.1, 0, m), 1f, m);
                after[0] = w.toFloatArray();
            } catch (Throwable t) {
                failed[0] = t;
            }
        });
        worker.start();
        worker.join();
        assertEquals(null, failed[0], () -> "the update failed: " + failed[0]);
        assertArrayEquals(new float[] {0.9f, 2.1f}, after[0], 1e-5f);   // AdamW's first step: lr · sign(g)
    }

    @Test
    void adamWTakesPyTorchsStepAndItsStateRestores() {
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            NDArray w = m.create(new float[] {1, -2});
            NDArray g = m.create(new float[] {0.5f, -1});
            AdamW opt = new AdamW(0.1, 0.01, m);
            opt.update("w", w, g);
            opt.step();
            // step 1: m = 0.1 g, v = 0.001 g², m̂ = g, v̂ = g²: w ← w(1 - 0.1·0.01) - 0.1·g/(|g| + 1e-8)
            assertArrayEquals(new float[] {1 * 0.999f - 0.1f, -2 * 0.999f + 0.1f}, w.toFloatArray(), 1e-6f);
            opt.update("w", w, g);
            opt.step();
            float[] twice = w.toFloatArray();
            // a fresh optimiser restored from the state after step 1 takes the same second step
            NDArray w2 = m.create(new float[] {1, -2});
            AdamW a = new AdamW(0.1, 0.01, m);
            a.update("w", w2, g);
            a.step();
            AdamW b = new AdamW(0.1, 0.01, m);
            b.restore(a.state(), Map.of("w", w2));
            assertEquals(1, b.steps());
            b.update("w", w2, g);
            b.step();
            assertArrayEquals(twice, w2.toFloatArray(), 0f);
            assertEquals("optimizer state tensor x.exp_avg fits no parameter of the model",
                    assertThrows(IllegalArgumentException.class, () -> new AdamW(0.1, 0, m)
                            .restore(Map.of("x.exp_avg", a.state().get("w.exp_avg"), "__step__", a.state().get("__step__")),
                                    Map.of("w", w2))).getMessage());
        }
    }

    @Test
    void aScheduleEndingAtZeroMakesItsLastUpdateAndANegativeRateIsRefused() {
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            LearningRateSchedule cosine = new LearningRateSchedule(0.1, 0, 3, 0.0);   // 0.1, 0.05, 0
            assertEquals(0.0, cosine.at(2), 1e-12);
            NDArray w = m.create(new float[] {1, -2});
            NDArray g = m.create(new float[] {0.5f, -1});
            AdamW opt = new AdamW(t -> cosine.at(t - 1), 0.01, m);
            for (int t = 1; t <= 2; t++) {
                opt.update("w", w, g);
                opt.step();
            }
            float[] beforeLast = w.toFloatArray();
            opt.update("w", w, g);
            opt.step();
            assertArrayEquals(beforeLast, w.toFloatArray(), 0f);
            assertEquals(3, opt.steps());
            AdamW negative = new AdamW(t -> -0.1, 0, m);
            assertEquals("AdamW's learning rate at update 1 is -0.1; it must be >= 0",
                    assertThrows(IllegalStateException.class, () -> negative.update("w", w, g)).getMessage());
        }
    }
}
