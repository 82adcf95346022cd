package io.r1kit.model.generate;

import ai.djl.ndarray.NDArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rows of a generation batch that repeat an earlier row: the same prompt tokens after the same prefix
 * embeddings and pointer entries (the same arrays, not equal copies). A GRPO group is G such rows, so its
 * prompt is fed once and the KV cache's row copied G times ({@code KvCache.rowsOf}); the first step's logits
 * are copied with it. Sampling after that draws each row on its own, as before.
 *
 * <pre>{@code
 * SharedPrefill s = SharedPrefill.of(prompts, prefixes, pointers);   // null when no row repeats another
 * List<int[]> fed = s.pick(prompts);                                  // the distinct rows, first seen first
 * }</pre>
 */
final class SharedPrefill {

    private final int[] distinct; // the first row of each distinct prompt, in order
    private final int[] rowOf;    // per row, its index in distinct

    private SharedPrefill(int[] distinct, int[] rowOf) {
        this.distinct = distinct;
        this.rowOf = rowOf;
    }

    /**
     * The distinct rows of a batch, or null when every row differs (nothing to share).
     *
     * @param prefixes per row [P, C] or null; the list may be null
     * @param pointers per row [N, C] or null; the list may be null
     */
    static SharedPrefill of(List<int[]> prompts, List<NDArray> prefixes, List<NDArray> pointers) {
        int batch = prompts.size();
        int[] rowOf = new int[batch];
        List<Integer> firsts = new ArrayList<>();
        for (int b = 0; b < batch; b++) {
            rowOf[b] = -1;
            for (int k = 0; k < firsts.size(); k++) {
                int a = firsts.get(k);
                if (same(prefixes, a, b) && same(pointers, a, b) && Arrays.equals(prompts.get(a), prompts.get(b))) {
                    rowOf[b] = k;
                    break;
                }
            }
            if (rowOf[b] < 0) {
                rowOf[b] = firsts.size();
                firsts.add(b);
            }
        }
        return firsts.size() == batch ? null
                : new SharedPrefill(firsts.stream().mapToInt(Integer::intValue).toArray(), rowOf);
    }

    private static boolean same(List<NDArray> arrays, int a, int b) {
        return arrays == null || arrays.get(a) == arrays.get(b);
    }

    /** Distinct rows. */
    int size() {
        return distinct.length;
    }

    /** Per row of the batch, the distinct row it repeats (what {@code KvCache.rowsOf} takes). */
    int[] rowOf() {
        return rowOf.clone();
    }

    /** The entries of {@code perRow} for the distinct rows; null for null. */
    <T> List<T> pick(List<T> perRow) {
        if (perRow == null) {
            return null;
        }
        List<T> out = new ArrayList<>(distinct.length);
        for (int b : distinct) {
            out.add(perRow.get(b));
        }
        return out;
    }

    /** As {@link #pick(List)} for an array; null for null. */
    NDArray[] pick(NDArray[] perRow) {
        return perRow == null ? null : pick(Arrays.asList(perRow)).toArray(new NDArray[0]);
    }

    /** The distinct rows' logits spread to every row, each its own copy (a logits rule edits them in place). */
    float[][] spread(float[][] distinctLogits) {
        float[][] out = new float[rowOf.length][];
        for (int b = 0; b < rowOf.length; b++) {
            out[b] = distinctLogits[rowOf[b]].clone();
        }
        return out;
    }
}
