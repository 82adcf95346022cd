package io.r1kit.eval;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * N-gram counts for BLEU and CIDEr-D. Each distinct n-gram of one scoring run gets a dense int id
 * (an n-gram is its (n-1)-gram prefix's id plus a token id), so a sentence's counts are sorted id
 * arrays: matching is a merge of two arrays, not string hashing. Not thread-safe: one per run.
 */
final class NGrams {

    /** Longest n-gram both BLEU and CIDEr-D use. */
    static final int MAX_N = 4;

    /**
     * The n-grams of one sentence: for n = 1..MAX_N ({@code [n-1]}), ascending distinct ids and
     * their counts.
     */
    record Counts(int[][] ids, int[][] counts) {

        /** Count of n-gram {@code id} of length {@code n}, 0 when absent. */
        int count(int n, int id) {
            int at = Arrays.binarySearch(ids[n - 1], id);
            return at < 0 ? 0 : counts[n - 1][at];
        }

        /** Number of n-grams of length n, repeats included. */
        int total(int n) {
            int t = 0;
            for (int c : counts[n - 1]) {
                t += c;
            }
            return t;
        }
    }

    private final Map<String, Integer> tokens = new HashMap<>();
    private final LongIntMap grams = new LongIntMap();

    /** Number of distinct n-gram ids handed out so far (ids are 0 .. size-1). */
    int size() {
        return grams.size();
    }

    /** The n-gram counts of {@code sentence}. */
    Counts count(String[] sentence) {
        int len = sentence.length;
        int[] tok = new int[len];
        for (int i = 0; i < len; i++) {
            tok[i] = tokens.computeIfAbsent(sentence[i], t -> tokens.size());
        }
        int[] prev = new int[len];
        int[][] ids = new int[MAX_N][];
        int[][] counts = new int[MAX_N][];
        for (int n = 1; n <= MAX_N; n++) {
            int m = Math.max(0, len - n + 1);
            int[] cur = new int[m];
            for (int i = 0; i < m; i++) {
                // Prefix id (the (n-1)-gram at i) in the high half, the last token's id low; unigram
                // keys get bit 62 set so they never collide with a longer n-gram's key.
                long key = n == 1 ? (1L << 62) | tok[i] : ((long) prev[i] << 32) | tok[i + n - 1];
                cur[i] = grams.getOrAddNext(key);
            }
            prev = cur;
            int[] sorted = cur.clone();
            Arrays.sort(sorted);
            int distinct = 0;
            for (int i = 0; i < sorted.length; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    distinct++;
                }
            }
            int[] id = new int[distinct];
            int[] c = new int[distinct];
            int k = -1;
            for (int i = 0; i < sorted.length; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    id[++k] = sorted[i];
                }
                c[k]++;
            }
            ids[n - 1] = id;
            counts[n - 1] = c;
        }
        return new Counts(ids, counts);
    }
}
