package io.r1kit.cot.filter;

/**
 * Edit distance and the normalised similarity the consistency filter uses (Sec. 3.1):
 * {@code 1 - distance(a, b) / max(|a|, |b|)} over {@link Text#normalise normalised} text, 1 for two
 * empty texts.
 *
 * <pre>{@code
 * Levenshtein.distance("kitten", "sitting");   // 3
 * Levenshtein.similarity("Two chairs.", "two chairs");   // 1.0
 * }</pre>
 */
public final class Levenshtein {

    private Levenshtein() {}

    /** Fewest single-character insertions, deletions and substitutions turning {@code a} into {@code b}. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** Normalised similarity in [0, 1] of the normalised texts. */
    public static double similarity(String a, String b) {
        String x = Text.normalise(a);
        String y = Text.normalise(b);
        int longest = Math.max(x.length(), y.length());
        return longest == 0 ? 1.0 : 1.0 - (double) distance(x, y) / longest;
    }
}
