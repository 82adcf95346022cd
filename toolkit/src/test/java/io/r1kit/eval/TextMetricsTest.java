package io.r1kit.eval;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** BLEU, CIDEr-D, ROUGE-L, METEOR and EM on cases computed by hand. */
class TextMetricsTest {

    private static CaptionCorpus corpus(String... candRefs) {
        Map<String, List<String>> p = new LinkedHashMap<>();
        Map<String, List<String>> g = new LinkedHashMap<>();
        for (int i = 0; i < candRefs.length; i += 2) {
            p.put("s" + i, List.of(candRefs[i]));
            g.put("s" + i, List.of(candRefs[i + 1].split("\\|")));
        }
        return CaptionCorpus.pretokenized(p, g);
    }

    @Test
    void bleuClipsRepeatedWords() {
        // "the" x3 against one "the": 1 clipped match of 3 guesses; candidate longer, no penalty.
        List<MetricScore> b = Bleu.score(corpus("the the the", "the cat"));
        assertEquals(1.0 / 3, b.get(0).score(), 1e-9);
        assertTrue(b.get(1).score() < 1e-6, "no bigram matches");
    }

    @Test
    void bleuBrevityPenaltyUsesClosestReference() {
        // 2 words, all matching, reference 4 words: BP = exp(1 - 4/2) = e^-1.
        assertEquals(Math.exp(-1), Bleu.score(corpus("the cat", "the cat sat on")).get(0).score(), 1e-9);
        // Length 3 between references of 2 and 4: the tie goes to 2, so no penalty.
        assertEquals(2.0 / 3, Bleu.score(corpus("the cat sat", "the cat|a dog is here")).get(0).score(), 1e-9);
        assertEquals(2, Bleu.closestLength(new String[][] {{"a", "b"}, {"a", "b", "c", "d"}}, 3));
    }

    @Test
    void bleuOfIdenticalSentenceIsOne() {
        Bleu.score(corpus("a man sits on a red chair", "a man sits on a red chair"))
                .forEach(m -> assertEquals(1.0, m.score(), 1e-6, m.name()));
    }

    @Test
    void ciderDOnTwoSamples() {
        // N = 2. Sample 1 equals its reference: n = 1, 2 cosines are 1, n = 3, 4 have no n-grams,
        // so (1 + 1 + 0 + 0) / 4 * 10 = 5. Sample 2 shares nothing: 0. Corpus mean 2.5.
        MetricScore c = CiderD.score(corpus("a b", "a b", "c", "d"));
        assertEquals(5.0, c.perSample()[0], 1e-12);
        assertEquals(0.0, c.perSample()[1], 1e-12);
        assertEquals(2.5, c.score(), 1e-12);
    }

    @Test
    void ciderDLengthPenalty() {
        // "a b c" vs "a b c d e": 2 vs 4 bigrams, penalty exp(-4 / 72) on every n.
        MetricScore c = CiderD.score(corpus("a b c", "a b c d e", "x", "y"));
        assertTrue(c.perSample()[0] > 0 && c.perSample()[0] < 10 * Math.exp(-4.0 / 72));
    }

    @Test
    void rougeLFromLcs() {
        // LCS("a c e", "a b c d") = 2; P = 2/4, R = 2/3; F = 2.44 P R / (R + 1.44 P).
        double p = 0.5;
        double r = 2.0 / 3;
        double expected = 2.44 * p * r / (r + 1.44 * p);
        assertEquals(expected, RougeL.score(corpus("a b c d", "a c e")).score(), 1e-12);
        assertEquals(2, RougeL.lcs(new String[] {"a", "c", "e"}, new String[] {"a", "b", "c", "d"}));
    }

    @Test
    void rougeLTakesBestPrecisionAndRecallSeparately() {
        // ref 1 "a": P = 1/2, R = 1; ref 2 "a b c d": P = 1, R = 1/2 -> P = R = 1, F = 1.
        assertEquals(1.0, RougeL.score(corpus("a b", "a|a x b y")).score(), 1e-12);
    }

