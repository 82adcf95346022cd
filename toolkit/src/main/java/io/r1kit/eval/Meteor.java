package io.r1kit.eval;

import java.util.Set;

/**
 * METEOR 1.5 (Denkowski and Lavie 2014, "Meteor Universal", section 2) with the English "rank"
 * parameters of the official scorer, as the COCO caption evaluation runs it.
 *
 * <p>Per reference, {@link MeteorAligner} links hypothesis and reference words through four modules,
 * exact forms, Snowball stems, WordNet synonyms and the paraphrase table, and keeps the best
 * alignment its search finds. With h/r the hypothesis/reference, c/f content/function words and
 * m_i the words matched by module i:
 * {@code P = sum_i w_i (d m_i(h_c) + (1-d) m_i(h_f)) / (d |h_c| + (1-d) |h_f|)}, R likewise on r,
 * {@code Fmean = P R / (a P + (1-a) R)}, {@code Pen = g (chunks / m)^b} with m the mean number of
 * matched words of h and r (0 when both sentences match whole in one chunk),
 * {@code score = (1 - Pen) Fmean}. A sample takes its best reference; the corpus score applies the
 * same formulas to the statistics summed over samples, as the official scorer's aggregate does (it
 * is not the mean of the sample scores).
 *
 * <p>The synonym and paraphrase data are METEOR's own and are read at run time
 * ({@link MeteorResources}); without them only the exact and stem modules run. {@code docs/evaluation.md} gives the
 * measured agreement with the official jar in both cases.
 */
public final class Meteor {

    /** a, b, g, d of METEOR 1.5's English rank task. */
    static final double ALPHA = 0.85;
    static final double BETA = 0.20;
    static final double GAMMA = 0.60;
    static final double DELTA = 0.75;
    /** Module weights w_i: exact, stem, synonym, paraphrase (METEOR 1.5 English rank task). */
    static final double[] WEIGHTS = {1.0, 0.6, 0.8, 0.6};

    /**
     * English function words (closed-class: articles, pronouns, prepositions, conjunctions,
     * auxiliaries): our own list, used when METEOR's (in its jar) is not available.
     */
    static final Set<String> FUNCTION_WORDS = Set.of(
            "a", "an", "the", "this", "that", "these", "those", "some", "any", "each", "every", "no",
            "i", "me", "my", "mine", "you", "your", "yours", "he", "him", "his", "she", "her", "hers", "it", "its",
            "we", "us", "our", "ours", "they", "them", "their", "theirs", "what", "which", "who", "whom", "whose",
            "of", "in", "on", "at", "to", "for", "with", "by", "from", "into", "onto", "over", "under", "about",
            "as", "than", "and", "or", "but", "nor", "so", "if", "because", "while", "then",
            "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "have", "has", "had",
            "will", "would", "can", "could", "shall", "should", "may", "might", "must", "not", "'s", "n't",
            "there", "here", "up", "out", "off", "down");

    private Meteor() {}

    /** Corpus METEOR and the score of each sample, with {@link MeteorResources#defaults()}. */
    public static MetricScore score(CaptionCorpus corpus) {
        return score(corpus, MeteorResources.defaults());
    }

    /** Corpus METEOR (from summed statistics) and the score of each sample (its best reference). */
    public static MetricScore score(CaptionCorpus corpus, MeteorResources data) {
        MeteorAligner aligner = new MeteorAligner(data);
        double[] scores = new double[corpus.size()];
        MeteorStats total = new MeteorStats();
        for (int i = 0; i < corpus.size(); i++) {
            String[] hyp = data.tokens(String.join(" ", corpus.candidateTokens(i)));
            MeteorStats best = null;
            double bestScore = -1;
            for (String[] ref : corpus.referenceTokens(i)) {
                MeteorStats s = aligner.align(hyp, data.tokens(String.join(" ", ref)));
                double sc = s.score();
                if (sc > bestScore) {
                    bestScore = sc;
                    best = s;
                }
            }
            scores[i] = bestScore;
            total.add(best);
        }
        return new MetricScore("METEOR", total.score(), scores);
    }
}
