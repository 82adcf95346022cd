package io.r1kit.model.generate;

import java.util.List;

/**
 * A rule on a row's next-token scores, applied by {@link Generator} after the model's logits and before the
 * token is chosen (greedy or sampled): it may rule tokens out by setting their score to
 * {@code Float.NEGATIVE_INFINITY}. The log-probability reported for the chosen token is then taken over the
 * ruled scores. Rules keep no state between calls: everything they need is in the row's tokens so far.
 *
 * <pre>{@code
 * LogitsRule noRepeat = (row, generated, scores) -> generated.forEach(t -> scores[t] = Float.NEGATIVE_INFINITY);
 * }</pre>
 */
@FunctionalInterface
public interface LogitsRule {

    /**
     * Edits {@code scores} of row {@code row} in place.
     *
     * @param generated the row's tokens generated so far (prompt excluded), read only
     * @param scores    the row's next-token logits, words then the row's pointer entries ({@code V + N})
     */
    void apply(int row, List<Integer> generated, float[] scores);

    /**
     * The choices this rule rules out for {@code row} after {@code generated}, among {@code width} scores: the
     * positions {@link #apply} sets to negative infinity, replayed so that training can take log-probabilities
     * under the same rule as the sampler.
     *
     * @throws IllegalStateException when the rule changes a score in any other way (such a rule cannot be replayed)
     */
    default int[] ruledOut(int row, List<Integer> generated, int width) {
        float[] scores = new float[width];
        apply(row, generated, scores);
        int n = 0;
        for (float v : scores) {
            if (v == Float.NEGATIVE_INFINITY) {
                n++;
            } else if (v != 0f) {
                throw new IllegalStateException("this rule changes scores other than by ruling tokens out:"
                        + " training cannot replay it");
            }
        }
        int[] out = new int[n];
        for (int i = 0, k = 0; i < width; i++) {
            if (scores[i] == Float.NEGATIVE_INFINITY) {
                out[k++] = i;
            }
        }
        return out;
    }
}
