package io.r1kit.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The paraphrase table of METEOR's paraphrase module: phrases and the phrases that may replace
 * them ("sofa" → "couch", "next to" → "beside"). The table is the {@code paraphrase-en.gz} file
 * that ships next to the METEOR 1.5 jar (see {@link MeteorResources}): records of three lines, a
 * probability (unused by the matcher), a phrase and one paraphrase of it.
 *
 * <p>Paraphrases are held as word numbers to keep the table (5.3 million records for English) near
 * half a gigabyte of heap; a phrase keeps its paraphrases in file order, which decides ties in the
 * alignment search as it does in the official scorer.
 */
final class MeteorParaphrases {

    private final Map<String, Integer> vocabulary;
    private final Map<String, int[]> byPhrase;     // phrase text -> indices into paraphrases
    private final int[][] paraphrases;             // index -> word numbers
    private final int longestPhrase;

    private MeteorParaphrases(Map<String, Integer> vocabulary, Map<String, int[]> byPhrase, int[][] paraphrases,
                              int longestPhrase) {
        this.vocabulary = vocabulary;
        this.byPhrase = byPhrase;
        this.paraphrases = paraphrases;
        this.longestPhrase = longestPhrase;
    }

    /** Reads the three-line records of a paraphrase table (already decompressed, UTF-8). */
    static MeteorParaphrases read(BufferedReader lines) throws IOException {
        Map<String, Integer> vocabulary = new HashMap<>();
        Map<String, int[]> byPhrase = new HashMap<>();
        List<int[]> paraphrases = new ArrayList<>();
        int longest = 0;
        long record = 0;
        while (lines.readLine() != null) {
            record++;
            String phrase = lines.readLine();
            String paraphrase = lines.readLine();
            if (paraphrase == null) {
                throw new IOException("record " + record + " is cut short (a record is a probability, a phrase "
                        + "and a paraphrase, one per line)");
            }
            phrase = normalise(phrase);
            for (String w : phrase.split(" ")) {
                vocabulary.putIfAbsent(w, vocabulary.size());
            }
            longest = Math.max(longest, wordCount(phrase));
            int[] words = numbers(normalise(paraphrase).split(" "), vocabulary);
            int index = paraphrases.size();
            paraphrases.add(words);
            byPhrase.merge(phrase, new int[] {index}, MeteorParaphrases::append);
        }
        return new MeteorParaphrases(vocabulary, byPhrase, paraphrases.toArray(new int[0][]), longest);
    }

    /** Number of (phrase, paraphrase) records. */
    int size() {
        return paraphrases.length;
    }

    /** The word numbers of a sentence; -1 for a word that no paraphrase contains. */
    int[] numbers(String[] words) {
        int[] out = new int[words.length];
        for (int i = 0; i < words.length; i++) {
            out[i] = vocabulary.getOrDefault(words[i], -1);
        }
        return out;
    }

    /**
     * Visits every paraphrase of every phrase of {@code words} that starts at {@code start}, shorter
     * phrases first and each phrase's paraphrases in file order.
     */
    void forEachParaphrase(String[] words, int[] numbers, int start, ParaphraseVisitor visitor) {
        StringBuilder phrase = new StringBuilder();
        for (int len = 1; len <= longestPhrase && start + len <= words.length; len++) {
            if (numbers[start + len - 1] < 0) {
                return;                                   // no phrase contains this word
            }
            if (len > 1) {
                phrase.append(' ');
            }
            phrase.append(words[start + len - 1]);
            int[] indices = byPhrase.get(phrase.toString());
            if (indices != null) {
                for (int idx : indices) {
                    visitor.visit(len, paraphrases[idx]);
                }
            }
        }
    }

    /** Receives one paraphrase: the length of the phrase it replaces and its own word numbers. */
    interface ParaphraseVisitor {
        void visit(int phraseLength, int[] paraphrase);
    }

    private static int[] numbers(String[] words, Map<String, Integer> vocabulary) {
        int[] out = new int[words.length];
        for (int i = 0; i < words.length; i++) {
            Integer n = vocabulary.putIfAbsent(words[i], vocabulary.size());
            out[i] = n == null ? vocabulary.size() - 1 : n;
        }
        return out;
    }

    private static String normalise(String phrase) {
        String t = phrase.trim();
        return t.indexOf("  ") < 0 && t.indexOf('\t') < 0 ? t : String.join(" ", t.split("\\s+"));
    }

    private static int wordCount(String phrase) {
        int n = 1;
        for (int i = 0; i < phrase.length(); i++) {
            n += phrase.charAt(i) == ' ' ? 1 : 0;
        }
        return n;
    }

    private static int[] append(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
