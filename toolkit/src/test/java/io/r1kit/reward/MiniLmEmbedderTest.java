package io.r1kit.reward;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** all-MiniLM-L6-v2 from the jar: real embeddings, no network. */
class MiniLmEmbedderTest {

    private final SemanticReward semantic = new SemanticReward();

    @Test
    void embeddingsAreUnitVectorsOf384Values() {
        float[] v = MiniLmEmbedder.shared().embed("a brown wooden chair");
        assertEquals(MiniLmEmbedder.DIMENSION, v.length);
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        assertEquals(1.0, Math.sqrt(norm), 1e-5);
    }

    @Test
    void identicalTextsScoreOne() {
        assertEquals(1.0, semantic.score("<think>Look.</think><answer>the lamp is on the desk</answer>",
                RewardTarget.ofReference("the lamp is on the desk")), 1e-5);
    }

    @Test
    void aParaphraseScoresAboveAnUnrelatedText() {
        RewardTarget t = RewardTarget.ofReference("a brown wooden chair");
        double paraphrase = semantic.score("a wooden chair that is brown", t);
        double unrelated = semantic.score("the window is open", t);
        assertTrue(paraphrase > 0.8, "paraphrase " + paraphrase);
        assertTrue(unrelated < 0.3, "unrelated " + unrelated);
        assertTrue(paraphrase > unrelated + 0.5, paraphrase + " vs " + unrelated);
    }
}