    @Test
    void meteorExactAndStem() {
        MeteorResources builtIn = MeteorResources.builtIn();
        assertEquals(0.0, Meteor.score(corpus("x", "y"), builtIn).score());
        // Identical: P = R = 1 and no fragmentation penalty.
        assertEquals(1.0, Meteor.score(corpus("red chair left", "red chair left"), builtIn).score(), 1e-12);
        // "red chairs" / "red chair": P = R = (1 + 0.6) / 2 = 0.8 (stem weight 0.6), one whole chunk: 0.8,
        // the official jar's value.
        assertEquals(0.8, Meteor.score(corpus("red chairs", "red chair"), builtIn).score(), 1e-12);
        // "the chair is red" / "the red chair": 3 matches in 3 chunks, Pen = 0.6 * (3/3)^0.2 = 0.6;
        // P = (0.75*2 + 0.25*1) / (0.75*2 + 0.25*2) = 0.875 (the, is: function words), R = 1.
        double fMean = 0.875 / (0.85 * 0.875 + 0.15);
        assertEquals(0.4 * fMean, Meteor.score(corpus("the chair is red", "the red chair"), builtIn).score(), 1e-12);
        // "blue chairs" / "red chair": the stem link is the only one, so it stands: P = R = 0.6*0.75 / 1.5
        // = 0.3, one chunk of one word, Pen = 0.6: 0.12 (the official jar with -m "exact stem" says 0.12).
        assertEquals(0.12, Meteor.score(corpus("blue chairs", "red chair"), builtIn).score(), 1e-12);
    }

    @Test
    void emptyCandidateScoresZeroAndEmptyReferenceIsAnError() {
        CaptionCorpus c = CaptionCorpus.of(Map.of("a", List.of("...")), Map.of("a", List.of("a chair")));
        assertEquals(0, c.candidate(0).size());
        assertEquals(0.0, CiderD.score(c).score());
        assertEquals(0.0, RougeL.score(c).score());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CaptionCorpus.of(Map.of("a", List.of("x")), Map.of("a", List.of("a chair", "!"))));
        assertEquals("id \"a\": reference 2 is empty after tokenisation (\"!\")", e.getMessage());
    }

    @Test
    void idsMustMatch() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CaptionCorpus.of(Map.of("a", List.of("x")), Map.of("a", List.of("x"), "b", List.of("y"))));
        assertEquals("1 id(s) have references but no prediction, e.g. \"b\"", e.getMessage());
    }

    @Test
    void exactMatchAndRefined() {
        assertEquals("two chairs", AnswerNormalizer.normalize("The  2 chairs."));
        assertTrue(ExactMatch.exact("The 2 chairs.", List.of("two chairs")));
        assertFalse(ExactMatch.exact("chair", List.of("brown chair")));
        assertTrue(ExactMatch.refined("chair", List.of("brown chair")));
        assertTrue(ExactMatch.refined("brown chair", List.of("chair")));
        assertFalse(ExactMatch.refined("", List.of("chair")), "an empty answer is no match");
        List<MetricScore> s = ExactMatch.score(Map.of("1", List.of("chair"), "2", List.of("a table")),
                Map.of("1", List.of("brown chair", "chair"), "2", List.of("sofa")));
        assertEquals(0.5, s.get(0).score());
        assertEquals(0.5, s.get(1).score());
    }

    @Test
    void ptbTokenizerSplitsCliticsAndDropsPunctuation() {
        assertEquals("the man 's chair is n't -lrb- really -rrb- red",
                PtbTokenizer.tokenize("The man's chair isn't (really) red."));
        assertEquals("it costs $ 3.50 & 10 % off e.g. u.s.a. ok",
                PtbTokenizer.tokenize("It costs $3.50 & 10% off; e.g. U.S.A. ok?"));
        assertEquals("do n't can not gon na x-ray a/b 1,000 10:30",
                PtbTokenizer.tokenize("don't cannot gonna x-ray a/b 1,000 10:30"));
    }
}
