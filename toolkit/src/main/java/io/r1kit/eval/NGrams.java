package io.r1kit.eval;

import java.util.HashMap;
import java.util.Map;

/** N-gram counts of a token sequence, the common ground of BLEU and CIDEr. */
final class NGrams {

    /** Longest n-gram both BLEU and CIDEr-D use. */
    static final int MAX_N = 4;

    private NGrams() {}

    /**
     * Counts of the n-grams of {@code tokens} for n = 1..maxN, one map per n ({@code counts[n-1]}).
     * An n-gram's key is its tokens joined by a space (tokens never hold spaces).
     */
    static Map<String, Integer>[] count(String[] tokens, int maxN) {
        @SuppressWarnings("unchecked")
        Map<String, Integer>[] counts = new Map[maxN];
        StringBuilder sb = new StringBuilder();
        for (int n = 1; n <= maxN; n++) {
            Map<String, Integer> m = new HashMap<>(Math.max(4, 2 * (tokens.length - n + 1)));
            for (int i = 0; i + n <= tokens.length; i++) {
                sb.setLength(0);
                sb.append(tokens[i]);
                for (int j = i + 1; j < i + n; j++) {
                    sb.append(' ').append(tokens[j]);
                }
                m.merge(sb.toString(), 1, Integer::sum);
            }
            counts[n - 1] = m;
        }
        return counts;
    }
}
