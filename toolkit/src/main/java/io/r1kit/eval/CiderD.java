package io.r1kit.eval;

import java.util.HashMap;
import java.util.Map;

/**
 * CIDEr-D (Vedantam et al. 2015, sections 3 and 3.1) as the COCO caption scorer computes it.
 *
 * <p>Each sentence becomes, for n = 1..4, a TF-IDF vector over its n-grams: term count times
 * {@code log(N) - log(max(1, df))}, where N is the number of samples and df the number of samples
 * whose references hold the n-gram (document frequencies come from the references only). Per
 * reference and n: the clipped dot product {@code sum min(c, r) * r} over the candidate's n-grams,
 * divided by both norms, times the length penalty {@code exp(-(lc - lr)^2 / (2 sigma^2))},
 * sigma = 6. The sample's score is the mean over n and over references, times 10; the corpus score
 * is the mean over samples. As in the reference scorer, a sentence's "length" in the penalty is its
 * number of bigrams (words - 1), which differs from the word count only for empty sentences.
 */
public final class CiderD {

    /** Width of the Gaussian length penalty (CIDEr-D, eq. 6). */
    public static final double SIGMA = 6.0;

    private CiderD() {}

    /** Corpus CIDEr-D and the score of each sample. */
    public static MetricScore score(CaptionCorpus corpus) {
        int size = corpus.size();
        int n = NGrams.MAX_N;
        Map<String, Integer> df = new HashMap<>();
        @SuppressWarnings("unchecked")
        Map<String, Integer>[][][] refCounts = new Map[size][][];
        for (int i = 0; i < size; i++) {
            String[][] refs = corpus.referenceTokens(i);
            refCounts[i] = new Map[refs.length][];
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int j = 0; j < refs.length; j++) {
                refCounts[i][j] = NGrams.count(refs[j], n);
                for (Map<String, Integer> m : refCounts[i][j]) {
                    seen.addAll(m.keySet());
                }
            }
            for (String g : seen) {
                df.merge(g, 1, Integer::sum);
            }
        }
        double logN = Math.log(size);
        double[] scores = new double[size];
        double sum = 0;
        for (int i = 0; i < size; i++) {
            Vec cand = new Vec(NGrams.count(corpus.candidateTokens(i), n), df, logN);
            double[] acc = new double[n];
            for (Map<String, Integer>[] rc : refCounts[i]) {
                Vec ref = new Vec(rc, df, logN);
                double delta = cand.length - ref.length;
                double penalty = Math.exp(-(delta * delta) / (2 * SIGMA * SIGMA));
                for (int k = 0; k < n; k++) {
                    double dot = 0;
                    for (Map.Entry<String, Double> e : cand.weights[k].entrySet()) {
                        double r = ref.weights[k].getOrDefault(e.getKey(), 0.0);
                        dot += Math.min(e.getValue(), r) * r; // clipping (the "D" in CIDEr-D)
                    }
                    if (cand.norm[k] != 0 && ref.norm[k] != 0) {
                        dot /= cand.norm[k] * ref.norm[k];
                    }
                    acc[k] += dot * penalty;
                }
            }
            double mean = 0;
            for (double a : acc) {
                mean += a;
            }
            scores[i] = mean / n / refCounts[i].length * 10.0;
            sum += scores[i];
        }
        return new MetricScore("CIDEr", sum / size, scores);
    }

    /** TF-IDF weights per n, their norms, and the bigram count used as length. */
    private static final class Vec {
        final Map<String, Double>[] weights;
        final double[] norm;
        final int length;

        @SuppressWarnings("unchecked")
        Vec(Map<String, Integer>[] counts, Map<String, Integer> df, double logN) {
            weights = new Map[counts.length];
            norm = new double[counts.length];
            for (int k = 0; k < counts.length; k++) {
                weights[k] = new HashMap<>(counts[k].size() * 2);
                double sq = 0;
                for (Map.Entry<String, Integer> e : counts[k].entrySet()) {
                    double w = e.getValue() * (logN - Math.log(Math.max(1.0, df.getOrDefault(e.getKey(), 0))));
                    weights[k].put(e.getKey(), w);
                    sq += w * w;
                }
                norm[k] = Math.sqrt(sq);
            }
            int bigrams = 0;
            for (int c : counts[1].values()) {
                bigrams += c;
            }
            length = bigrams;
        }
    }
}
