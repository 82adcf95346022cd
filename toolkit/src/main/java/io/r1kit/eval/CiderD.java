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
        String[][][] refs = new String[size][][];
        for (int i = 0; i < size; i++) {
            refs[i] = corpus.referenceTokens(i);
        }
        CiderIdf idf = new CiderIdf(refs);
        double[] scores = new double[size];
        double sum = 0;
        for (int i = 0; i < size; i++) {
            scores[i] = idf.score(corpus.candidateTokens(i), refs[i]);
            sum += scores[i];
        }
        return new MetricScore("CIDEr", sum / size, scores);
    }
}
