package io.r1kit.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The links every METEOR module proposes for one hypothesis/reference pair, grouped by the
 * reference position they start at, with how many links cover each word. Modules run in the order
 * exact, stem, synonym, paraphrase, each scanning reference then hypothesis positions; that order is
 * the order the alignment search tries links in.
 */
final class MeteorCandidates {

    private final List<List<MeteorMatch>> byRefStart;
    private final int[] refCoverage;
    private final int[] hypCoverage;

    MeteorCandidates(int hypLength, int refLength) {
        byRefStart = new ArrayList<>(refLength);
        for (int j = 0; j < refLength; j++) {
            byRefStart.add(new ArrayList<>(2));
        }
        refCoverage = new int[refLength];
        hypCoverage = new int[hypLength];
    }

    /** The links starting at reference position {@code j}. */
    List<MeteorMatch> at(int j) {
        return byRefStart.get(j);
    }

    /** The only link starting at {@code j} when no other link touches any of its words, else null. */
    MeteorMatch uncontested(int j) {
        List<MeteorMatch> here = byRefStart.get(j);
        if (here.size() != 1) {
            return null;
        }
        MeteorMatch m = here.get(0);
        for (int r = m.refStart(); r < m.refEnd(); r++) {
            if (refCoverage[r] != 1) {
                return null;
            }
        }
        for (int h = m.hypStart(); h < m.hypEnd(); h++) {
            if (hypCoverage[h] != 1) {
                return null;
            }
        }
        return m;
    }

    void exact(String[] hyp, String[] ref) {
        for (int j = 0; j < ref.length; j++) {
            for (int i = 0; i < hyp.length; i++) {
                if (hyp[i].equals(ref[j])) {
                    add(MeteorMatch.word(j, i, MeteorAligner.EXACT));
                }
            }
        }
    }

    /** Different words with the same Snowball stem. */
    void stems(String[] hyp, String[] ref, String[] hypStems, String[] refStems) {
        for (int j = 0; j < ref.length; j++) {
            for (int i = 0; i < hyp.length; i++) {
                if (hypStems[i].equals(refStems[j]) && !hyp[i].equals(ref[j])) {
                    add(MeteorMatch.word(j, i, MeteorAligner.STEM));
                }
            }
        }
    }

    /** Different words that share a WordNet synset (through their base forms too). */
    void synonyms(String[] hyp, String[] ref, MeteorSynonyms synonyms) {
        List<Set<Integer>> hypSets = new ArrayList<>(hyp.length);
        for (String w : hyp) {
            hypSets.add(synonyms.synsetsOf(w));
        }
        for (int j = 0; j < ref.length; j++) {
            Set<Integer> refSets = synonyms.synsetsOf(ref[j]);
            for (int i = 0; i < hyp.length; i++) {
                if (!hyp[i].equals(ref[j]) && shareOne(hypSets.get(i), refSets)) {
                    add(MeteorMatch.word(j, i, MeteorAligner.SYNONYM));
                }
            }
        }
    }

    /**
     * Phrases of the reference whose paraphrase occurs in the hypothesis, then phrases of the
     * hypothesis whose paraphrase occurs in the reference (a symmetric table yields a link twice, as
     * in the official scorer; the copies only keep the link from being fixed early).
     */
    void paraphrases(String[] hyp, String[] ref, MeteorParaphrases table) {
        int[] hypNumbers = table.numbers(hyp);
        int[] refNumbers = table.numbers(ref);
        for (int j = 0; j < ref.length; j++) {
            int refStart = j;
            table.forEachParaphrase(ref, refNumbers, j, (len, para) -> {
                for (int i = 0; i < hyp.length; i++) {
                    if (occursAt(hypNumbers, i, para)) {
                        add(new MeteorMatch(refStart, len, i, para.length, MeteorAligner.PARAPHRASE));
                    }
                }
            });
        }
        for (int i = 0; i < hyp.length; i++) {
            int hypStart = i;
            table.forEachParaphrase(hyp, hypNumbers, i, (len, para) -> {
                for (int j = 0; j < ref.length; j++) {
                    if (occursAt(refNumbers, j, para)) {
                        add(new MeteorMatch(j, para.length, hypStart, len, MeteorAligner.PARAPHRASE));
                    }
                }
            });
        }
    }

    private void add(MeteorMatch m) {
        byRefStart.get(m.refStart()).add(m);
        for (int r = m.refStart(); r < m.refEnd(); r++) {
            refCoverage[r]++;
        }
        for (int h = m.hypStart(); h < m.hypEnd(); h++) {
            hypCoverage[h]++;
        }
    }

    private static boolean occursAt(int[] sentence, int at, int[] phrase) {
        if (at + phrase.length > sentence.length) {
            return false;
        }
        for (int k = 0; k < phrase.length; k++) {
            if (sentence[at + k] != phrase[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean shareOne(Set<Integer> a, Set<Integer> b) {
        Set<Integer> small = a.size() <= b.size() ? a : b;
        Set<Integer> large = small == a ? b : a;
        for (Integer x : small) {
            if (large.contains(x)) {
                return true;
            }
        }
        return false;
    }
}
