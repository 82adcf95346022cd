package io.r1kit.model.vlm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.r1kit.model.generate.LogitsRule;

import java.util.ArrayList;
import java.util.List;

/**
 * Log-probabilities under a decoding rule, for training on what a ruled sampler drew. A {@link LogitsRule} that
 * rules choices out turns the model's distribution p into p over the choices left, renormalised:
 * {@code log p'(t) = log p(t) - log(1 - Σ_{m ruled out} p(m))}. The correction is taken from the full
 * log-softmax, so the gradient also reaches the ruled-out choices' logits, exactly as through a masked softmax.
 *
 * <p>Legend: B rows, L positions, W scores per position (words, then pointer entries), K the most choices
 * ruled out at one position.
 */
final class RuledLogProbs {

    private RuledLogProbs() {}

    /**
     * [B, L]: {@code log(1 - Σ p(ruled out))} at each position that predicts an answer token (0 where the rule
     * rules nothing out, and at every other position); subtract it from the log-probabilities of the tokens taken.
     *
     * @param logProbs [B, L, W] log-softmax of the logits (at the temperature the sampler used)
     * @param config   the model's: a row's own scores are V words and, with pointers, one per object of the row
     * @throws IllegalStateException when an answer token is one the rule rules out (it could not have been drawn)
     */
    static NDArray correction(NDArray logProbs, List<VlmExample> batch, int[] answerFrom, VlmConfig config,
                              LogitsRule rule, NDManager scope) {
        int rows = batch.size();
        int[] widths = new int[rows];
        for (int b = 0; b < rows; b++) {
            widths[b] = config.decoder().vocabSize()
                    + (config.objectPointers() ? batch.get(b).features().objects().size() : 0);
        }
        int longest = (int) logProbs.getShape().get(1);
        List<int[]>[] at = new List[rows];   // per row and answer position, the choices ruled out
        int widest = 1;
        for (int b = 0; b < rows; b++) {
            int[] answer = batch.get(b).answer();
            List<Integer> generated = new ArrayList<>(answer.length);
            at[b] = new ArrayList<>(answer.length);
            for (int j = 0; j < answer.length; j++) {
                int[] out = rule.ruledOut(b, generated, widths[b]);
                for (int m : out) {
                    if (m == answer[j]) {
                        throw new IllegalStateException("row " + b + ": answer token " + j + " (id " + m
                                + ") is one the decoding rule rules out there, so it cannot have been sampled under it");
                    }
                }
                at[b].add(out);
                widest = Math.max(widest, out.length);
                generated.add(answer[j]);
            }
        }
        long[] index = new long[rows * longest * widest];
        float[] weight = new float[index.length];
        for (int b = 0; b < rows; b++) {
            for (int j = 0; j < at[b].size(); j++) {
                int base = (b * longest + answerFrom[b] + j) * widest;
                int[] out = at[b].get(j);
                for (int k = 0; k < out.length; k++) {
                    index[base + k] = out[k];
                    weight[base + k] = 1f;
                }
            }
        }
        Shape shape = new Shape(rows, longest, widest);
        NDArray ruledOut = logProbs.gather(scope.create(index, shape), 2).exp()
                .mul(scope.create(weight, shape)).sum(new int[] {2});                          // [B, L]
        // 1 - mass ruled out, kept above 0 where a ruled-out choice held (nearly) all of it
        return ruledOut.neg().add(1f).maximum(1e-30f).log();                                    // [B, L]
    }
}
