package io.r1kit.model.lm;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The decoder against Hugging Face transformers' eager Qwen2 on the same weights
 * (fixtures from {@code src/test/python/make_qwen2_fixture.py}).
 */
class Qwen2ReferenceTest {

    private static final float TOLERANCE = 1e-4f;

    private static Qwen2Model model;
    private static JsonObject fixture;

    @BeforeAll
    static void load() throws IOException {
        model = Qwen2Checkpoint.load(Fixtures.dir("tiny-qwen2"), Device.cpu());
        fixture = Fixtures.json("tiny-qwen2");
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void configAndParameterCount() {
        Qwen2Config c = model.config();
        assertEquals(new Qwen2Config(256, 64, 128, 2, 4, 2, 1e-6, 10000.0, 128, false, 1, 2), c);
        // embed 256*64 + head 256*64 + norm 64 + 2 layers * (q 64*64+64, k,v 2*(32*64+32), o 64*64,
        // mlp 3*64*128, norms 2*64)
        long perLayer = (64 * 64 + 64) + 2 * (32 * 64 + 32) + 64 * 64 + 3 * 64 * 128 + 2 * 64;
        assertEquals(2L * 256 * 64 + 64 + 2 * perLayer, model.parameterCount());
    }

    @Test
    void logitsMatchTransformers() {
        long[] prompt = Fixtures.longs(fixture.getAsJsonArray("prompt"));
        float[][] expected = Fixtures.matrix(fixture.getAsJsonArray("logits"));
        try (NDManager scope = model.newScope()) {
            NDArray logits = model.forward(scope.create(prompt, new Shape(1, prompt.length)), null); // [1, T, V]
            assertEquals(new Shape(1, prompt.length, 256), logits.getShape());
            for (int t = 0; t < prompt.length; t++) {
                assertArrayEquals(expected[t], logits.get(0, t).toFloatArray(), TOLERANCE, "position " + t);
            }
        }
    }

    @Test
    void cachedStepsGiveTheSameLogits() {
        long[] prompt = Fixtures.longs(fixture.getAsJsonArray("prompt"));
        float[][] expected = Fixtures.matrix(fixture.getAsJsonArray("logits"));
        try (NDManager scope = model.newScope(); KvCache cache = model.newCache(scope, 1)) {
            // prefill three tokens, then one token per call
            NDArray first = model.forward(scope.create(Arrays.copyOf(prompt, 3), new Shape(1, 3)), cache);
            assertArrayEquals(expected[2], first.get(0, 2).toFloatArray(), TOLERANCE);
            for (int t = 3; t < prompt.length; t++) {
                NDArray logits = model.forward(scope.create(new long[] {prompt[t]}, new Shape(1, 1)), cache);
                assertArrayEquals(expected[t], logits.get(0, 0).toFloatArray(), TOLERANCE, "position " + t);
            }
            assertEquals(prompt.length, cache.length());
        }
    }

    @Test
    void aPreallocatedCacheGivesTheSameLogitsAndRefusesOverflow() {
        long[] prompt = Fixtures.longs(fixture.getAsJsonArray("prompt"));
        float[][] expected = Fixtures.matrix(fixture.getAsJsonArray("logits"));
        try (NDManager scope = model.newScope(); KvCache cache = model.newCache(scope, 1, prompt.length)) {
            NDArray first = model.forward(scope.create(Arrays.copyOf(prompt, 2), new Shape(1, 2)), cache);
            assertArrayEquals(expected[1], first.get(0, 1).toFloatArray(), TOLERANCE);
            for (int t = 2; t < prompt.length; t++) {
                try (NDManager step = scope.newSubManager()) {
                    NDArray logits = model.forward(step.create(new long[] {prompt[t]}, new Shape(1, 1)), cache);
                    assertArrayEquals(expected[t], logits.get(0, 0).toFloatArray(), TOLERANCE, "position " + t);
                }
            }
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> model.forward(scope.create(new long[] {1}, new Shape(1, 1)), cache));
            assertEquals((prompt.length + 1) + " tokens do not fit a cache of " + prompt.length, e.getMessage());
        }
    }

    @Test
    void greedyTokensMatchWithAndWithoutCache() {
        long[] prompt = Fixtures.longs(fixture.getAsJsonArray("prompt"));
        long[] expected = Fixtures.longs(fixture.getAsJsonArray("greedy"));
        assertArrayEquals(expected, greedy(model, prompt, expected.length, true));
        assertArrayEquals(expected, greedy(model, prompt, expected.length, false));
    }

    @Test
    void prefixEmbeddingsAreSplicedBeforeTheTokens() {
        long[] prompt = Fixtures.longs(fixture.getAsJsonArray("prompt"));
        float[][] prefix = Fixtures.matrix(fixture.getAsJsonArray("prefix_embeddings"));
        float[] expected = Fixtures.floats(fixture.getAsJsonArray("prefix_last_logits"));
        try (NDManager scope = model.newScope()) {
            NDArray p = scope.create(prefix).expandDims(0);                                   // [1, 3, C]
            NDArray tokens = model.embed(scope.create(prompt, new Shape(1, prompt.length)));   // [1, T, C]
            NDArray embeds = Qwen2Model.prepend(p, tokens);                                   // [1, 3+T, C]
            boolean[][] keep = new boolean[1][3 + prompt.length];
            Arrays.fill(keep[0], true);
            NDArray logits = model.logits(model.hidden(embeds, keep, null));                  // [1, 3+T, V]
            assertArrayEquals(expected, logits.get(0, 2 + prompt.length).toFloatArray(), TOLERANCE);
        }
    }

    @Test
    void tiedBfloat16CheckpointMatches() throws IOException {
        JsonObject tied = Fixtures.json("tiny-qwen2-tied");
        try (Qwen2Model m = Qwen2Checkpoint.load(Fixtures.dir("tiny-qwen2-tied"), Device.cpu());
             NDManager scope = m.newScope()) {
            assertTrue(m.config().tieWordEmbeddings());
            long[] prompt = Fixtures.longs(tied.getAsJsonArray("prompt"));
            float[][] expected = Fixtures.matrix(tied.getAsJsonArray("logits"));
            NDArray logits = m.forward(scope.create(prompt, new Shape(1, prompt.length)), null);
            for (int t = 0; t < prompt.length; t++) {
                assertArrayEquals(expected[t], logits.get(0, t).toFloatArray(), TOLERANCE, "position " + t);
            }
            long[] tokens = Fixtures.longs(tied.getAsJsonArray("greedy"));
            assertArrayEquals(tokens, greedy(m, prompt, tokens.length, true));
        }
    }

    /** Argmax decoding written out here, independent of the generation package. */
    static long[] greedy(Qwen2Model m, long[] prompt, int steps, boolean useCache) {
        long[] seq = Arrays.copyOf(prompt, prompt.length + steps);
        try (NDManager scope = m.newScope(); KvCache cache = useCache ? m.newCache(scope, 1) : null) {
            int fed = 0;
            for (int n = prompt.length; n < seq.length; n++) {
                long[] input = useCache ? Arrays.copyOfRange(seq, fed, n) : Arrays.copyOf(seq, n);
                fed = n;
                try (NDManager step = scope.newSubManager()) {
                    NDArray logits = m.forward(step.create(input, new Shape(1, input.length)), cache);
                    seq[n] = logits.get(new NDIndex("0, -1")).argMax().getLong();
                }
            }
        }
        return Arrays.copyOfRange(seq, prompt.length, seq.length);
    }
}
