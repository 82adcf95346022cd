package io.r1kit.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Candidates and their references, tokenised, in the COCO scorer's shape: each id has exactly one
 * candidate and at least one reference. Every text metric scores a corpus.
 *
 * <pre>{@code
 * var corpus = CaptionCorpus.of(Map.of("q1", List.of("a brown chair")),
 *                               Map.of("q1", List.of("the brown chair.", "a wooden chair")));
 * Bleu.score(corpus).get(3).score();   // corpus BLEU-4
 * }</pre>
 *
 * <p>Input rules: both maps must hold the same ids; a candidate that is empty after tokenisation is a
 * valid (if useless) prediction and scores 0 on every metric; a reference that is empty after
 * tokenisation is an error, because it would silently lower the scores of its id.
 */
public final class CaptionCorpus {

    private final List<String> ids;
    private final String[][] candidates;
    private final String[][][] references;

    private CaptionCorpus(List<String> ids, String[][] candidates, String[][][] references) {
        this.ids = ids;
        this.candidates = candidates;
        this.references = references;
    }

    /**
     * Tokenises raw text with {@link PtbTokenizer} and pairs it by id, in the order of {@code references}.
     *
     * @param predictions id to a list holding exactly one candidate
     * @param references  id to one or more references
     * @throws IllegalArgumentException naming the first id that breaks the input rules
     */
    public static CaptionCorpus of(Map<String, List<String>> predictions, Map<String, List<String>> references) {
        return build(predictions, references, true);
    }

    /** Like {@link #of} for text tokenised already: tokens are split at whitespace, nothing else changes. */
    public static CaptionCorpus pretokenized(Map<String, List<String>> predictions,
                                             Map<String, List<String>> references) {
        return build(predictions, references, false);
    }

    private static CaptionCorpus build(Map<String, List<String>> predictions, Map<String, List<String>> references,
                                       boolean tokenize) {
        checkSameIds(predictions.keySet(), references.keySet());
        List<String> ids = new ArrayList<>(references.keySet());
        String[][] cands = new String[ids.size()][];
        String[][][] refs = new String[ids.size()][][];
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            List<String> p = predictions.get(id);
            if (p == null || p.size() != 1 || p.get(0) == null) {
                throw new IllegalArgumentException("id \"" + id + "\": expected exactly one prediction, found "
                        + (p == null ? "none" : p.size()));
            }
            cands[i] = split(p.get(0), tokenize);
            List<String> r = references.get(id);
            if (r == null || r.isEmpty()) {
                throw new IllegalArgumentException("id \"" + id + "\": no reference");
            }
            refs[i] = new String[r.size()][];
            for (int j = 0; j < r.size(); j++) {
                refs[i][j] = r.get(j) == null ? new String[0] : split(r.get(j), tokenize);
                if (refs[i][j].length == 0) {
                    throw new IllegalArgumentException("id \"" + id + "\": reference " + (j + 1)
                            + " is empty after tokenisation (\"" + r.get(j) + "\")");
                }
            }
        }
        return new CaptionCorpus(Collections.unmodifiableList(ids), cands, refs);
    }

    /** Throws when the id sets differ, naming how many ids are missing on each side and one example. */
    static void checkSameIds(Set<String> predicted, Set<String> referenced) {
        TreeSet<String> noPrediction = new TreeSet<>(referenced);
        noPrediction.removeAll(predicted);
        TreeSet<String> noReference = new TreeSet<>(predicted);
        noReference.removeAll(referenced);
        if (!noPrediction.isEmpty()) {
            throw new IllegalArgumentException(noPrediction.size() + " id(s) have references but no prediction, e.g. \""
                    + noPrediction.first() + "\"");
        }
        if (!noReference.isEmpty()) {
            throw new IllegalArgumentException(noReference.size() + " id(s) have a prediction but no reference, e.g. \""
                    + noReference.first() + "\"");
        }
        if (referenced.isEmpty()) {
            throw new IllegalArgumentException("no ids to score");
        }
    }

    private static String[] split(String text, boolean tokenize) {
        if (tokenize) {
            return PtbTokenizer.tokens(text).toArray(String[]::new);
        }
        // Whitespace split without a regex: this runs on every sentence of large corpora.
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean space = i == text.length() || Character.isWhitespace(text.charAt(i));
            if (!space && start < 0) {
                start = i;
            } else if (space && start >= 0) {
                out.add(text.substring(start, i));
                start = -1;
            }
        }
        return out.toArray(String[]::new);
    }

    /** Number of ids. */
    public int size() {
        return ids.size();
    }

    /** The ids, in scoring order. */
    public List<String> ids() {
        return ids;
    }

    /** Tokens of the candidate of sample {@code i}. */
    public List<String> candidate(int i) {
        return List.of(candidates[i]);
    }

    /** Tokens of each reference of sample {@code i}. */
    public List<List<String>> references(int i) {
        List<List<String>> out = new ArrayList<>();
        for (String[] r : references[i]) {
            out.add(List.of(r));
        }
        return out;
    }

    String[] candidateTokens(int i) {
        return candidates[i];
    }

    String[][] referenceTokens(int i) {
        return references[i];
    }

    /** The tokenised corpus as two id-ordered maps (candidates as one-element lists), for export. */
    public Map<String, List<String>> tokenizedCandidates() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            out.put(ids.get(i), List.of(String.join(" ", candidates[i])));
        }
        return out;
    }
}
