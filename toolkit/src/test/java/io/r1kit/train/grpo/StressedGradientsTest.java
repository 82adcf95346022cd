package io.r1kit.train.grpo;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import io.r1kit.model.CollectorStress;
import io.r1kit.model.vlm.Vlm3d;
import io.r1kit.model.vlm.VlmConfig;
import io.r1kit.model.vlm.VlmExample;
import io.r1kit.train.sft.SftLoss;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * GRPO's and SFT's gradients come out the same while the garbage collector runs all the time: no array the
 * backward pass reads lives in a buffer the collector may free (a constant from DJL's {@code mul(Number)} did, and
 * one update in a few came out wrong).
 */
class StressedGradientsTest {

    @Test
    void grpoAndSftGradientsDoNotChangeUnderTheCollector() throws Exception {
        VlmConfig config = GrpoTrainerTest.tiny(1);
        for (String type : new String[] {"grpo", "dr_grpo"}) {
            GrpoConfig recipe = GrpoConfig.fromJson("{\"num_generations\": 2, \"max_completion_length\": 6, \"beta\": 0.05,"
                    + " \"temperature\": 1.2, \"loss_type\": \"" + type + "\", \"mask_truncated_completions\": true}");
            try (Vlm3d policy = Vlm3d.initialize(config, Device.cpu());
                 Vlm3d reference = Vlm3d.initialize(GrpoTrainerTest.tiny(9), Device.cpu())) {
                GrpoTrainer trainer = new GrpoTrainer(policy, reference, GrpoTrainerTest::words, recipe);
                List<VlmExample> batch = UpdatePassesTest.batch(config);
                UpdatePasses u = UpdatePasses.of(batch, UpdatePassesTest.KEEP, UpdatePassesTest.ADVANTAGES, 4);
                float[][] calm = UpdatePassesTest.gradients(policy, reference, trainer, u, 1.2);
                float[][] sftCalm = sft(policy, batch);
                try (CollectorStress s = CollectorStress.start()) {
                    for (int round = 0; round < 4; round++) {
                        float[][] busy = UpdatePassesTest.gradients(policy, reference, trainer, u, 1.2);
                        float[][] sftBusy = sft(policy, batch);
                        for (int k = 0; k < calm.length; k++) {
                            assertArrayEquals(calm[k], busy[k], 1e-7f, type + ", round " + round + ", parameter " + k);
                            assertArrayEquals(sftCalm[k], sftBusy[k], 1e-7f, "SFT, round " + round + ", parameter " + k);
                        }
                    }
                }
            }
        }
    }

    /** Every parameter's gradient of SFT's weighted loss over {@code batch}; zeroed after. */
    private static float[][] sft(Vlm3d policy, List<VlmExample> batch) {
        try (NDManager scope = policy.newScope()) {
            SftLoss.backward(policy, batch, 0.3, 0.5, scope);
            return UpdatePassesTest.taken(policy, scope);
        }
    }
}
