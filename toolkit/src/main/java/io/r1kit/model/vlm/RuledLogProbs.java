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
 * rules choices out turns the model's distribution p into p over the choices left, renormalised:
 * {@code log p'(t) = log p(t) - log(1 - Σ_{m ruled out} p(m))}. The correction is taken from the full
 * log-softmax, so the gradient also reaches the ruled-out choices' logits, exactly as through a masked softmax.
 * Only answer positions where the rule rules something out are read: padding positions, whose log-softmax may be
 * NaN, never enter the graph (a NaN there would turn the zero gradient of a masked term into NaN).
 *
 * <p>Legend: B rows, L positions, W scores per position (words, then pointer entries), A longest answer,
 * R answer positions where the rule rules something out, K the most choices ruled out at one of them.
 */
final class RuledLogProbs {

    private RuledLogProbs() {}

    /**
     * [B, A]: {@code log(1 - Σ p(ruled out))} for each answer token (0 where the rule rules nothing out and past
     * a row's answer); subtract it from the answer tokens' log-probabilities. Null when the rule rules nothing out
     * anywhere in the batch.
     *
     * @param logProbs [B, L, W] log-softmax of the logits (at the temperature the sampler used)
     * @param config   the model's: a row's own scores are V words and, with pointers, one per object of the row
     * @throws IllegalStateException when an answer token is one the rule rules out (it could not have been drawn)
     */
    static NDArray correction(NDArray logProbs, List<VlmExample> batch, int[] answerFrom, VlmConfig config,
                              LogitsRule rule, NDManager scope) {
        int rows = batch.size();
        long longest = logProbs.getShape().get(1);
        long width = logProbs.getShape().get(2);
        int answers = batch.stream().mapToInt(e -> e.answer().length).max().orElse(0);
        List<Long> at = new ArrayList<>();         // flat position b * L + p of each ruled answer token
        List<int[]> out = new ArrayList<>();       // its ruled-out choices
        long[] slot = new long[rows * answers];    // per (b, j): its index in `out`; -1 (then R) for none
        java.util.Arrays.fill(slot, -1);
        int widest = 1;
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
                    out.add(ruled);
                    widest = Math.max(widest, ruled.length);
                }
                generated.add(answer[j]);
            }
        }
        int r = out.size();
        if (r == 0) {
            return null;
        }
        for (int k = 0; k < slot.length; k++) {
            if (slot[k] < 0) {
                slot[k] = r;                       // nothing ruled out, or past the row's answer: the 0 at the end
            }
        }
        long[] index = new long[r * widest];
        float[] weight = new float[index.length];
        for (int i = 0; i < r; i++) {
            int[] ruled = out.get(i);
            for (int k = 0; k < ruled.length; k++) {
                index[i * widest + k] = ruled[k];
                weight[i * widest + k] = 1f;
            }
        }
        NDArray positions = logProbs.reshape(rows * longest, width)
                .get(new NDIndex("{}", scope.create(at.stream().mapToLong(Long::longValue).toArray())));   // [R, W]
        Shape shape = new Shape(r, widest);
        NDArray mass = positions.gather(scope.create(index, shape), 1).exp()
                .mul(scope.create(weight, shape)).sum(new int[] {1});                                       // [R]
        // 1 - mass ruled out, kept above 0 where a ruled-out choice held (nearly) all of it
        NDArray corr = mass.neg().add(1f).maximum(1e-30f).log().concat(scope.zeros(new Shape(1)), 0);      // [R + 1]
        return corr.get(new NDIndex("{}", scope.create(slot))).reshape(rows, answers);                     // [B, A]
    }
}
