package io.r1kit.cot.filter;

import java.util.Objects;

/**
 * What one filter found for one record.
 *
 * @param filter    the filter's name, e.g. {@code "think-length"}
 * @param value     what it measured (words, cues, similarity; 1 or 0 for yes/no rules)
 * @param threshold the least value that passes
 * @param pass      whether the record passes this filter
 */
public record Verdict(String filter, double value, double threshold, boolean pass) {

    public Verdict {
        Objects.requireNonNull(filter, "filter");
    }

    /** A verdict passing exactly when {@code value >= threshold}. */
    public static Verdict atLeast(String filter, double value, double threshold) {
        return new Verdict(filter, value, threshold, value >= threshold);
    }
}
