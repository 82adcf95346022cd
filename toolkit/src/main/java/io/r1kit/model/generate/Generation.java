package io.r1kit.model.generate;

import java.util.Arrays;

/**
 * The output of one prompt.
 *
 * @param tokens   generated ids (the stopping token included; the prompt excluded)
 * @param logProbs log-probability of each generated token under the model's distribution at
 *                 temperature {@link GenerationConfig#temperature()} (1 for greedy), before top-k,
 *                 top-p and the repetition penalty: the quantity GRPO's ratio compares
 * @param text     the decoded tokens, or null when no {@link TokenDecoder} was given
 * @param reason   why generation stopped
 */
public record Generation(int[] tokens, float[] logProbs, String text, StopReason reason) {

    public Generation {
        tokens = tokens.clone();
        logProbs = logProbs.clone();
    }

    @Override
    public int[] tokens() {
        return tokens.clone();
    }

    @Override
    public float[] logProbs() {
        return logProbs.clone();
    }

    /** The sum of {@link #logProbs()}: the log-probability of the whole continuation. */
    public double totalLogProb() {
        double s = 0;
        for (float f : logProbs) {
            s += f;
        }
        return s;
    }

    @Override
    public String toString() {
        return "Generation" + Arrays.toString(tokens) + " (" + reason + ")" + (text == null ? "" : " " + text);
    }
}
