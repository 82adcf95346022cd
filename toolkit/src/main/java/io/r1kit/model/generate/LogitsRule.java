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
}
