package io.r1kit.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The WordNet synonym data of METEOR's synonym module: the synsets of each word form, and the
 * irregular inflections ("geese" → "goose") that map a form to its base words. Two words are
 * synonyms when the synsets of their forms and bases share one.
 *
 * <p>The data is read from the {@code synonym/english.synsets} and {@code english.exceptions}
 * entries of the METEOR 1.5 jar (see {@link MeteorResources}); both are pairs of lines, a word then
 * the numbers (synsets) or forms (exceptions) that belong to it.
 */
final class MeteorSynonyms {

    /**
     * Regular inflections tried in this order when a form is not an exception: a form ending in the
     * suffix on the left may be the base formed by replacing it with the ending on the right (noun
     * plurals, verb forms, comparatives), accepted when that base has synsets.
     */
    private static final String[][] INFLECTIONS = {
            {"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"}, {"men", "man"},
            {"ies", "y"}, {"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""}, {"ing", "e"},
            {"ing", ""}, {"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}};

    private final Map<String, int[]> synsets;
    private final Map<String, List<String>> bases;

    private MeteorSynonyms(Map<String, int[]> synsets, Map<String, List<String>> bases) {
        this.synsets = synsets;
        this.bases = bases;
    }

    /** Reads the synsets and exceptions files (both already opened, UTF-8). */
    static MeteorSynonyms read(BufferedReader synsetLines, BufferedReader exceptionLines) throws IOException {
        Map<String, int[]> synsets = new HashMap<>();
        String word;
        while ((word = synsetLines.readLine()) != null) {
            String ids = synsetLines.readLine();
            if (ids == null) {
                throw new IOException("synsets: the word \"" + word + "\" on the last line has no synset line");
            }
            String[] parts = ids.trim().split("\\s+");
            int[] set = new int[parts.length];
            for (int i = 0; i < parts.length; i++) {
                set[i] = Integer.parseInt(parts[i]);
            }
            synsets.put(word, set);
        }
        Map<String, List<String>> bases = new HashMap<>();
        String base;
        while ((base = exceptionLines.readLine()) != null) {
            String forms = exceptionLines.readLine();
            if (forms == null) {
                throw new IOException("exceptions: the base \"" + base + "\" on the last line has no forms line");
            }
            for (String form : forms.trim().split("\\s+")) {
                bases.computeIfAbsent(form, k -> new ArrayList<>(1)).add(base);
            }
        }
        return new MeteorSynonyms(synsets, bases);
    }

    /** Number of word forms with synsets. */
    int size() {
        return synsets.size();
    }

    /** The synsets of a word form, of its irregular bases, or else of its regular base. */
    Set<Integer> synsetsOf(String word) {
        Set<Integer> out = new HashSet<>();
        addAll(out, synsets.get(word));
        List<String> irregular = bases.get(word);
        if (irregular != null) {
            for (String b : irregular) {
                addAll(out, synsets.get(b));
            }
        } else {
            addAll(out, synsets.get(regularBase(word)));
        }
        return out;
    }

    /**
     * The first base of {@link #INFLECTIONS} that has synsets; the word itself when it is short or
     * ends in "ss" (not an inflection); the empty string when none applies.
     */
    private String regularBase(String word) {
        if (word.endsWith("ss") || word.length() <= 2) {
            return word;
        }
        for (String[] rule : INFLECTIONS) {
            if (word.endsWith(rule[0])) {
                String b = word.substring(0, word.length() - rule[0].length()) + rule[1];
                if (synsets.containsKey(b)) {
                    return b;
                }
            }
        }
        return "";
    }

    private static void addAll(Set<Integer> out, int[] ids) {
        if (ids != null) {
            for (int id : ids) {
                out.add(id);
            }
        }
    }
}
