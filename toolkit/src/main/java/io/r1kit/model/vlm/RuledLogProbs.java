package io.r1kit.model.vlm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import io.r1kit.model.generate.LogitsRule;

import java.util.ArrayList;
import java.util.List;

/**
 * Log-probabilities under a decoding rule, for training on what a ruled sampler drew. A {@link LogitsRule} that
 * rules choices out turns the model's distribution into a softmax over the choices left; at each answer position
 * where the rule rules something out, the answer token's log-probability is taken from that masked softmax (the
 * rest stay as they are). The masked softmax is computed directly, not as {@code log p - log(1 - Σ p(ruled))}:
 * when the model puts nearly all its mass on a ruled-out choice (a looping list), {@code 1 - Σ} cancels to
 * nothing in float32. Only those positions are read, so padding, whose log-softmax may be NaN, never enters the
 * graph.
 *
 * <p>Legend: B rows, L positions, W scores per position (words, then pointer entries), A longest answer,
 * R answer positions where the rule rules something out.
 */
final class RuledLogProbs {

    private RuledLogProbs() {}

    /**
     * {@code tokenLogProbs} with each answer token the rule constrains re-taken under the rule.
     *
     * @param tokenLogProbs [B, A] the answer tokens' log-probabilities without the rule
     * @param logProbs      [B, L, W] log-softmax of the logits (at the temperature the sampler used)
     * @param config        the model's: a row's own scores are V words and, with pointers, one per object of the row
     * @return [B, A]
     * @throws IllegalStateException when an answer token is one the rule rules out (it could not have been drawn)
     */
    static NDArray apply(NDArray tokenLogProbs, NDArray logProbs, List<VlmExample> batch, int[] answerFrom,
                         VlmConfig config, LogitsRule rule, NDManager scope) {
        int rows = batch.size();
        long longest = logProbs.getShape().get(1);
        int width = (int) logProbs.getShape().get(2);
        int answers = (int) tokenLogProbs.getShape().get(1);
        List<Long> at = new ArrayList<>();         // flat position b * L + p of each ruled answer token
        List<Long> taken = new ArrayList<>();      // that token
        List<int[]> out = new ArrayList<>();       // the choices ruled out there
        long[] slot = new long[rows * answers];    // per (b, j): its index among the R; R for none
        java.util.Arrays.fill(slot, -1);
        for (int b = 0; b < rows; b++) {
            int own = config.decoder().vocabSize()
                    + (config.objectPointers() ? batch.get(b).features().objects().size() : 0);
            int[] answer = batch.get(b).answer();
            List<Integer> generated = new ArrayList<>(answer.length);
            for (int j = 0; j < answer.length; j++) {
                int[] ruled = rule.ruledOut(b, generated, own);
                for (int m : ruled) {
                    if (m == answer[j]) {
                        throw new IllegalStateException("row " + b + ": answer token " + j + " (id " + m
                                + ") is one the decoding rule rules out there, so it cannot have been sampled under it");
                    }
                }
                if (ruled.length > 0) {
                    slot[b * answers + j] = out.size();
                    at.add(b * longest + answerFrom[b] + j);
                    taken.add((long) answer[j]);
                    out.add(ruled);
                }
                generated.add(answer[j]);
            }
        }
        int r = out.size();
        if (r == 0) {
            return tokenLogProbs;
        }
        float[] mask = new float[r * width];
        float[] keep = new float[rows * answers];
        for (int i = 0; i < r; i++) {
            for (int m : out.get(i)) {
                mask[i * width + m] = Float.NEGATIVE_INFINITY;
            }
        }
        for (int k = 0; k < slot.length; k++) {
            keep[k] = slot[k] < 0 ? 1f : 0f;
            slot[k] = slot[k] < 0 ? r : slot[k];   // nothing ruled out, or past the row's answer: the 0 at the end
        }
        NDArray positions = logProbs.reshape(rows * longest, width)
                .get(new NDIndex("{}", scope.create(at.stream().mapToLong(Long::longValue).toArray())));   // [R, W]
        NDArray ruled = positions.add(scope.create(mask, new Shape(r, width))).logSoftmax(1)
                .gather(scope.create(taken.stream().mapToLong(Long::longValue).toArray(), new Shape(r, 1)), 1)
                .reshape(r);                                                                                // [R]
        NDArray aligned = ruled.concat(scope.zeros(new Shape(1)), 0)
                .get(new NDIndex("{}", scope.create(slot))).reshape(rows, answers);                         // [B, A]
        return tokenLogProbs.mul(scope.create(keep, new Shape(rows, answers))).add(aligned);               // [B, A]
    }
}
