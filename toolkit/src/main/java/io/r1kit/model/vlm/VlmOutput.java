package io.r1kit.model.vlm;

import ai.djl.ndarray.NDArray;

/**
 * The result of {@link Vlm3d#forward}: logits over the whole sequence (scene tokens, prompt,
 * answer; right-padded), the log-probability of each answer token and the mean cross-entropy of
 * the answer tokens. Arrays live in the scope the forward pass was given.
 *
 * <p>Legend: B batch, L longest sequence, A longest answer, V vocabulary.
 *
 * @param logits        [B, L, V]: position t scores the token at t + 1
 * @param loss          scalar: mean of -log p(answer token) over every answer token of the batch
 * @param answerFrom    per row, the position whose logits score the first answer token
 * @param answerSizes   per row, the number of answer tokens
 * @param answerLogProbs [B, A]: log p(answer token j of row b | everything before it); 0 past the answer
 * @param answerMask    [B, A]: 1 on answer tokens, 0 on the padding past a shorter answer
 * @param objectNameLoss scalar: mean -log p(label word | object's feature token) over the named objects of the
 *                      batch; null when no example names its objects
 * @param answerEntropy [B, A]: entropy of the next-token distribution at each answer position, detached; null
 *                      unless asked for ({@link Vlm3d#forward(java.util.List, ai.djl.ndarray.NDManager, double, boolean)})
 */
public record VlmOutput(NDArray logits, NDArray loss, int[] answerFrom, int[] answerSizes, NDArray answerLogProbs,
                       NDArray answerMask, NDArray objectNameLoss, NDArray answerEntropy) {

    /**
     * The SFT loss as a function of the answer tokens' log-probabilities: {@code -sum(logProbs * mask) / sum(mask)},
     * the mean negative log-likelihood over every answer token of the batch.
     *
     * @param logProbs [B, A]
     * @param mask     [B, A]
     * @return scalar
     */
    public static NDArray crossEntropy(NDArray logProbs, NDArray mask) {
        return logProbs.mul(mask).sum().div(mask.sum()).neg();
    }

    /**
     * The most likely token at each answer position under teacher forcing, per row: what the
     * model would answer when every earlier answer token is right.
     */
    public int[][] greedyAnswers() {
        long[] shape = logits.getShape().getShape();
        int length = (int) shape[1];
        long[] best = logits.argMax(-1).toLongArray(); // [B * L]
        int[][] out = new int[answerFrom.length][];
        for (int b = 0; b < out.length; b++) {
            out[b] = new int[answerSizes[b]];
            for (int j = 0; j < answerSizes[b]; j++) {
                out[b][j] = (int) best[b * length + answerFrom[b] + j];
            }
        }
        return out;
    }
}
