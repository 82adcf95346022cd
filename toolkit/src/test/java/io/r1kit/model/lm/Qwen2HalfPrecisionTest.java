package io.r1kit.model.lm;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonObject;
import io.r1kit.model.generate.GenerationConfig;
import io.r1kit.model.generate.Generator;
import io.r1kit.model.io.Dtype;
import io.r1kit.model.io.HalfFloats;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Float16 compute on the CPU against transformers' float32 logits of the same weights
 * ({@code make_qwen2_fixture.py}). Nothing here is skipped: the CPU build runs float16, and a
 * regression that reached the engine with bfloat16 would end the test JVM, failing the build.
 *
 * <p>Tolerance: float16 keeps 11 significant bits, so one rounding of a logit near 3 errs by up to
 * 2^-10 (0.001); the tiny decoder rounds each activation a few dozen times on the way. The largest
 * errors measured on these fixtures, for logits up to 4.0: 0.0100 (untied, any position, with or
 * without the cache), 0.0118 (after three prefix embeddings), 0.0041 (tied). 0.03, under 1% of the
 * largest logit and 2.5x the worst measured, passes with margin yet fails if a part ran at lower
 * precision (bfloat16 keeps 8 bits: 8x float16's rounding error) or a float32 step was dropped.
 */
class Qwen2HalfPrecisionTest {

    private static final float TOLERANCE = 0.03f;

    private static Qwen2Model half;
    private static JsonObject fixture;
    private static long[] prompt;

    @BeforeAll
    static void load() throws IOException {
        half = Qwen2Checkpoint.load(Fixtures.dir("tiny-qwen2"), Device.cpu(), ComputeDtype.FLOAT16);
        fixture = Fixtures.json("tiny-qwen2");
        prompt = Fixtures.longs(fixture.getAsJsonArray("prompt"));
    }

    @AfterAll
    static void close() {
        half.close();
    }

    @Test
    void modelWeightsAndCacheAreFloat16() {
        assertEquals(ComputeDtype.FLOAT16, half.dtype());
        half.parameters().forEach((name, p) -> assertEquals(DataType.FLOAT16, p.getDataType(), name));
        try (NDManager scope = half.newScope(); KvCache cache = half.newCache(scope, 1)) {
            assertEquals(null, cache.dataType());
            NDArray logits = half.forward(scope.create(prompt, new Shape(1, prompt.length)), cache);
            assertEquals(DataType.FLOAT16, cache.dataType());
            assertEquals(DataType.FLOAT32, logits.getDataType()); // read back as float32
        }
    }

    @Test
    void autoIsFloat32OnTheCpuAndBitIdentical() throws IOException {
        float[] expected = Fixtures.matrix(fixture.getAsJsonArray("logits"))[prompt.length - 1];
        try (Qwen2Model auto = Qwen2Checkpoint.load(Fixtures.dir("tiny-qwen2"), Device.cpu());
             Qwen2Model f32 = Qwen2Checkpoint.load(Fixtures.dir("tiny-qwen2"), Device.cpu(), ComputeDtype.FLOAT32)) {
            assertEquals(ComputeDtype.FLOAT32, auto.dtype());
            float[] a = lastLogits(auto, prompt);
            assertArrayEquals(lastLogits(f32, prompt), a, 0f);
            assertArrayEquals(expected, a, 1e-4f);
        }
    }

    @Test
    void logitsAreWithinToleranceOfFloat32AtEveryPosition() {
        float[][] expected = Fixtures.matrix(fixture.getAsJsonArray("logits"));
        try (NDManager scope = half.newScope()) {
            NDArray logits = half.forward(scope.create(prompt, new Shape(1, prompt.length)), null); // [1, T, V]
            float worst = 0;
            for (int t = 0; t < prompt.length; t++) {
                float[] row = logits.get(0, t).toFloatArray();
                assertArrayEquals(expected[t], row, TOLERANCE, "position " + t);
                worst = Math.max(worst, maxDifference(expected[t], row));
            }
            // float16 really ran: float32 matches the reference to 1e-4 (Qwen2ReferenceTest), float16 does not
            assertTrue(worst > 1e-3f, "float16 logits as close as float32's: " + worst);
        }
    }

    @Test
    void cachedStepsStayWithinTolerance() {
        float[][] expected = Fixtures.matrix(fixture.getAsJsonArray("logits"));
        try (NDManager scope = half.newScope(); KvCache cache = half.newCache(scope, 1)) {
            NDArray first = half.forward(scope.create(Arrays.copyOf(prompt, 3), new Shape(1, 3)), cache);
            assertArrayEquals(expected[2], first.get(0, 2).toFloatArray(), TOLERANCE);
            for (int t = 3; t < prompt.length; t++) {
                NDArray logits = half.forward(scope.create(new long[] {prompt[t]}, new Shape(1, 1)), cache);
                assertArrayEquals(expected[t], logits.get(0, 0).toFloatArray(), TOLERANCE, "position " + t);
            }
        }
    }

    @Test
    void greedyTokensEqualFloat32WithAndWithoutCache() {
        // the fixture's smallest top-1 margin over 12 steps is 0.021; two logits each off by at most 0.0100
        // (measured) cannot swap places
        long[] expected = Fixtures.longs(fixture.getAsJsonArray("greedy"));
        assertArrayEquals(expected, Qwen2ReferenceTest.greedy(half, prompt, expected.length, true));
        assertArrayEquals(expected, Qwen2ReferenceTest.greedy(half, prompt, expected.length, false));
        int[] generated = new Generator(half).generate(Arrays.stream(prompt).mapToInt(x -> (int) x).toArray(),
                GenerationConfig.builder().maxNewTokens(expected.length).build()).tokens();
        assertArrayEquals(expected, Arrays.stream(generated).asLongStream().toArray());
    }

    @Test
    void leftPaddedBatchGreedyEqualsFloat32() {
        List<int[]> prompts = List.of(Fixtures.ints(fixture.getAsJsonArray("batch_prompts").get(0).getAsJsonArray()),
                Fixtures.ints(fixture.getAsJsonArray("batch_prompts").get(1).getAsJsonArray()));
        var out = new Generator(half).generate(prompts, GenerationConfig.builder().maxNewTokens(12).build(), null, null);
        for (int b = 0; b < 2; b++) {
            assertArrayEquals(Fixtures.ints(fixture.getAsJsonArray("batch_greedy").get(b).getAsJsonArray()),
                    out.get(b).tokens(), "row " + b);
        }
    }

    @Test
    void float32PrefixEmbeddingsAreCastToTheComputeType() {
        float[][] prefix = Fixtures.matrix(fixture.getAsJsonArray("prefix_embeddings"));
        float[] expected = Fixtures.floats(fixture.getAsJsonArray("prefix_last_logits"));
        try (NDManager scope = half.newScope()) {
            NDArray p = scope.create(prefix);                                                  // [3, C] float32
            int[] ids = Arrays.stream(prompt).mapToInt(x -> (int) x).toArray();
            float[] viaGenerator = new Generator(half).nextTokenLogits(List.of(ids), List.of(p))[0];
            assertArrayEquals(expected, viaGenerator, TOLERANCE);
            NDArray embeds = Qwen2Model.prepend(p.expandDims(0),
                    half.embed(scope.create(prompt, new Shape(1, prompt.length))));            // [1, 3+T, C]
            assertEquals(DataType.FLOAT16, embeds.getDataType());
            boolean[][] keep = new boolean[1][3 + prompt.length];
            Arrays.fill(keep[0], true);
            NDArray logits = half.logits(half.hidden(embeds, keep, null));                     // [1, 3+T, V]
            assertArrayEquals(viaGenerator, logits.get(0, 2 + prompt.length).toFloatArray(), 0f);
            assertEquals(DataType.FLOAT32, p.getDataType()); // the caller's prefix is left as it was
        }
    }

    @Test
    void tiedCheckpointInFloat16() throws IOException {
        JsonObject tied = Fixtures.json("tiny-qwen2-tied");
        try (Qwen2Model m = Qwen2Checkpoint.load(Fixtures.dir("tiny-qwen2-tied"), Device.cpu(), ComputeDtype.FLOAT16)) {
            long[] p = Fixtures.longs(tied.getAsJsonArray("prompt"));
            float[][] expected = Fixtures.matrix(tied.getAsJsonArray("logits"));
            assertArrayEquals(expected[p.length - 1], lastLogits(m, p), TOLERANCE);
            long[] tokens = Fixtures.longs(tied.getAsJsonArray("greedy"));
            assertArrayEquals(tokens, Qwen2ReferenceTest.greedy(m, p, tokens.length, true));
        }
    }

    @Test
    void savedWeightsAreTheFloat16RoundingOfTheOriginals(@TempDir Path dir) throws IOException {
        Qwen2Checkpoint.save(half, dir, Dtype.F32);
        try (Qwen2Model original = Qwen2Checkpoint.load(Fixtures.dir("tiny-qwen2"), Device.cpu(), ComputeDtype.FLOAT32);
             Qwen2Model saved = Qwen2Checkpoint.load(dir, Device.cpu(), ComputeDtype.FLOAT32)) {
            for (String name : List.of("model.embed_tokens.weight", "model.layers.1.self_attn.q_proj.weight",
                    "model.layers.0.self_attn.k_proj.bias", "model.norm.weight")) {
                float[] o = original.parameters().get(name).toFloatArray();
                float[] rounded = new float[o.length];
                for (int i = 0; i < o.length; i++) {
                    rounded[i] = HalfFloats.f16ToFloat(HalfFloats.floatToF16(o[i]));
                }
                assertArrayEquals(rounded, saved.parameters().get(name).toFloatArray(), 0f, name);
            }
        }
    }

    @Test
    void loraAdaptersFollowTheBaseType(@TempDir Path dir) throws IOException {
        float[] before = lastLogits(half, prompt);
        try (Lora lora = Lora.attach(half, new LoraConfig(4, 8, 0.0, Set.of("q_proj", "v_proj"), 7))) {
            lora.parameters().forEach((name, p) -> assertEquals(DataType.FLOAT16, p.getDataType(), name));
            assertArrayEquals(before, lastLogits(half, prompt), 0f); // B = 0: the update adds exact zeros
            float[] a = Qwen2Model.floats(lora.parameters().get("model.layers.0.self_attn.q_proj.aT"));
            lora.save(dir);
            lora.detach();
            try (Qwen2Model f32 = Qwen2Checkpoint.load(Fixtures.dir("tiny-qwen2"), Device.cpu(), ComputeDtype.FLOAT32);
                 Lora loaded = Lora.load(f32, dir)) {
                // float16 -> float32 is exact, so the file holds the float16 values themselves
                assertArrayEquals(a, loaded.parameters().get("model.layers.0.self_attn.q_proj.aT").toFloatArray(), 0f);
            }
        }
    }

    @Test
    void bfloat16IsRefusedBeforeTheEngineIsCalled() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Qwen2Checkpoint.load(Fixtures.dir("tiny-qwen2"), Device.cpu(), ComputeDtype.BFLOAT16));
        assertEquals("bfloat16 cannot run on cpu(): DJL 0.36's PyTorch bridge has no bfloat16 element type"
                + " (making one aborts the JVM); use float16 or float32", e.getMessage());
        Qwen2Config small = new Qwen2Config(16, 8, 16, 1, 2, 1, 1e-6, 10000.0, 32, true, 1, 2);
        e = assertThrows(IllegalArgumentException.class,
                () -> Qwen2Checkpoint.initialize(small, 1, Device.gpu(), ComputeDtype.BFLOAT16));
        assertTrue(e.getMessage().startsWith("bfloat16 cannot run on gpu(0): "), e.getMessage());
    }

    @Test
    void autoResolvesByDeviceAndLabelsParse() {
        assertEquals(ComputeDtype.FLOAT32, ComputeDtype.AUTO.resolve(Device.cpu()));
        assertEquals(ComputeDtype.FLOAT16, ComputeDtype.AUTO.resolve(Device.gpu()));
        assertEquals(ComputeDtype.FLOAT16, ComputeDtype.FLOAT16.resolve(Device.cpu()));
        assertEquals(ComputeDtype.BFLOAT16, ComputeDtype.parse(" BFloat16"));
        assertEquals("float16", ComputeDtype.FLOAT16.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ComputeDtype.parse("double"));
        assertEquals("unknown compute dtype 'double': use one of float32, float16, bfloat16, auto", e.getMessage());
        assertThrows(IllegalStateException.class, ComputeDtype.AUTO::dataType);
    }

    private static float[] lastLogits(Qwen2Model m, long[] ids) {
        try (NDManager scope = m.newScope()) {
            return m.forward(scope.create(ids, new Shape(1, ids.length)), null).get(0, ids.length - 1).toFloatArray();
        }
    }

    private static float maxDifference(float[] a, float[] b) {
        float worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
        return worst;
    }
}
