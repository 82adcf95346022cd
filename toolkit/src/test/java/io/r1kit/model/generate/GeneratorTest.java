package io.r1kit.model.generate;

import ai.djl.Device;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.r1kit.model.lm.Qwen2Checkpoint;
import io.r1kit.model.lm.Qwen2Model;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Generation on the reference checkpoint of {@code make_qwen2_fixture.py}. */
class GeneratorTest {

    private static Qwen2Model model;
    private static JsonObject fixture;
    private static int[] prompt;
    private static int[] greedy;

    /** A decoder that spells token t as "t<id> ". */
    private static final TokenDecoder SPELL = ids -> Arrays.stream(ids).mapToObj(i -> "t" + i + " ")
            .collect(Collectors.joining());

    @BeforeAll
    static void load() throws Exception {
        Path dir = Path.of(GeneratorTest.class.getResource("/io/r1kit/model/lm/tiny-qwen2/config.json").toURI())
                .getParent();
        model = Qwen2Checkpoint.load(dir, Device.cpu());
        fixture = JsonParser.parseString(Files.readString(dir.resolve("fixture.json"))).getAsJsonObject();
        prompt = ints(fixture.getAsJsonArray("prompt"));
        greedy = ints(fixture.getAsJsonArray("greedy"));
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void greedyMatchesTransformersAndStreamsEveryToken() {
        List<Integer> streamed = new ArrayList<>();
        Generation g = new Generator(model).generate(List.of(prompt), config().build(), SPELL,
                (row, token, logProb) -> streamed.add(token)).get(0);
        assertArrayEquals(greedy, g.tokens());
        assertEquals(Arrays.stream(greedy).boxed().toList(), streamed);
        assertEquals(StopReason.MAX_TOKENS, g.reason());
        assertEquals(SPELL.decode(greedy), g.text());
    }

    @Test
    void logProbOfTheFirstTokenIsTheReferenceLogSoftmax() throws IOException {
        JsonArray rows = fixture.getAsJsonArray("logits");
        JsonArray last = rows.get(rows.size() - 1).getAsJsonArray();
        float[] logits = new float[last.size()];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = last.get(i).getAsFloat();
        }
        double expected = TokenChooser.logSoftmax(logits, 1.0)[greedy[0]];
        Generation g = new Generator(model).generate(prompt, config().build());
        assertEquals(expected, g.logProbs()[0], 1e-4);
        assertTrue(g.totalLogProb() < 0);
    }

    @Test
    void leftPaddedBatchMatchesTransformers() {
        JsonArray prompts = fixture.getAsJsonArray("batch_prompts");
        JsonArray expected = fixture.getAsJsonArray("batch_greedy");
        List<Generation> out = new Generator(model).generate(
                List.of(ints(prompts.get(0).getAsJsonArray()), ints(prompts.get(1).getAsJsonArray())),
                config().build(), null, null);
        assertArrayEquals(ints(expected.get(0).getAsJsonArray()), out.get(0).tokens());
        assertArrayEquals(ints(expected.get(1).getAsJsonArray()), out.get(1).tokens());
    }

    @Test
    void stopStringsAndStopTokensEndARow() {
        Generator g = new Generator(model);
        String stop = "t" + greedy[2] + " ";
        Generation s = g.generate(List.of(prompt), config().stopStrings(stop).build(), SPELL, null).get(0);
        assertArrayEquals(Arrays.copyOf(greedy, 3), s.tokens());
        assertEquals(StopReason.STOP_STRING, s.reason());
        Generation t = g.generate(prompt, config().stopTokenIds(greedy[4]).build());
        assertArrayEquals(Arrays.copyOf(greedy, 5), t.tokens());
        assertEquals(StopReason.STOP_TOKEN, t.reason());
    }

    @Test
    void seededSamplingRepeatsAndTopKOneIsGreedy() {
        Generator g = new Generator(model);
        GenerationConfig sampled = config().sample(true).temperature(1.5).seed(11).build();
        int[] a = g.generate(prompt, sampled).tokens();
        assertArrayEquals(a, g.generate(prompt, sampled).tokens());
        assertNotEquals(Arrays.toString(a), Arrays.toString(g.generate(prompt,
                sampled.toBuilder().seed(12).build()).tokens()));
        assertArrayEquals(greedy, g.generate(prompt, sampled.toBuilder().topK(1).build()).tokens());
        assertArrayEquals(greedy, g.generate(prompt, sampled.toBuilder().topP(1e-6).build()).tokens());
    }

    @Test
    void strongRepetitionPenaltyAvoidsSeenTokens() {
        int[] shortPrompt = {9, 8, 7}; // its greedy continuation holds token 1 four times
        Generator g = new Generator(model);
        int[] plain = g.generate(shortPrompt, config().build()).tokens();
        assertEquals(4, Arrays.stream(plain).filter(t -> t == 1).count(), Arrays.toString(plain));
        int[] out = g.generate(shortPrompt, config().repetitionPenalty(1000).build()).tokens();
        Set<Integer> seen = new HashSet<>();
        Arrays.stream(shortPrompt).forEach(seen::add);
        for (int t : out) {
            assertTrue(seen.add(t), "token " + t + " repeated in " + Arrays.toString(out));
        }
        assertFalse(Arrays.equals(plain, out), "the penalty changed nothing");
    }

    private static GenerationConfig.Builder config() {
        return GenerationConfig.builder().maxNewTokens(12);
    }

    private static int[] ints(JsonArray a) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsInt();
        }
        return out;
    }
}
