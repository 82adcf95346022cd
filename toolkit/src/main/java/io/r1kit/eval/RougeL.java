package io.r1kit.eval;

/**
 * ROUGE-L (Lin 2004, section 3.2) as the COCO caption scorer computes it: per sample, the longest
 * common subsequence with each reference gives a precision (LCS / candidate length) and a recall
 * (LCS / reference length); the best precision and the best recall over the references (each
 * maximised on its own) combine into {@code F = (1 + b^2) P R / (R + b^2 P)}, b = 1.2; the corpus
 * score is the mean over samples.
 */
public final class RougeL {

    /** Weight of recall over precision in the F-measure. */
    public static final double BETA = 1.2;

    private RougeL() {}

    /** Corpus ROUGE-L and the score of each sample. */
    public static MetricScore score(CaptionCorpus corpus) {
        double[] scores = new double[corpus.size()];
        double sum = 0;
        for (int i = 0; i < corpus.size(); i++) {
            scores[i] = sample(corpus.candidateTokens(i), corpus.referenceTokens(i));
            sum += scores[i];
        }
        return new MetricScore("ROUGE-L", sum / corpus.size(), scores);
    }

    /** ROUGE-L of one candidate against its references. */
    static double sample(String[] cand, String[][] refs) {
        // The reference scorer splits "" into one empty token; an empty candidate scores 0 either way.
        int candLen = Math.max(1, cand.length);
        double bestP = 0;
        double bestR = 0;
        for (String[] ref : refs) {
            int lcs = lcs(ref, cand);
            bestP = Math.max(bestP, (double) lcs / candLen);
            bestR = Math.max(bestR, (double) lcs / ref.length);
        }
        if (bestP == 0 || bestR == 0) {
            return 0;
        }
        double b2 = BETA * BETA;
        return ((1 + b2) * bestP * bestR) / (bestR + b2 * bestP);
    }

    /** Length of the longest common subsequence, by dynamic programming over two rows. */
    static int lcs(String[] a, String[] b) {
        int[] prev = new int[b.length + 1];
        int[] cur = new int[b.length + 1];
        for (int i = 1; i <= a.length; i++) {
            for (int j = 1; j <= b.length; j++) {
                cur[j] = a[i - 1].equals(b[j - 1]) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length];
    }
}
