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

/**
 * An update split into passes gives the one-pass gradient, for every loss type, with KL and a masked output; outputs
 * whose gradient is zero can be left out of the passes without changing it.
 */
class UpdatePassesTest {

    private static final int[][] OUTPUTS = {{20, 30, 140}, {200, 3}, {41, 42, 43, 44, 45, 46}, {100}, {7, 8}, {9, 10, 11}};
    static final double[] ADVANTAGES = {0.9, -0.9, -0.4, 1.3, 0.2, -1.1};
    static final float[] KEEP = {1, 1, 0, 1, 1, 1};   // the longest output is a masked truncated one

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

    @Test
    void silentOutputsAreNotFedAndTheGradientStaysTheSame() {
        VlmConfig config = GrpoTrainerTest.tiny(1);
        double[] tied = {0.9, 0, -0.4, 0, 0.2, -1.1};   // outputs 1 and 3 in a tied group: no signal at beta 0
        for (GrpoLoss.Type type : GrpoLoss.Type.values()) {
            GrpoConfig recipe = GrpoConfig.fromJson("{\"num_generations\": 2, \"max_completion_length\": 6, \"beta\": 0,"
                    + " \"loss_type\": \"" + type.slug() + "\", \"mask_truncated_completions\": true}");
            try (Vlm3d policy = Vlm3d.initialize(config, Device.cpu())) {
                GrpoTrainer trainer = new GrpoTrainer(policy, null, GrpoTrainerTest::words, recipe);
                List<VlmExample> batch = batch(config);
                UpdatePasses quiet = UpdatePasses.withoutSilent(batch, KEEP, tied, 2, false);
                assertEquals(3, quiet.silent());                         // the masked output and the two tied ones
                assertEquals(2 + 1, quiet.silentTokens(), 0);            // the masked one's tokens never counted
                assertEquals(3, quiet.passes().stream().mapToInt(p -> p.batch().size()).sum());
                assertEquals(UpdatePasses.of(batch, KEEP, tied, 2).whole(), quiet.whole());
                float[][] all = gradients(policy, null, trainer, UpdatePasses.of(batch, KEEP, tied, 2));
                float[][] fed = gradients(policy, null, trainer, quiet);
                for (int k = 0; k < all.length; k++) {
                    assertArrayEquals(all[k], fed[k], 2e-6f, type + ": silent outputs left out");
                }
            }
        }
        // with a KL term a tied output still has a gradient, so only the masked one is left out
        assertEquals(1, UpdatePasses.withoutSilent(batch(config), KEEP, tied, 2, true).silent());
    }

    @Test
    void clipSharesCountTheSilentTokens() {
        VlmConfig config = GrpoTrainerTest.tiny(1);
        UpdatePasses quiet = UpdatePasses.withoutSilent(batch(config), KEEP, new double[] {0.9, 0, -0.4, 0, 0.2, -1.1},
                2, false);
        UpdatePasses.Sum sum = UpdatePasses.Sum.of(quiet);
        sum.add(new UpdatePasses.Done(0.1, 1.0, 0.5, 0.25, 0, 6, 3.0, 6));
        assertEquals(0.5 * 6 / 9, sum.result().lowClip(), 1e-12);   // 6 fed tokens and 3 silent ones
        assertEquals(0.25 * 6 / 9, sum.result().highClip(), 1e-12);
        assertEquals(1.0, sum.result().ratio(), 1e-12);
        assertEquals(0.5, sum.entropy(), 1e-12);
        assertTrue(Double.isNaN(UpdatePasses.Sum.of(quiet).entropy()), "no output fed: no entropy measured");
    }

    static List<VlmExample> batch(VlmConfig config) {
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
        return gradients(policy, reference, trainer, UpdatePasses.of(batch, KEEP, ADVANTAGES, size));
    }

    /** As above for the passes {@code u}; no reference (null) at beta 0. */
    static float[][] gradients(Vlm3d policy, Vlm3d reference, GrpoTrainer trainer, UpdatePasses u) {
        return gradients(policy, reference, trainer, u, 1.0);
    }

    /** As above, the reference's log-probabilities taken at {@code temperature} (the recipe's). */
    static float[][] gradients(Vlm3d policy, Vlm3d reference, GrpoTrainer trainer, UpdatePasses u, double temperature) {
        try (NDManager scope = policy.newScope()) {
            for (UpdatePasses.Pass pass : u.passes()) {
                NDArray ref = reference == null ? null
                        : GrpoTrainer.logProbs(reference, pass.batch(), scope, temperature);
                trainer.update(pass, u.whole(), null, ref, scope);
            }
            return taken(policy, scope);
        }
    }

    /** Every parameter's gradient as it stands, in the parameters' order; the gradients are zeroed after. */
    static float[][] taken(Vlm3d policy, NDManager scope) {
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
