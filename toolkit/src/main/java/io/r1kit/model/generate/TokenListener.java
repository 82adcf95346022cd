package io.r1kit.model.generate;

/** Called once per generated token, as soon as it is chosen (for streaming output or progress). */
@FunctionalInterface
public interface TokenListener {

    /**
     * @param row     index of the prompt in the batch
     * @param token   the chosen id
     * @param logProb its log-probability under the model (see {@link Generation#logProbs()})
     */
    void onToken(int row, int token, float logProb);
}
