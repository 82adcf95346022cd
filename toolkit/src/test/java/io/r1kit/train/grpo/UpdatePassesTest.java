package io.r1kit.train.grpo;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.r1kit.model.vlm.Vlm3d;
import io.r1kit.model.vlm.VlmConfig;
import io.r1kit.model.vlm.VlmExample;
import io.r1kit.train.GradientUpdate;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An update split into passes gives the one-pass gradient, for every loss type, with KL and a masked output. */
class UpdatePassesTest {

    private static final int[][] OUTPUTS = {{20, 30, 140}, {200, 3}, {41, 42, 43, 44, 45, 46}, {100}, {7, 8}, {9, 10, 11}};
    private static final double[] ADVANTAGES = {0.9, -0.9, -0.4, 1.3, 0.2, -1.1};
    private static final float[] KEEP = {1, 1, 0, 1, 1, 1};   // the longest output is a masked truncated one

    @Test
    void passesAreLongestFirstAndCountTheWholeUpdate() {
        VlmConfig config = GrpoTrainerTest.tiny(1);
        List<VlmExample> batch = batch(config);
        UpdatePasses u = UpdatePasses.of(batch, KEEP, ADVANTAGES, 4);
        assertEquals(2, u.passes().size());
        assertEquals(List.of(4, 2), u.passes().stream().map(p -> p.batch().size()).toList());
        assertEquals(6, u.passes().get(0).batch().get(0).answer().length);     // the longest opens the first pass
        assertEquals(0f, u.passes().get(0).keep()[0]);
        assertEquals(-0.4f, u.passes().get(0).advantages()[0], 1e-7);
        assertEquals(6, u.whole().outputs());
        assertEquals(3 + 2 + 1 + 2 + 3, u.whole().tokens(), 0);                 // the masked output's 6 left out
        assertEquals(1, UpdatePasses.of(batch, KEEP, ADVANTAGES, 0).passes().size());
        assertThrows(IllegalArgumentException.class, () -> UpdatePasses.of(batch, new float[2], ADVANTAGES, 2));
    }

    @Test
    void twoAndThreePassesGiveTheOnePassGradientForEachLossType() {
        VlmConfig config = GrpoTrainerTest.tiny(1);
        for (GrpoLoss.Type type : GrpoLoss.Type.values()) {
            GrpoConfig recipe = GrpoConfig.fromJson("{\"num_generations\": 2, \"max_completion_length\": 6, \"beta\": 0.05,"
                    + " \"loss_type\": \"" + type.slug() + "\", \"mask_truncated_completions\": true}");
            try (Vlm3d policy = Vlm3d.initialize(config, Device.cpu());
                 Vlm3d reference = Vlm3d.initialize(GrpoTrainerTest.tiny(9), Device.cpu())) {
                GrpoTrainer trainer = new GrpoTrainer(policy, reference, GrpoTrainerTest::words, recipe);
                List<VlmExample> batch = batch(config);
                float[][] one = gradients(policy, reference, trainer, batch, 0);
                for (int size : new int[] {4, 2}) {
                    float[][] split = gradients(policy, reference, trainer, batch, size);
                    double norm = 0;
                    for (int k = 0; k < one.length; k++) {
                        assertArrayEquals(one[k], split[k], 2e-6f, type + " in passes of " + size);
                        for (float v : one[k]) {
                            norm += v * v;
                        }
                    }
                    assertTrue(norm > 1e-10, type + ": no gradient");
                }
            }
        }
    }

    private static List<VlmExample> batch(VlmConfig config) {
        List<GrpoPrompt> prompts = GrpoTrainerTest.prompts(config, new GrpoTrainerTest.ShareReward("lo"));
        List<VlmExample> batch = new ArrayList<>();
        for (int i = 0; i < OUTPUTS.length; i++) {
            GrpoPrompt p = prompts.get(i % 2);
            batch.add(new VlmExample(p.features(), p.prompt(), OUTPUTS[i]));
        }
        return batch;
    }

    /** Every parameter's gradient after one update made in passes of {@code size}; the gradients are zeroed after. */
    private static float[][] gradients(Vlm3d policy, Vlm3d reference, GrpoTrainer trainer, List<VlmExample> batch,
                                       int size) {
        UpdatePasses u = UpdatePasses.of(batch, KEEP, ADVANTAGES, size);
        try (NDManager scope = policy.newScope()) {
            for (UpdatePasses.Pass pass : u.passes()) {
                NDArray ref = GrpoTrainer.logProbs(reference, pass.batch(), scope, 1.0);
                trainer.update(pass, u.whole(), null, ref, scope);
            }
            Map<String, NDArray> p = policy.parameters();
            float[][] out = new float[p.size()][];
            int k = 0;
            for (NDArray w : p.values()) {
                NDArray g = w.getGradient();
                out[k++] = g.toFloatArray();
                g.close();
            }
            GradientUpdate.zero(p, scope);
            return out;
        }
    }
}
