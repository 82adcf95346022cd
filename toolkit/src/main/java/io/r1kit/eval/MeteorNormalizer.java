package io.r1kit.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The English text normalisation METEOR 1.5 applies with {@code -norm} (the COCO caption scorer runs
 * it so, over PTB tokens): symbols become their own tokens, a dash between two words is dropped
 * ("well-lit" → "well lit", the first of a chain only: "a-b-c" → "a b-c"), contractions split
 * before the apostrophe and a separated apostrophe stands alone ("it 's" → "it ' s"), commas split
 * except inside numbers, runs of dots stand alone, a dot ending a word splits off unless the word is
 * an abbreviation, and everything is lower-cased.
 */
final class MeteorNormalizer {

    private static final String LETTER = "A-Za-zŠŽšžŸÀ-ÖØ-öø-ž\u0400-\u04FF\u0500-\u0527\uA640-\uA66E\uA67E-\uA697\u1D00-\u1D7F";
    private static final String ALNUM = "0-9" + LETTER;
    private static final Pattern SYMBOL = Pattern.compile("([^" + ALNUM + "\\s.'`,\\-‘’])");
    private static final Pattern DOT_RUN = Pattern.compile("\\.{2,}");
    private static final Pattern COMMA_OUTSIDE_NUMBER = Pattern.compile("(?<!\\d),|,(?!\\d)");
    private static final Pattern SINGLE_QUOTE = Pattern.compile("[`‘’]");
    private static final Pattern DOUBLE_QUOTE = Pattern.compile("[“”]|''");
    private static final Pattern WORD_DASH = Pattern.compile("([" + ALNUM + ".])-([" + ALNUM + "])");
    private static final Pattern LONE_QUOTE_1 = Pattern.compile("([^" + LETTER + "])'([^" + LETTER + "])");
    private static final Pattern LONE_QUOTE_2 = Pattern.compile("([^" + LETTER + "0-9])'([" + LETTER + "])");
    private static final Pattern LONE_QUOTE_3 = Pattern.compile("([" + LETTER + "])'([^" + LETTER + "])");
    private static final Pattern CONTRACTION = Pattern.compile("([" + LETTER + "])'([" + LETTER + "])");
    private static final Pattern DECADE = Pattern.compile("([0-9])'(s)");
    private static final Pattern HAS_LETTER = Pattern.compile("[" + LETTER + "]");
    private static final Pattern SPACES = Pattern.compile("[\\s\u00A0\u1680\u2000-\u200B\u202F\u205F\u3000]+");

    /** An abbreviation whose dot never splits, or only before a number ("no. 5"). */
    enum Abbreviation { ALWAYS, BEFORE_NUMBER }

    private final Map<String, Abbreviation> abbreviations;

    MeteorNormalizer(Map<String, Abbreviation> abbreviations) {
        this.abbreviations = Map.copyOf(abbreviations);
    }

    /** The METEOR tokens of a line of text. */
    String[] tokens(String line) {
        String s = " " + line + " ";
        s = SYMBOL.matcher(s).replaceAll(" $1 ");
        s = DOT_RUN.matcher(s).replaceAll(" $0 ");
        s = COMMA_OUTSIDE_NUMBER.matcher(s).replaceAll(" , ");
        s = SINGLE_QUOTE.matcher(s).replaceAll("'");
        s = DOUBLE_QUOTE.matcher(s).replaceAll(" \" ");
        s = s.replace("–", "-").replace("--", "-");
        s = WORD_DASH.matcher(s).replaceAll("$1 $2");
        s = LONE_QUOTE_1.matcher(s).replaceAll("$1 ' $2");
        s = LONE_QUOTE_2.matcher(s).replaceAll("$1 ' $2");
        s = LONE_QUOTE_3.matcher(s).replaceAll("$1 ' $2");
        s = CONTRACTION.matcher(s).replaceAll("$1 '$2");
        s = DECADE.matcher(s).replaceAll("$1 '$2");
        String[] words = SPACES.split(s.trim());
        List<String> out = new ArrayList<>(words.length + 2);
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (w.isEmpty()) {
                continue;
            }
            String next = i + 1 < words.length ? words[i + 1] : "";
            splitFinalDot(w, next, out);
        }
        String[] tokens = new String[out.size()];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = out.get(i).toLowerCase(Locale.ROOT);
        }
        return tokens;
    }

    /** Whether a word starts with an ASCII character in [lo, hi] (the official check is ASCII only). */
    private static boolean startsWith(String word, char lo, char hi) {
        return !word.isEmpty() && word.charAt(0) >= lo && word.charAt(0) <= hi;
    }

    /** A word ending in one dot keeps it when it is an abbreviation, or before a lower-case word. */
    private void splitFinalDot(String w, String next, List<String> out) {
        if (w.length() < 2 || !w.endsWith(".") || w.endsWith("..")) {
            out.add(w);
            return;
        }
        String stem = w.substring(0, w.length() - 1);
        Abbreviation kind = abbreviations.get(stem);
        if (stem.contains(".") && HAS_LETTER.matcher(stem).find()) {
            out.add(w.replace(".", ""));                             // "u.s." -> "us"
        } else if (kind == Abbreviation.ALWAYS || startsWith(next, 'a', 'z')) {
            out.add(w);
        } else if (kind == Abbreviation.BEFORE_NUMBER && startsWith(next, '0', '9')) {
            out.add(w);
        } else {
            out.add(stem);
            out.add(".");
        }
    }
}
