package io.r1kit;

/**
 * A short, safe quotation of untrusted text for a one-line message: every character outside printable ASCII
 * (newlines, terminal escape sequences, other scripts) becomes {@code ?}, and the text is cut to a bound with
 * {@code ...}, so a message about a damaged file never spans lines, drives the terminal or repeats megabytes.
 *
 * <pre>{@code
 * Excerpt.of("{'descr': '\u001b[31m<f4'}")   // "{'descr': '?[31m<f4'}"
 * }</pre>
 */
public final class Excerpt {

    /** Characters kept by {@link #of(String)}. */
    public static final int DEFAULT_LENGTH = 60;

    private Excerpt() {}

    /** {@code text} made printable and cut to {@value #DEFAULT_LENGTH} characters. */
    public static String of(String text) {
        return of(text, DEFAULT_LENGTH);
    }

    /**
     * Free text (an answer, a question, a line of a file) as {@link #of(String, int)} quotes it, with each run of
     * whitespace, line breaks included, made one space and the ends stripped, so its words stay readable; no
     * text ({@code null}) is the empty string.
     */
    public static String words(String text, int max) {
        return text == null ? "" : of(text.strip().replaceAll("\\s+", " "), max);
    }

    /** {@code text} made printable and cut to {@code max} characters (at least 4). */
    public static String of(String text, int max) {
        if (text == null) {
            return "null";
        }
        int limit = Math.max(4, max);
        int keep = text.length() <= limit ? text.length() : limit - 3;
        StringBuilder b = new StringBuilder(keep + 3);
        for (int i = 0; i < keep; i++) {
            char c = text.charAt(i);
            b.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return keep < text.length() ? b.append("...").toString() : b.toString();
    }
}
