package io.r1kit.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The tokenisation step of the COCO caption evaluation: Penn Treebank tokens, lower-cased, with the
 * punctuation tokens of the official pipeline removed. Every text metric scores these tokens.
 *
 * <pre>{@code
 * PtbTokenizer.tokenize("The man's chair isn't red.")   // "the man 's chair is n't red"
 * }</pre>
 *
 * <p>Rules (the PTB conventions as Stanford's PTBTokenizer applies them with {@code -lowerCase}):
 * punctuation is split from words; clitics are split ({@code n't 's 're 've 'll 'd 'm}, and
 * {@code cannot gonna gotta wanna} become two tokens); numbers keep their inner {@code . , :}
 * ({@code 3.50 1,000 10:30}); words keep inner hyphens, apostrophes and slashes
 * ({@code x-ray o'clock a/b}); letter-period abbreviations keep their periods ({@code e.g. a.m.});
 * brackets become {@code -lrb- -rrb- -lsb- -rsb- -lcb- -rcb-}; quotes become {@code `` ''}.
 * Then the tokens {@code '' ' `` ` . ? ! , : - -- ... ;} are dropped. The official list names the
 * bracket tokens in upper case ({@code -LRB-}) while the tokens are lower-cased, so bracket tokens
 * survive; we keep that behaviour so scores stay comparable. Symbols such as {@code $ % & *} stay.
 *
 * <p>Measured against the Stanford jar in {@code environment/check_coco.py}; {@code docs/evaluation.md}
 * gives the figure. This class is a reimplementation of the rules above, not a full PTB lexer: rare forms
 * (a leading minus sign, quotes inside numbers) may tokenise differently.
 */
public final class PtbTokenizer {

    /** Tokens the official pipeline removes after tokenising (case-sensitive, as listed there). */
    public static final Set<String> REMOVED = Set.of("''", "'", "``", "`", "-LRB-", "-RRB-", "-LCB-", "-RCB-",
            ".", "?", "!", ",", ":", "-", "--", "...", ";");

    /** Abbreviations that keep their final period (besides letter-period forms like {@code e.g.}). */
    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "prof", "jr", "sr", "st",
            "etc", "vs", "inc", "ltd", "corp", "co", "mt", "ft", "jan", "feb", "aug", "sept", "oct", "nov", "dec");
    private static final Pattern LETTER_PERIODS = Pattern.compile("\\p{L}(\\.\\p{L})+");
    private static final Pattern TAG = Pattern.compile("</?[a-z][a-z0-9_:-]*>");
    private static final String[] CLITICS = {"'s", "'re", "'ve", "'ll", "'d", "'m"};
    private static final Set<String> SPLIT_PAIRS = Set.of("cannot", "gonna", "gotta", "wanna");

    private PtbTokenizer() {}

    /** The tokens of {@code text}, lower-cased, punctuation removed, joined by single spaces. */
    public static String tokenize(String text) {
        return String.join(" ", tokens(text));
    }

    /** The tokens of {@code text}, lower-cased, with the {@link #REMOVED} tokens dropped. */
    public static List<String> tokens(String text) {
        List<String> all = allTokens(text);
        all.removeIf(REMOVED::contains);
        return all;
    }

    /** All PTB tokens of {@code text}, lower-cased, punctuation included. */
    public static List<String> allTokens(String text) {
        String s = normalise(text).toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (s.startsWith("...", i)) {
                out.add("...");
                i += 3;
            } else if (s.startsWith("--", i)) {
                out.add("--");
                i += 2;
            } else if ("([{)]}".indexOf(c) >= 0) {
                out.add(new String[] {"-lrb-", "-lsb-", "-lcb-", "-rrb-", "-rsb-", "-rcb-"}["([{)]}".indexOf(c)]);
                i++;
            } else if (c == '"') {
                // Opening and closing quotes differ in PTB (`` and ''), but both are removed later.
                out.add(i == 0 || Character.isWhitespace(s.charAt(i - 1)) ? "``" : "''");
                i++;
            } else if (c == '<' && tagEnd(s, i) > 0) {
                int end = tagEnd(s, i);
                out.add(s.substring(i, end));
                i = end;
            } else if (c == '\'' && cliticAt(s, i) > 0) {
                int end = cliticAt(s, i);
                out.add(s.substring(i, end));
                i = end;
            } else if (isWordChar(c) || ((c == '#' || c == '@') && i + 1 < n && isWordChar(s.charAt(i + 1)))) {
                i = word(s, i, out);
            } else {
                out.add(String.valueOf(c));
                i++;
            }
        }
        return out;
    }

    /** Reads a word from {@code start}, splits its clitics into {@code out}, returns the end. */
    private static int word(String s, int start, List<String> out) {
        int n = s.length();
        int i = start + 1;
        while (i < n) {
            char c = s.charAt(i);
            if (isWordChar(c)) {
                i++;
            } else if (i + 1 < n && isWordChar(s.charAt(i + 1)) && joins(c, s.charAt(i - 1), s.charAt(i + 1))) {
                i++;
            } else {
                break;
            }
        }
        String w = s.substring(start, i);
        // A final period belongs to abbreviations (e.g. "mr." or "a.m."); otherwise it ends a sentence.
        if (i < n && s.charAt(i) == '.' && !s.startsWith("...", i)
                && (ABBREVIATIONS.contains(w) || LETTER_PERIODS.matcher(w).matches())) {
            w = w + ".";
            i++;
        }
        splitClitics(w, out);
        return i;
    }

    /** Whether {@code c} between {@code before} and {@code after} keeps a word together. */
    private static boolean joins(char c, char before, char after) {
        switch (c) {
            case '-': case '\'': case '/': case '&': case '_':
                return true;
            case '.':
                return true;
            case ',': case ':':
                return Character.isDigit(before) && Character.isDigit(after);
            default:
                return false;
        }
    }

    private static void splitClitics(String w, List<String> out) {
        if (SPLIT_PAIRS.contains(w)) {
            out.add(w.substring(0, 3));
            out.add(w.substring(3));
            return;
        }
        if (w.length() > 3 && w.endsWith("n't")) {
            out.add(w.substring(0, w.length() - 3));
            out.add("n't");
            return;
        }
        for (String clitic : CLITICS) {
            if (w.length() > clitic.length() && w.endsWith(clitic)) {
                out.add(w.substring(0, w.length() - clitic.length()));
                out.add(clitic);
                return;
            }
        }
        out.add(w);
    }

    /** End of a clitic starting at an apostrophe ({@code 's}, {@code 't} of 'tis, ...), or -1. */
    private static int cliticAt(String s, int i) {
        if (s.startsWith("'tis", i) || s.startsWith("'twas", i)) {
            return i + 2;
        }
        for (String clitic : CLITICS) {
            int end = i + clitic.length();
            if (s.startsWith(clitic, i) && (end == s.length() || !Character.isLetterOrDigit(s.charAt(end)))) {
                return end;
            }
        }
        return -1;
    }

    private static int tagEnd(String s, int i) {
        int close = s.indexOf('>', i);
        return close > 0 && TAG.matcher(s.substring(i, close + 1)).matches() ? close + 1 : -1;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c);
    }

    /** Typographic quotes, dashes and ellipses become their ASCII forms, as PTB escaping does. */
    private static String normalise(String text) {
        return text.replace('\u2018', '\'').replace('\u2019', '\'').replace('\u201C', '"').replace('\u201D', '"')
                .replace("\u2026", "...").replace("\u2013", "--").replace("\u2014", "--").replace('\u00A0', ' ');
    }
}
