package io.r1kit.model.generate;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Supplier;

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
        double logZ = logSumExp(logits, temperature);
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
     * zero outside the kept tokens. The tokens are ranked (most likely first, the lower index first on
     * ties) only when top-k or top-p can cut.
     */
    public static double[] distribution(float[] logits, double temperature, int topK, double topP) {
        double logZ = logSumExp(logits, temperature);
        double[] p = new double[logits.length];
        if (!cuts(logits.length, topK, topP)) {
            for (int i = 0; i < p.length; i++) {
                p[i] = Math.exp(logits[i] / temperature - logZ);
            }
            return p;
        }
        int[] order = ranked(logits);
        int keep = topK > 0 ? Math.min(topK, order.length) : order.length;
        double kept = 0;
        for (int r = 0; r < keep; r++) {
            double pr = Math.exp(logits[order[r]] / temperature - logZ);
            p[order[r]] = pr;
            kept += pr;
            if (kept >= topP) {
                break; // the smallest prefix reaching topP (at least one token)
            }
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= kept;
        }
        return p;
    }

    /** {@code log sum exp(logits / temperature)}, in double. */
    static double logSumExp(float[] logits, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l / temperature);
        }
        double sum = 0;
        for (float l : logits) {
            sum += Math.exp(l / temperature - max);
        }
        return max + Math.log(sum);
    }

    private static boolean cuts(int vocabulary, int topK, double topP) {
        return topK > 0 && topK < vocabulary || topP < 1;
    }

    /**
     * Indices by descending logit, ties by ascending index: one sort of primitive keys, each the
     * order-preserving bits of the negated logit above the index.
     */
    static int[] ranked(float[] logits) {
        long[] keys = new long[logits.length];
        for (int i = 0; i < keys.length; i++) {
            int bits = Float.floatToIntBits(logits[i]);
            long ascending = bits >= 0 ? bits : bits ^ 0x7fffffff;   // signed order = float order
            keys[i] = (-ascending << 32) | i;
        }
        Arrays.sort(keys);
        int[] order = new int[keys.length];
        for (int r = 0; r < keys.length; r++) {
            order[r] = (int) keys[r];
        }
        return order;
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

    /** A chosen token and its log-probability under the logits before any penalty, at the temperature drawn at. */
    record Choice(int token, float logProb) {}

    /**
     * The next token of one row under {@code config}, and its log-probability from the same normaliser
     * the draw used (the log-softmax of {@code logits / temperature}, 1 when greedy).
     *
     * @param history the row's tokens so far; read only when the repetition penalty is not 1
     */
    static Choice choose(float[] logits, Supplier<int[]> history, GenerationConfig config, Random random) {
        double temperature = config.sample() ? config.temperature() : 1.0;
        double logZ = logSumExp(logits, temperature);
        boolean penalised = config.repetitionPenalty() != 1.0;
        float[] scores = penalised ? penalise(logits, history.get(), config.repetitionPenalty()) : logits;
        int token;
        if (!config.sample()) {
            token = argmax(scores);
        } else if (cuts(scores.length, config.topK(), config.topP())) {
            token = draw(distribution(scores, temperature, config.topK(), config.topP()), random);
        } else {
            token = drawAll(scores, temperature, penalised ? logSumExp(scores, temperature) : logZ, random);
        }
        return new Choice(token, (float) (logits[token] / temperature - logZ));
    }

    /** {@link #draw} over the whole softmax of {@code scores / temperature}, without building it first. */
    private static int drawAll(float[] scores, double temperature, double logZ, Random random) {
        double u = random.nextDouble();
        double cumulative = 0;
        int last = 0;
        for (int i = 0; i < scores.length; i++) {
            double p = Math.exp(scores[i] / temperature - logZ);
            if (p > 0) {
                cumulative += p;
                last = i;
                if (u < cumulative) {
                    return i;
                }
            }
        }
        return last; // rounding left u above the total
    }
}
