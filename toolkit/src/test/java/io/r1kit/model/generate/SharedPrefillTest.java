package io.r1kit.model.generate;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.r1kit.model.lm.Qwen2Checkpoint;
import io.r1kit.model.lm.Qwen2Model;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Rows that repeat a prompt are fed once ({@link SharedPrefill}): the same tokens and log-probabilities as a batch
 * whose rows are separate arrays of the same numbers (which is fed row by row), on the tiny reference checkpoint.
 */
class SharedPrefillTest {

    private static final int NEW_TOKENS = 12;

    private static Qwen2Model model;

    private static NDManager arrays;

    @BeforeAll
    static void load() throws Exception {
        model = Qwen2Checkpoint.load(Path.of(SharedPrefillTest.class
                .getResource("/io/r1kit/model/lm/tiny-qwen2/config.json").toURI()).getParent(), Device.cpu());
        arrays = model.newScope();
    }

    @AfterAll
    static void close() {
        arrays.close();
        model.close();
    }

    @Test
    void rowsRepeatOnlyWithTheSameArraysAndTokens() {
        int[] a = {5, 6, 7};
        NDArray p = prefix(3, 1);
        NDArray q = prefix(3, 1);                      // equal numbers, another array: not the same row
        SharedPrefill s = SharedPrefill.of(List.of(a, a.clone(), new int[] {5, 6}, a, a),
                Arrays.asList(p, p, p, q, null), null);
        assertNotNull(s);
        assertEquals(4, s.size());
        assertArrayEquals(new int[] {0, 0, 1, 2, 3}, s.rowOf());
        assertNull(SharedPrefill.of(List.of(a, a), Arrays.asList(p, q), null), "no row repeats another");
        assertNull(SharedPrefill.of(List.of(a, a), Arrays.asList(p, p), Arrays.asList(p, q)),
                "other pointer entries make another row");
        assertNotNull(SharedPrefill.of(List.of(a, a.clone()), null, null), "without prefixes the tokens decide");
    }

    @Test
    void sharedGroupsSampleWhatSeparateRowsSample() {
        int[] first = {11, 12, 13, 14};
        int[] second = {21, 22};                       // shorter: left-padded beside the first
        NDArray p1 = prefix(5, 2);
        NDArray p2 = prefix(3, 3);
        NDArray e1 = prefix(4, 4);                     // pointer entries, ids V..V+3
        NDArray e2 = prefix(2, 5);
        List<int[]> prompts = new ArrayList<>();
        List<NDArray> shared = new ArrayList<>();
        List<NDArray> separate = new ArrayList<>();
        List<NDArray> sharedEntries = new ArrayList<>();
        List<NDArray> separateEntries = new ArrayList<>();
        for (int group : new int[] {0, 0, 1, 0, 1, 1, 1, 0}) {  // two groups of four rows, mixed as sorted rows may be
            boolean one = group == 0;
            prompts.add(one ? first : second);
            shared.add(one ? p1 : p2);
            separate.add((one ? p1 : p2).duplicate());
            sharedEntries.add(one ? e1 : e2);
            separateEntries.add((one ? e1 : e2).duplicate());
        }
        assertEquals(2, SharedPrefill.of(prompts, shared, sharedEntries).size());
        assertNull(SharedPrefill.of(prompts, separate, separateEntries));
        GenerationConfig sampling = GenerationConfig.builder().maxNewTokens(NEW_TOKENS).sample(true)
                .temperature(1.5).seed(7).build();
        Generator g = new Generator(model);
        List<Generation> a = g.generate(prompts, shared, sharedEntries, sampling, null, null);
        List<Generation> b = g.generate(prompts, separate, separateEntries, sampling, null, null);
        boolean differ = false;
        boolean pointed = false;
        for (int r = 0; r < prompts.size(); r++) {
            assertArrayEquals(b.get(r).tokens(), a.get(r).tokens(), "row " + r);
            assertArrayEquals(b.get(r).logProbs(), a.get(r).logProbs(), 1e-5f, "row " + r);
            differ |= !Arrays.equals(a.get(r).tokens(), a.get(0).tokens());
            pointed |= Arrays.stream(a.get(r).tokens()).anyMatch(t -> t >= model.config().vocabSize());
        }
        assertTrue(differ, "the rows of a group drew the same tokens: the test could not see a copied draw");
        assertTrue(pointed, "no row chose a pointer entry: the copied entries were not exercised");
    }

    @Test
    void greedyRepeatsAreEachRowAlone() {
        int[] prompt = {3, 1, 4, 1, 5};
        NDArray p = prefix(4, 6);
        GenerationConfig greedy = GenerationConfig.builder().maxNewTokens(NEW_TOKENS).build();
        Generator g = new Generator(model);
        int[] alone = g.generate(prompt, p, greedy).tokens();
        List<Generation> batch = g.generate(List.of(prompt, prompt, prompt), Arrays.asList(p, p, p), greedy, null, null);
        for (Generation out : batch) {
            assertArrayEquals(alone, out.tokens());
        }
    }

    /** Rows of random embeddings [n, C] of a fixed seed, in the model's manager (freed with it). */
    private static NDArray prefix(int n, long seed) {
        Random random = new Random(seed);
        float[][] rows = new float[n][model.config().hiddenSize()];
        for (float[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) random.nextGaussian() * 0.5f;
            }
        }
        return arrays.create(rows);
    }
}
