package io.r1kit.eval;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CIDEr-D of one candidate under fixed document frequencies, against the corpus scorer and by hand. */
class CiderIdfTest {

    private static final List<String> REFS = List.of("a red chair near the bed", "a blue table in the corner",
            "a small lamp on the desk", "the red chair is by the window", "a grey sofa with two cushions");

    @Test
    void underItsOwnReferencesItScoresEachSampleAsTheCorpusScorerDoes() {
        List<String> cands = List.of("a red chair by the bed", "a table in the corner", "a lamp", "the chair is red",
                "two grey cushions");
        Map<String, List<String>> p = new LinkedHashMap<>();
        Map<String, List<String>> g = new LinkedHashMap<>();
        for (int i = 0; i < REFS.size(); i++) {
            p.put("s" + i, List.of(cands.get(i)));
            g.put("s" + i, List.of(REFS.get(i)));
        }
        MetricScore corpus = CiderD.score(CaptionCorpus.of(p, g));
        CiderIdf idf = CiderIdf.of(REFS.stream().map(List::of).toList());
        for (int i = 0; i < REFS.size(); i++) {
            assertEquals(corpus.perSample()[i], idf.score(cands.get(i), List.of(REFS.get(i))), 1e-12, cands.get(i));
        }
        assertTrue(corpus.perSample()[0] > corpus.perSample()[2], "more shared n-grams, more CIDEr");
    }

    @Test
    void aWordNoReferenceHoldsWeighsLogNAndSharedWordsWeighLess() {
        // N = 2 sets: "a b" and "a c". Candidate "a b" against "a b": unigrams a (df 2, weight 0) and b (df 1,
        // weight log 2), so the unigram cosine is 1; the bigram "a b" (df 1) cosine is 1; n = 3, 4 are empty:
        // (1 + 1) / 4 * 10 = 5.
        CiderIdf idf = CiderIdf.of(List.of(List.of("a b"), List.of("a c")));
        assertEquals(5.0, idf.score("a b", List.of("a b")), 1e-12);
        // "a" alone is in every set: weight 0, nothing to match; "z" is in none: weight log 2, matches nothing.
        assertEquals(0.0, idf.score("a", List.of("a b")), 1e-12);
        assertEquals(0.0, idf.score("z", List.of("a b")), 1e-12);
        // scoring adds no document frequency: the same call twice gives the same number
        assertEquals(idf.score("a c d", List.of("a c")), idf.score("a c d", List.of("a c")), 0);
        assertThrows(IllegalArgumentException.class, () -> CiderIdf.of(List.of()));
        assertThrows(IllegalArgumentException.class, () -> idf.score("a", List.of()));
    }
}
