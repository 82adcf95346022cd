package io.r1kit.model.lm;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one-call generation step against the layers' op-by-op path: the same hidden states step after step, with
 * and without padded rows, in float32 and float16, and the cache it writes in place reads back the same.
 */
class ScriptedDecodeTest {

    private static final Qwen2Config CONFIG = Qwen2Config.builder().vocabSize(40).hiddenSize(32)
            .intermediateSize(48).layers(2).heads(4).kvHeads(2).build();

    @Test
    void float32StepsEqualTheOpByOpPathWithAndWithoutPadding() {
        agrees(ComputeDtype.FLOAT32, false, 1e-5f);
        agrees(ComputeDtype.FLOAT32, true, 1e-5f);
    }

    @Test
    void float16StepsEqualTheOpByOpPathToItsRounding() {
        agrees(ComputeDtype.FLOAT16, true, 4e-3f);
    }

    @Test
    void generationOnAThreadThatRecordsGradientsStillRunsAndRecordsNone() {
        // a JShell snippet or a notebook cell runs on a thread with gradients on, and GRPO's policy is trainable
        try (Qwen2Model model = Qwen2Checkpoint.initialize(CONFIG, 12, Device.cpu())) {
            model.setTrainable(true);
            boolean was = ai.djl.pytorch.jni.JniUtils.isGradMode();
            ai.djl.pytorch.jni.JniUtils.setGradMode(true);
            try {
                io.r1kit.model.generate.Generation g = new io.r1kit.model.generate.Generator(model).generate(
                        new int[] {3, 7, 1}, io.r1kit.model.generate.GenerationConfig.builder().maxNewTokens(6).build());
                assertEquals(6, g.tokens().length);
                assertTrue(ai.djl.pytorch.jni.JniUtils.isGradMode(), "the thread's mode is given back");
            } finally {
                ai.djl.pytorch.jni.JniUtils.setGradMode(was);
            }
        }
    }

    private static void agrees(ComputeDtype dtype, boolean padded, float tolerance) {
        try (Qwen2Model model = Qwen2Checkpoint.initialize(CONFIG, 11, Device.cpu(), dtype);
             NDManager scope = model.newScope()) {
            long[][] prompt = {{3, 7, 1, 9, 4}, {0, 0, 5, 2, 8}, {6, 6, 1, 3, 2}};
            boolean[][] keep = new boolean[3][5];
            for (boolean[] row : keep) {
                Arrays.fill(row, true);
            }
            if (padded) {
                keep[1][0] = false;   // row 1 is left-padded by two
                keep[1][1] = false;
            }
            KvCache scripted = model.newCache(scope, 3, 16);
            KvCache ops = model.newCache(scope, 3);
            NDArray ids = scope.create(prompt);
            float[] a = floats(model.hidden(model.embed(ids), keep, scripted));
            float[] b = floats(model.hidden(model.embed(ids), keep, ops));
            assertClose(b, a, tolerance, "prompt");
            boolean[][] one = {{true}, {true}, {true}};
            for (int step = 0; step < 6; step++) {
                NDArray next = scope.create(new long[][] {{(step * 7) % 40}, {(step * 3 + 1) % 40}, {(step + 20) % 40}});
                NDArray x = model.embed(next);
                assertTrue(ScriptedDecode.applies(model.layers(), 1, scripted), "the preallocated cache steps in one call");
                assertFalse(ScriptedDecode.applies(model.layers(), 1, ops), "a growing cache steps op by op");
                float[] s = floats(model.hidden(x, one, scripted));
                float[] o = floats(model.hidden(model.embed(next), one, ops));
                assertEquals(3 * CONFIG.hiddenSize(), s.length);
                assertClose(o, s, tolerance, "step " + step);
            }
            assertEquals(11, scripted.length());
        }
    }

    private static float[] floats(NDArray a) {
        return Qwen2Model.floats(a);
    }

    private static void assertClose(float[] expected, float[] actual, float tolerance, String what) {
        assertEquals(expected.length, actual.length, what);
        float worst = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        }
        assertTrue(worst <= tolerance, what + ": largest difference " + worst);
    }
}
