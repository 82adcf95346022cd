package io.r1kit.eval;

import org.tartarus.snowball.ext.englishStemmer;

import java.util.Set;

/**
 * METEOR (Denkowski and Lavie 2014, "Meteor Universal", section 2) with the English "rank"
 * parameters of METEOR 1.5 and its exact and stem modules; the synonym (WordNet) and paraphrase
 * modules are not implemented, so words that only those modules would match count as unmatched.
 * The README gives the measured difference against the official jar.
 *
 * <p>Per reference: words are aligned in stages, exact forms first, then equal Snowball English
 * stems among the words still free (only when the exact stage matched something: the official jar
 * scores "box" / "boxes" 0 but "red boxes" / "red box" 0.8, and we reproduce that); within a stage each hypothesis word takes the free reference
 * word that continues the previous match when there is one, otherwise the nearest. With h/r the
 * hypothesis/reference, c/f content/function words, m_i the words matched by module i:
 * {@code P = sum_i w_i (d m_i(h_c) + (1-d) m_i(h_f)) / (d |h_c| + (1-d) |h_f|)}, R likewise on r,
 * {@code Fmean = P R / (a P + (1-a) R)}, {@code Pen = g (chunks / m)^b} with m the mean number of
 * matched words of h and r (0 when both sentences match whole in one chunk),
 * {@code score = (1 - Pen) Fmean}. A sample takes its best reference;
 * the corpus score applies the same formulas to the statistics summed over samples, as the
 * official scorer's aggregate does (it is not the mean of the sample scores).
 */
public final class Meteor {

    /** a, b, g, d of METEOR 1.5's English rank task. */
    static final double ALPHA = 0.85;
    static final double BETA = 0.20;
    static final double GAMMA = 0.60;
    static final double DELTA = 0.75;
    /** Module weights: exact, stem (METEOR 1.5 English defaults). */
    static final double[] WEIGHTS = {1.0, 0.6};

    /**
     * English function words (closed-class: articles, pronouns, prepositions, conjunctions,
     * auxiliaries). Our own list; METEOR's ships with its jar and may differ in a few words.
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

    /** Corpus METEOR (from summed statistics) and the score of each sample (its best reference). */
    public static MetricScore score(CaptionCorpus corpus) {
        Stemmer stemmer = new Stemmer();
        double[] scores = new double[corpus.size()];
        MeteorStats total = new MeteorStats();
        for (int i = 0; i < corpus.size(); i++) {
            String[] hyp = corpus.candidateTokens(i);
            String[] hypStems = stemmer.stems(hyp);
            MeteorStats best = null;
            double bestScore = -1;
            for (String[] ref : corpus.referenceTokens(i)) {
                MeteorStats s = align(hyp, hypStems, ref, stemmer.stems(ref));
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

    /** Aligns one hypothesis with one reference and returns the statistics METEOR scores. */
    static MeteorStats align(String[] hyp, String[] hypStems, String[] ref, String[] refStems) {
        int[] hypMatch = new int[hyp.length];   // reference index matched by each hypothesis word, or -1
        int[] module = new int[hyp.length];     // module (0 exact, 1 stem) of that match
        java.util.Arrays.fill(hypMatch, -1);
        boolean[] refUsed = new boolean[ref.length];
        int exact = matchStage(hyp, ref, hypMatch, module, refUsed, 0);
        if (exact > 0) {
            // The METEOR 1.5 jar keeps stem matches only next to at least one exact match: it scores
            // "box" / "boxes" 0 but "red boxes" / "red box" 0.8. We reproduce that.
            matchStage(hypStems, refStems, hypMatch, module, refUsed, 1);
        }
        MeteorStats s = new MeteorStats();
        s.hypLen = hyp.length;
        s.refLen = ref.length;
        for (String w : hyp) {
            s.hypFunction += FUNCTION_WORDS.contains(w) ? 1 : 0;
        }
        for (String w : ref) {
            s.refFunction += FUNCTION_WORDS.contains(w) ? 1 : 0;
        }
        int prevRef = -2;
        boolean inChunk = false;
        for (int h = 0; h < hyp.length; h++) {
            int r = hypMatch[h];
            if (r < 0) {
                inChunk = false;
                continue;
            }
            int m = module[h];
            if (FUNCTION_WORDS.contains(hyp[h])) {
                s.hypFunctionMatched[m]++;
            } else {
                s.hypContentMatched[m]++;
            }
            if (FUNCTION_WORDS.contains(ref[r])) {
                s.refFunctionMatched[m]++;
            } else {
                s.refContentMatched[m]++;
            }
            // A chunk is a run of matches adjacent and in the same order in both sentences.
            if (!inChunk || r != prevRef + 1) {
                s.chunks++;
            }
            inChunk = true;
            prevRef = r;
        }
        return s;
    }

    /** Matches free hypothesis words to free reference words with an equal key; returns how many. */
    private static int matchStage(String[] hypKeys, String[] refKeys, int[] hypMatch, int[] module,
                                   boolean[] refUsed, int stage) {
        int prev = -1;
        int matched = 0;
        for (int h = 0; h < hypKeys.length; h++) {
            if (hypMatch[h] >= 0) {
                prev = hypMatch[h];
                continue;
            }
            int best = -1;
            for (int r = 0; r < refKeys.length; r++) {
                if (refUsed[r] || !refKeys[r].equals(hypKeys[h])) {
                    continue;
                }
                // Prefer the word right after the previous match (one chunk), then the nearest one.
                if (best < 0 || r == prev + 1 || (best != prev + 1 && Math.abs(r - prev - 1) < Math.abs(best - prev - 1))) {
                    best = r;
                }
            }
            if (best >= 0) {
                hypMatch[h] = best;
                module[h] = stage;
                refUsed[best] = true;
                prev = best;
                matched++;
            }
        }
        return matched;
    }

    /** Snowball English stems (the stemmer of METEOR's stem module). */
    private static final class Stemmer {
        private final englishStemmer snowball = new englishStemmer();

        String[] stems(String[] words) {
            String[] out = new String[words.length];
            for (int i = 0; i < words.length; i++) {
                snowball.setCurrent(words[i]);
                snowball.stem();
                out[i] = snowball.getCurrent();
            }
            return out;
        }
    }
}
