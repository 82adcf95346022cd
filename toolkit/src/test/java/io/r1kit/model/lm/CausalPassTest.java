package io.r1kit.model.lm;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Passes whose rows hold their real tokens first and padding after (training and scoring batches) run the
 * attention's causal kernel without a mask: a real token's hidden state is what the row alone gives, and a
 * left-padded batch or a cache that holds tokens already keeps the mask.
 */
class CausalPassTest {

    private static final Qwen2Config CONFIG = Qwen2Config.builder().vocabSize(40).hiddenSize(32)
            .intermediateSize(48).layers(2).heads(4).kvHeads(2).build();

    @Test
    void onlyAnEmptyCacheOfRealTokensThenPaddingIsCausalOnly() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            assertTrue(advanced(m, new boolean[][] {{true, true, true}, {true, true, true}}).causalOnly(), "no padding");
            assertTrue(advanced(m, new boolean[][] {{true, true, true}, {true, false, false}}).causalOnly(), "right");
            assertFalse(advanced(m, new boolean[][] {{true, true, true}, {false, true, true}}).causalOnly(), "left");
            assertFalse(advanced(m, new boolean[][] {{true, false, true}}).causalOnly(), "a hole");
            KvCache c = advanced(m, new boolean[][] {{true, true}});
            c.advance(new boolean[][] {{true}});
            assertFalse(c.causalOnly(), "a step after cached tokens");
        }
    }

    @Test
    void aRightPaddedBatchGivesEachRowWhatItGivesAlone() {
        try (Qwen2Model model = Qwen2Checkpoint.initialize(CONFIG, 13, Device.cpu());
             NDManager scope = model.newScope()) {
            long[][] ids = {{3, 7, 1, 9, 4, 11}, {5, 2, 8, 0, 0, 0}, {6, 6, 1, 3, 0, 0}};
            int[] lengths = {6, 3, 4};
            boolean[][] keep = new boolean[3][6];
            for (int r = 0; r < 3; r++) {
                Arrays.fill(keep[r], 0, lengths[r], true);
            }
            float[] batch = Qwen2Model.floats(model.hidden(model.embed(scope.create(ids)), keep, null)); // [3, 6, C]
            int c = CONFIG.hiddenSize();
            for (int r = 0; r < 3; r++) {
                long[][] alone = {Arrays.copyOf(ids[r], lengths[r])};
                boolean[][] all = {new boolean[lengths[r]]};
                Arrays.fill(all[0], true);
                float[] one = Qwen2Model.floats(model.hidden(model.embed(scope.create(alone)), all, null));
                float worst = 0;
                for (int i = 0; i < lengths[r] * c; i++) {
                    worst = Math.max(worst, Math.abs(one[i] - batch[r * 6 * c + i]));
                }
                assertTrue(worst < 1e-5f, "row " + r + ": largest difference " + worst);
            }
        }
    }

    private static KvCache advanced(NDManager m, boolean[][] keep) {
        KvCache c = new KvCache(m, 1, keep.length);
        c.advance(keep);
        return c;
    }
}
