package io.r1kit.model.generate;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.r1kit.model.lm.Qwen2Checkpoint;
import io.r1kit.model.lm.Qwen2Model;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Prefix embeddings in {@link Generator}, against the transformers fixture and a cache-free forward. */
class GeneratorPrefixTest {

    private static final int NEW_TOKENS = 10;

    private static Qwen2Model model;
    private static int[] prompt;
    private static float[][] prefixRows; // [3, C], transformers' inputs_embeds before the prompt
    private static float[] prefixLogits;  // [V], transformers' logits at the last prompt position
    private NDManager scope;

    @BeforeAll
    static void load() throws Exception {
        Path dir = Path.of(GeneratorPrefixTest.class.getResource("/io/r1kit/model/lm/tiny-qwen2/config.json").toURI())
                .getParent();
        model = Qwen2Checkpoint.load(dir, Device.cpu());
        JsonObject fixture = JsonParser.parseString(Files.readString(dir.resolve("fixture.json"))).getAsJsonObject();
        prompt = fixture.getAsJsonArray("prompt").asList().stream().mapToInt(e -> e.getAsInt()).toArray();
        JsonArray rows = fixture.getAsJsonArray("prefix_embeddings");
        prefixRows = new float[rows.size()][];
        for (int i = 0; i < prefixRows.length; i++) {
            prefixRows[i] = floats(rows.get(i).getAsJsonArray());
        }
        prefixLogits = floats(fixture.getAsJsonArray("prefix_last_logits"));
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @BeforeEach
    void open() {
        scope = model.newScope();
    }

    @AfterEach
    void free() {
        scope.close();
    }

    @Test
    void firstStepLogitsAreTransformersPrefixLogits() {
        float[][] logits = new Generator(model).nextTokenLogits(List.of(prompt), List.of(prefix()));
        assertArrayEquals(prefixLogits, logits[0], 1e-4f);
        // and generate chooses from them: its first token and log-probability are theirs
        Generation g = new Generator(model).generate(prompt, prefix(), greedy());
        assertEquals(argmax(prefixLogits), g.tokens()[0]);
        assertEquals(TokenChooser.logSoftmax(prefixLogits, 1.0)[g.tokens()[0]], g.logProbs()[0], 1e-4);
    }

    @Test
    void greedyWithPrefixMatchesAForwardWithoutCache() {
        int[] expected = manualGreedy(prefixRows, prompt, NEW_TOKENS);
        int[] plain = new Generator(model).generate(prompt, greedy()).tokens();
        assertFalse(Arrays.equals(expected, plain), "the prefix changed nothing, so the test could not fail");
        assertArrayEquals(expected, new Generator(model).generate(prompt, prefix(), greedy()).tokens());
    }

    @Test
    void leftPaddedBatchWithPrefixesMatchesEachRowAlone() {
        int[] shortPrompt = {9, 8, 7};
        NDArray shortPrefix = scope.create(new float[][] {prefixRows[2], prefixRows[0]}); // [2, C], P differs too
        Generator g = new Generator(model);
        List<Generation> batch = g.generate(List.of(shortPrompt, prompt, shortPrompt),
                Arrays.asList(shortPrefix, prefix(), null), greedy(), null, null);
        assertArrayEquals(g.generate(shortPrompt, shortPrefix, greedy()).tokens(), batch.get(0).tokens());
        assertArrayEquals(g.generate(prompt, prefix(), greedy()).tokens(), batch.get(1).tokens());
        assertArrayEquals(g.generate(shortPrompt, greedy()).tokens(), batch.get(2).tokens());
        // a row alone is the cache-free forward, so the batch is too
        assertArrayEquals(manualGreedy(new float[][] {prefixRows[2], prefixRows[0]}, shortPrompt, NEW_TOKENS),
                batch.get(0).tokens());
    }

    @Test
    void badPrefixesSayWhatToFix() {
        Generator g = new Generator(model);
        IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
                () -> g.generate(prompt, scope.zeros(new Shape(2, 8)), greedy()));
        assertEquals("prefix of row 0 has shape (2, 8), expected [P, 64] (one row of the model's width per position)",
                width.getMessage());
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> g.generate(List.of(prompt, prompt), List.of(prefix()), greedy(), null, null));
        assertEquals("1 prefixes for 2 prompts: give one per row (null for a row without)", count.getMessage());
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
                () -> g.generate(prompt, scope.zeros(new Shape(2, 64), DataType.FLOAT64), greedy()));
        assertEquals("prefix of row 0 is float64, expected float32 (convert with toType(DataType.FLOAT32, false))",
                type.getMessage());
    }

    /** Prepends the prefix, runs the whole sequence without a cache and appends the argmax, n times. */
    private static int[] manualGreedy(float[][] prefix, int[] tokens, int n) {
        int[] seq = tokens.clone();
        for (int i = 0; i < n; i++) {
            try (NDManager step = model.newScope()) {
                NDArray p = step.create(prefix).expandDims(0);                                   // [1, P, C]
                long[] ids = Arrays.stream(seq).asLongStream().toArray();
                NDArray embeds = Qwen2Model.prepend(p, model.embed(step.create(ids, new Shape(1, ids.length))));
                boolean[][] keep = new boolean[1][prefix.length + seq.length];
                Arrays.fill(keep[0], true);
                NDArray logits = model.logits(model.hidden(embeds, keep, null));                // [1, P+T, V]
                seq = Arrays.copyOf(seq, seq.length + 1);
                seq[seq.length - 1] = argmax(logits.get(0, prefix.length + seq.length - 2).toFloatArray());
            }
        }
        return Arrays.copyOfRange(seq, tokens.length, seq.length);
    }

    private NDArray prefix() {
        return scope.create(prefixRows); // [3, C]
    }

    private static GenerationConfig greedy() {
        return GenerationConfig.builder().maxNewTokens(NEW_TOKENS).build();
    }

    private static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    private static float[] floats(JsonArray a) {
        float[] out = new float[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsFloat();
        }
        return out;
    }
}
