package io.r1kit.model.generate;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TokenChooserTest {

    private static final float[] QUARTERS = logits(0.1, 0.2, 0.3, 0.4);

    @Test
    void repetitionPenaltyDividesPositiveAndMultipliesNegativeLogits() {
        float[] logits = {2f, -1f, 0.5f};
        assertArrayEquals(new float[] {1f, -2f, 0.5f}, TokenChooser.penalise(logits, new int[] {0, 1, 1}, 2.0));
        assertArrayEquals(new float[] {2f, -1f, 0.5f}, logits, "input unchanged");
    }

    @Test
    void temperatureFlattens() {
        // logits [0, ln 4] at temperature 2 are [0, ln 2]: probabilities 1/3, 2/3
        double[] p = TokenChooser.distribution(new float[] {0f, (float) Math.log(4)}, 2.0, 0, 1.0);
        assertArrayEquals(new double[] {1.0 / 3, 2.0 / 3}, p, 1e-6);
    }

    @Test
    void topKAndTopPKeepTheMostLikely() {
        assertArrayEquals(new double[] {0, 0, 3.0 / 7, 4.0 / 7}, TokenChooser.distribution(QUARTERS, 1, 2, 1), 1e-6);
        // 0.4 alone is below 0.5; 0.4 + 0.3 reaches it
        assertArrayEquals(new double[] {0, 0, 3.0 / 7, 4.0 / 7}, TokenChooser.distribution(QUARTERS, 1, 0, 0.5), 1e-6);
        assertArrayEquals(new double[] {0, 0, 0, 1}, TokenChooser.distribution(QUARTERS, 1, 0, 0.35), 1e-6);
        assertArrayEquals(new double[] {0.1, 0.2, 0.3, 0.4}, TokenChooser.distribution(QUARTERS, 1, 0, 1), 1e-6);
    }

    @Test
    void drawFollowsTheDistribution() {
        Random random = new Random(3);
        int[] counts = new int[4];
        for (int i = 0; i < 20000; i++) {
            counts[TokenChooser.draw(new double[] {0.1, 0.2, 0.3, 0.4}, random)]++;
        }
        for (int i = 0; i < 4; i++) {
            assertEquals(0.1 * (i + 1), counts[i] / 20000.0, 0.015, "token " + i);
        }
        assertEquals(2, TokenChooser.draw(new double[] {0, 0, 1, 0}, random));
    }

    @Test
    void logSoftmaxAndArgmax() {
        assertArrayEquals(new double[] {Math.log(0.1), Math.log(0.2), Math.log(0.3), Math.log(0.4)},
                TokenChooser.logSoftmax(QUARTERS, 1.0), 1e-6);
        assertEquals(3, TokenChooser.argmax(QUARTERS));
        assertEquals(0, TokenChooser.argmax(new float[] {1f, 1f}));
    }

    @Test
    void rankingPutsTheLargestFirstAndTheLowerIndexFirstOnTies() {
        float[] logits = {-1f, 3f, -0f, 0f, 3f, Float.NEGATIVE_INFINITY, -2.5f};
        // -0 ranks below +0, as Double.compare orders them
        assertArrayEquals(new int[] {1, 4, 3, 2, 0, 6, 5}, TokenChooser.ranked(logits));
    }

    @Test
    void theUncutDrawAndLogProbabilityAreThoseOfTheFullSoftmax() {
        GenerationConfig sampled = GenerationConfig.builder().sample(true).temperature(0.5).build();
        int[] counts = new int[4];
        Random random = new Random(5);
        for (int i = 0; i < 20000; i++) {
            TokenChooser.Choice c = TokenChooser.choose(QUARTERS, () -> new int[0], sampled, random);
            counts[c.token()]++;
            assertEquals(TokenChooser.logSoftmax(QUARTERS, 0.5)[c.token()], c.logProb(), 1e-6);
        }
        double[] p = TokenChooser.distribution(QUARTERS, 0.5, 0, 1);   // ∝ p² at temperature 1/2: 1, 4, 9, 16 / 30
        for (int i = 0; i < 4; i++) {
            assertEquals((i + 1) * (i + 1) / 30.0, p[i], 1e-6);
            assertEquals(p[i], counts[i] / 20000.0, 0.015, "token " + i);
        }
        // greedy with a penalty: the penalised argmax, and the log-probability of the unpenalised logits
        GenerationConfig greedy = GenerationConfig.builder().repetitionPenalty(100).build();
        TokenChooser.Choice c = TokenChooser.choose(QUARTERS, () -> new int[] {2}, greedy, random);
        assertEquals(3, c.token());
        assertEquals(Math.log(0.4), c.logProb(), 1e-6);
        c = TokenChooser.choose(logits(0.1, 0.2, 0.3, 0.4), () -> new int[] {3}, greedy, random);
        assertEquals(2, c.token(), "log 0.4 × 100 falls below log 0.3");
        assertEquals(Math.log(0.3), c.logProb(), 1e-6);
    }

    @Test
    void configRoundTripsAndExplains() {
        GenerationConfig c = GenerationConfig.builder().maxNewTokens(9).sample(true).temperature(0.7).topK(5)
                .topP(0.9).repetitionPenalty(1.1).seed(42).stopTokenIds(2).stopStrings("</answer>").build();
        assertEquals(c, GenerationConfig.fromJson(c.toJson()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GenerationConfig.builder().temperature(0).build());
        assertEquals("temperature must be > 0, got 0.0 (for deterministic output use sample(false))", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GenerationConfig.builder().topP(1.5).build());
        assertEquals("topP must be in (0, 1] (1 keeps every token), got 1.5", e.getMessage());
    }

    private static float[] logits(double... probabilities) {
        float[] out = new float[probabilities.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) Math.log(probabilities[i]);
        }
        return out;
    }
}
