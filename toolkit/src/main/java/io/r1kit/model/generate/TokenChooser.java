package io.r1kit.model.generate;

import java.util.Arrays;
import java.util.Random;

/**
 * Picks the next token from one row of logits: repetition penalty, then argmax (greedy) or
 * temperature, top-k, top-p (Holtzman et al. 2020, sec. 3.1) and a draw. Pure functions over
 * float arrays, so each step can be checked by hand.
 */
public final class TokenChooser {

    private TokenChooser() {}

    /**
     * CTRL's repetition penalty (Keskar et al. 2019, sec. 4.1) as transformers applies it: a logit of a
     * token already in {@code history} is divided by {@code penalty} when positive, multiplied when negative.
     *
     * @return a new array; {@code logits} is left as it was
     */
    public static float[] penalise(float[] logits, int[] history, double penalty) {
        float[] out = logits.clone();
        if (penalty == 1.0) {
            return out;
        }
        boolean[] seen = new boolean[logits.length];
        for (int t : history) {
            if (t >= 0 && t < logits.length && !seen[t]) {
                seen[t] = true;
                out[t] = (float) (out[t] > 0 ? out[t] / penalty : out[t] * penalty);
            }
        }
        return out;
    }

    /** The log-softmax of {@code logits / temperature}, computed in double for stability. */
    public static double[] logSoftmax(float[] logits, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l / temperature);
        }
        double sum = 0;
        for (float l : logits) {
            sum += Math.exp(l / temperature - max);
        }
        double logZ = max + Math.log(sum);
        double[] out = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            out[i] = logits[i] / temperature - logZ;
        }
        return out;
    }

    /** The index of the largest logit (the lowest index among ties). */
    public static int argmax(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * The sampling distribution after temperature, top-k and top-p: probabilities summing to 1,
     * zero outside the kept tokens.
     */
    public static double[] distribution(float[] logits, double temperature, int topK, double topP) {
        double[] logp = logSoftmax(logits, temperature);
        Integer[] order = new Integer[logits.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(logp[b], logp[a])); // most likely first, stable on ties
        int keep = topK > 0 ? Math.min(topK, order.length) : order.length;
        double cumulative = 0;
        double[] p = new double[logits.length];
        double kept = 0;
        for (int r = 0; r < keep; r++) {
            double pr = Math.exp(logp[order[r]]);
            p[order[r]] = pr;
            kept += pr;
            cumulative += pr;
            if (cumulative >= topP) {
                break; // the smallest prefix reaching topP (at least one token)
            }
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= kept;
        }
        return p;
    }

    /** Draws an index from {@code probabilities} (which sum to 1). */
    public static int draw(double[] probabilities, Random random) {
        double u = random.nextDouble();
        double cumulative = 0;
        int last = 0;
        for (int i = 0; i < probabilities.length; i++) {
            if (probabilities[i] > 0) {
                cumulative += probabilities[i];
                last = i;
                if (u < cumulative) {
                    return i;
                }
            }
        }
        return last; // rounding left u above the total
    }

    /** The next token of one row under {@code config}. */
    static int choose(float[] logits, int[] history, GenerationConfig config, Random random) {
        float[] penalised = penalise(logits, history, config.repetitionPenalty());
        if (!config.sample()) {
            return argmax(penalised);
        }
        return draw(distribution(penalised, config.temperature(), config.topK(), config.topP()), random);
    }
}
