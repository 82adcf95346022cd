package io.r1kit.reward;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SemanticRewardTest {

    @Test
    void readsTheAnswerBlockOfAReasoningReply() {
        SemanticReward r = new SemanticReward(new WordEmbedder());
        RewardTarget t = RewardTarget.ofReference("brown chair");
        // The think block is not scored: only "brown chair" is compared.
        assertEquals(1.0, r.score("<think>window open lamp</think><answer>chair brown</answer>", t), 1e-9);
        // Not in the format: the whole text is the answer. Vectors (1,1) and (1,1,1,1): cosine 2 / (sqrt 2 * 2).
        assertEquals(2 / (Math.sqrt(2) * 2), r.score("window open chair brown", t), 1e-6);
        // No common word: orthogonal.
        assertEquals(0.0, r.score("the lamp", t), 1e-9);
        // An empty answer embeds as zeros: cosine 0, not NaN.
        assertEquals(0.0, r.score("", t), 1e-9);
    }

    @Test
    void aMissingReferenceIsAClearError() {
        SemanticReward r = new SemanticReward(new WordEmbedder());
        assertFalse(r.applies(RewardTarget.ofBox(io.r1kit.scene.Box3.ofMinMax(0, 0, 0, 1, 1, 1),
                io.r1kit.scene.Box3.ofMinMax(0, 0, 0, 2, 2, 2))));
        assertFalse(r.applies(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> r.score("a chair", new RewardTarget(null, null, null)));
        assertEquals("the semantic reward needs a reference answer", e.getMessage());
    }

    @Test
    void aGroupEmbedsTheReferenceOnce() {
        WordEmbedder words = new WordEmbedder();
        SemanticReward r = new SemanticReward(words, 8);
        RewardTarget t = RewardTarget.ofReference("two chairs");
        String[] group = {"two chairs", "three chairs", "two chairs", "a table"};
        for (String out : group) {
            r.score(out, t);
        }
        // Distinct texts: "two chairs" (reference and two outputs), "three chairs", "a table".
        assertEquals(3, words.calls.get());
        assertEquals(3, r.embedder().size());
    }

    @Test
    void theCacheIsBoundedAndDropsTheLeastRecentlyUsed() {
        WordEmbedder words = new WordEmbedder();
        CachingEmbedder cache = new CachingEmbedder(words, 2);
        cache.embed("a");
        cache.embed("b");
        cache.embed("a");      // hit; "b" is now the least recently used
        cache.embed("c");      // evicts "b"
        assertEquals(3, words.calls.get());
        assertEquals(2, cache.size());
        cache.embed("a");      // still cached
        assertEquals(3, words.calls.get());
        cache.embed("b");      // evicted, computed again
        assertEquals(4, words.calls.get());
        // A caller writing into a returned vector does not change the cached one.
        cache.embed("c")[0] = 99;
        assertTrue(cache.embed("c")[0] != 99);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CachingEmbedder(words, 0));
        assertEquals("an embedding cache holds at least 1 text, got capacity 0", e.getMessage());
    }

    @Test
    void cosineOfHandPickedVectors() {
        assertEquals(0.6, TextEmbedder.cosine(new float[] {3, 4}, new float[] {1, 0}), 1e-9);
        assertEquals(-1.0, TextEmbedder.cosine(new float[] {1, 2}, new float[] {-2, -4}), 1e-9);
        assertEquals(0.0, TextEmbedder.cosine(new float[] {0, 0}, new float[] {1, 0}));
        assertThrows(IllegalArgumentException.class, () -> TextEmbedder.cosine(new float[2], new float[3]));
    }
}
