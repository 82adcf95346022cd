package io.r1kit.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Corpus BLEU-1..4 (Papineni et al. 2002) as the COCO caption scorer computes it.
 *
 * <p>Per sample: clipped n-gram matches {@code correct[n]} (a candidate n-gram counts at most as
 * often as in the reference where it is most frequent), {@code guess[n] = max(0, len - n + 1)}, and
 * the reference length closest to the candidate's (ties go to the shorter reference). Corpus:
 * matches, guesses and lengths are summed over samples, then
 * {@code BLEU-N = (prod_{n<=N} (correct[n] + 1e-15) / (guess[n] + 1e-9))^(1/N) * BP}, with the
 * brevity penalty {@code BP = exp(1 - r/c)} when the candidate length c is below the reference
 * length r (both summed; the small constants are the scorer's guards against empty counts).
 * The per-sample values apply the same formula to one sample's counts.
 */
public final class Bleu {

    private static final double TINY = 1e-15;
    private static final double SMALL = 1e-9;

    private Bleu() {}

    /** BLEU-1 .. BLEU-4, in that order. */
    public static List<MetricScore> score(CaptionCorpus corpus) {
        int n = NGrams.MAX_N;
        int size = corpus.size();
        double[][] perSample = new double[n][size];
        long[] correct = new long[n];
        long[] guess = new long[n];
        long testLen = 0;
        long refLen = 0;
        NGrams index = new NGrams();
        for (int i = 0; i < size; i++) {
            String[] cand = corpus.candidateTokens(i);
            String[][] refs = corpus.referenceTokens(i);
            long[] c = new long[n];
            long[] g = new long[n];
            counts(index, cand, refs, c, g);
            int closest = closestLength(refs, cand.length);
            testLen += cand.length;
            refLen += closest;
            for (int k = 0; k < n; k++) {
                correct[k] += c[k];
                guess[k] += g[k];
            }
            double[] sample = bleu(c, g, cand.length, closest);
            for (int k = 0; k < n; k++) {
                perSample[k][i] = sample[k];
            }
        }
        double[] total = bleu(correct, guess, testLen, refLen);
        List<MetricScore> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            out.add(new MetricScore("BLEU-" + (k + 1), total[k], perSample[k]));
        }
        return out;
    }

    /** Clipped matches and guesses for n = 1..4 of one candidate against its references. */
    private static void counts(NGrams index, String[] cand, String[][] refs, long[] correct, long[] guess) {
        int n = correct.length;
        NGrams.Counts c = index.count(cand);
        NGrams.Counts[] r = new NGrams.Counts[refs.length];
        for (int j = 0; j < refs.length; j++) {
            r[j] = index.count(refs[j]);
        }
        for (int k = 1; k <= n; k++) {
            guess[k - 1] = Math.max(0, cand.length - k + 1);
            long hits = 0;
            int[] ids = c.ids()[k - 1];
            int[] cnt = c.counts()[k - 1];
            for (int g = 0; g < ids.length; g++) {
                // Clipping: an n-gram counts at most as often as in the reference holding it most.
                int max = 0;
                for (NGrams.Counts ref : r) {
                    max = Math.max(max, ref.count(k, ids[g]));
                }
                hits += Math.min(cnt[g], max);
            }
            correct[k - 1] = hits;
        }
    }

    /** The reference length closest to {@code testLen}; on a tie the shorter one. */
    static int closestLength(String[][] refs, int testLen) {
        int best = refs[0].length;
        for (String[] r : refs) {
            int d = Math.abs(r.length - testLen);
            int bd = Math.abs(best - testLen);
            if (d < bd || (d == bd && r.length < best)) {
                best = r.length;
            }
        }
        return best;
    }

    /** BLEU-1..n from summed counts, with the brevity penalty. */
    private static double[] bleu(long[] correct, long[] guess, long testLen, long refLen) {
        int n = correct.length;
        double[] out = new double[n];
        double product = 1;
        for (int k = 0; k < n; k++) {
            product *= (correct[k] + TINY) / (guess[k] + SMALL);
            out[k] = Math.pow(product, 1.0 / (k + 1));
        }
        double ratio = (testLen + TINY) / (refLen + SMALL);
        if (ratio < 1) {
            double bp = Math.exp(1 - 1 / ratio);
            for (int k = 0; k < n; k++) {
                out[k] *= bp;
            }
        }
        return out;
    }
}
