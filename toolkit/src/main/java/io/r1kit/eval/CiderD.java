package io.r1kit.eval;

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
        NGrams index = new NGrams();
        NGrams.Counts[] cands = new NGrams.Counts[size];
        NGrams.Counts[][] refs = new NGrams.Counts[size][];
        for (int i = 0; i < size; i++) {
            cands[i] = index.count(corpus.candidateTokens(i));
            String[][] r = corpus.referenceTokens(i);
            refs[i] = new NGrams.Counts[r.length];
            for (int j = 0; j < r.length; j++) {
                refs[i][j] = index.count(r[j]);
            }
        }
        // Document frequency: in how many samples' reference sets each n-gram occurs (once per sample).
        int[] df = new int[index.size()];
        int[] seenIn = new int[index.size()];
        java.util.Arrays.fill(seenIn, -1);
        for (int i = 0; i < size; i++) {
            for (NGrams.Counts r : refs[i]) {
                for (int[] ids : r.ids()) {
                    for (int id : ids) {
                        if (seenIn[id] != i) {
                            seenIn[id] = i;
                            df[id]++;
                        }
                    }
                }
            }
        }
        double logN = Math.log(size);
        double[] scores = new double[size];
        double sum = 0;
        for (int i = 0; i < size; i++) {
            Vec cand = new Vec(cands[i], df, logN);
            double[] acc = new double[n];
            for (NGrams.Counts rc : refs[i]) {
                Vec ref = new Vec(rc, df, logN);
                double delta = cand.length - ref.length;
                double penalty = Math.exp(-(delta * delta) / (2 * SIGMA * SIGMA));
                for (int k = 0; k < n; k++) {
                    double dot = clippedDot(cand.ids[k], cand.weights[k], ref.ids[k], ref.weights[k]);
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
            scores[i] = mean / n / refs[i].length * 10.0;
            sum += scores[i];
        }
        return new MetricScore("CIDEr", sum / size, scores);
    }

    /** {@code sum min(c, r) * r} over shared ids (clipping, the "D" in CIDEr-D); ids ascending. */
    private static double clippedDot(int[] ci, double[] cw, int[] ri, double[] rw) {
        double dot = 0;
        int a = 0;
        int b = 0;
        while (a < ci.length && b < ri.length) {
            if (ci[a] < ri[b]) {
                a++;
            } else if (ci[a] > ri[b]) {
                b++;
            } else {
                dot += Math.min(cw[a], rw[b]) * rw[b];
                a++;
                b++;
            }
        }
        return dot;
    }

    /** TF-IDF weights per n (aligned with the ascending ids), their norms, the bigram count as length. */
    private static final class Vec {
        final int[][] ids;
        final double[][] weights;
        final double[] norm;
        final int length;

        Vec(NGrams.Counts counts, int[] df, double logN) {
            ids = counts.ids();
            weights = new double[ids.length][];
            norm = new double[ids.length];
            for (int k = 0; k < ids.length; k++) {
                int[] c = counts.counts()[k];
                weights[k] = new double[c.length];
                double sq = 0;
                for (int g = 0; g < c.length; g++) {
                    double w = c[g] * (logN - Math.log(Math.max(1.0, df[ids[k][g]])));
                    weights[k][g] = w;
                    sq += w * w;
                }
                norm[k] = Math.sqrt(sq);
            }
            length = counts.total(2);
        }
    }
}
