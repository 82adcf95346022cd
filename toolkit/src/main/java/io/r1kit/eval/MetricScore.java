package io.r1kit.eval;

import java.util.Arrays;

/**
 * One metric's result: the corpus score as the official scorer reports it, and one score per sample
 * in the corpus order (for BLEU, the scorer's per-sentence values; the corpus BLEU is not their mean).
 *
 * @param name      e.g. {@code "BLEU-4"}, {@code "CIDEr"}
 * @param score     the corpus score
 * @param perSample one score per sample
 */
public record MetricScore(String name, double score, double[] perSample) {

    public MetricScore {
        perSample = perSample.clone();
    }

    @Override
    public double[] perSample() {
        return perSample.clone();
    }

    /** Mean of the per-sample scores (equal to {@link #score} for every metric but BLEU and METEOR). */
    public double mean() {
        return Arrays.stream(perSample).average().orElse(0);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s %.6f (%d samples)", name, score, perSample.length);
    }
}
