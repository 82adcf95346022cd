package io.r1kit.model.vlm;

import ai.djl.Device;
import io.r1kit.model.generate.Generation;
import io.r1kit.model.generate.GenerationConfig;
import io.r1kit.model.generate.LogitsRule;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dense captions name each object once per section of the reply. */
class DistinctPointersTest {

    private static final int V = 20;
    private static final int OPEN = 9;
    private static final int THINK_END = 6;
    private static final float NO = Float.NEGATIVE_INFINITY;

    private static float[] scores() {
        float[] s = new float[V + 3];
        Arrays.fill(s, 1f);
        return s;
    }

    @Test
    void theMarkupIdsAreTheNanoVocabularys() {
        DistinctPointers rule = DistinctPointers.of(VlmFixtures.micro(0), new boolean[] {true});
        assertEquals(VlmFixtures.VOCAB, rule.vocab());
        assertEquals(OPEN, rule.openId());
        assertEquals(THINK_END, rule.sectionEnd());
    }

    @Test
    void aPointerWrittenInTheSectionIsRuledOutAndTheOthersStay() {
        DistinctPointers rule = new DistinctPointers(V, OPEN, THINK_END, new boolean[] {true});
        float[] s = scores();
        rule.apply(0, List.of(OPEN, V + 1, 10, 12, OPEN, V + 1, 10), s);
        float[] expected = scores();
        expected[V + 1] = NO;
        assertArrayEquals(expected, s);
    }

    @Test
    void afterThinkEndThePointersAreFreeAgainAndOnceAllAreWrittenNoBoxOpens() {
        DistinctPointers rule = new DistinctPointers(V, OPEN, THINK_END, new boolean[] {true});
        float[] s = scores();
        List<Integer> reasoning = List.of(OPEN, V, 10, OPEN, V + 2, 10, OPEN, V + 1, 10);
        rule.apply(0, reasoning, s);
        assertEquals(NO, s[V]);
        assertEquals(NO, s[V + 1]);
        assertEquals(NO, s[V + 2]);
        assertEquals(NO, s[OPEN], "every object is named: no box opens");
        assertEquals(1f, s[THINK_END]);

        float[] answer = scores();
        List<Integer> then = new java.util.ArrayList<>(reasoning);
        then.addAll(List.of(THINK_END, 7, OPEN, V + 2, 10));
        rule.apply(0, then, answer);
        float[] expected = scores();
        expected[V + 2] = NO;
        assertArrayEquals(expected, answer, "the answer section counts only its own pointers");
    }

    @Test
    void rowsOffTheRuleAndRowsWithoutPointersAreUntouched() {
        DistinctPointers rule = new DistinctPointers(V, OPEN, THINK_END, new boolean[] {false, true});
        float[] s = scores();
        rule.apply(0, List.of(OPEN, V), s);
        assertArrayEquals(scores(), s);
        float[] words = new float[V];
        Arrays.fill(words, 1f);
        rule.apply(1, List.of(OPEN, 3), words);
        float[] same = new float[V];
        Arrays.fill(same, 1f);
        assertArrayEquals(same, words);
    }

    @Test
    void theGeneratorAppliesTheRuleBeforeChoosing() {
        int v = VlmFixtures.VOCAB;
        // a rule that makes every step prefer a pointer, then "<obj>": greedy alone repeats one pointer
        LogitsRule prefer = (row, generated, s) -> {
            for (int i = v; i < s.length; i++) {
                s[i] += 1_000f;
            }
            s[OPEN] += 500f;
        };
        DistinctPointers once = DistinctPointers.of(VlmFixtures.micro(0), new boolean[] {true});
        LogitsRule both = (row, generated, s) -> {
            prefer.apply(row, generated, s);
            once.apply(row, generated, s);
        };
        GenerationConfig greedy = GenerationConfig.builder().maxNewTokens(4).build();
        try (Vlm3d model = Vlm3d.initialize(VlmFixtures.micro(0), Device.cpu())) {
            SceneFeatures f = model.features(VlmFixtures.handScene());
            int[] plain = model.generate(List.of(f), List.of(new int[] {1, 2}), greedy, null, null, prefer).get(0)
                    .tokens();
            assertEquals(4, Arrays.stream(plain).filter(t -> t >= v).count(), Arrays.toString(plain));
            Generation g = model.generate(List.of(f), List.of(new int[] {1, 2}), greedy, null, null, both).get(0);
            int[] t = g.tokens();
            assertEquals(2, Arrays.stream(t).filter(x -> x >= v).distinct().count(), Arrays.toString(t));
            assertEquals(2, Arrays.stream(t).filter(x -> x >= v).count(), Arrays.toString(t));
            assertTrue(t[2] != OPEN && t[3] != OPEN, "both objects named: no box opens " + Arrays.toString(t));
        }
    }
}
