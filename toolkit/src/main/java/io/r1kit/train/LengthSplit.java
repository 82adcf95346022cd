package io.r1kit.train;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * A batch cut into parts of similar length, each padded only to its own longest row: the items are sorted by
 * length and cut where the padded positions saved pay for one more pass. The cost of a part is its rows times
 * its longest row, plus {@code overhead} positions for the pass itself (its fixed cost: launching the forward
 * and backward operations); the cut with the least total cost is found exactly. The parts together hold the
 * batch's items, each once, so gradients added over the parts are the gradient of the whole batch.
 *
 * <pre>{@code
 * List<List<VlmExample>> parts = LengthSplit.parts(batch, VlmExample::positions, 128);
 * }</pre>
 */
public final class LengthSplit {

    private LengthSplit() {}

    /**
     * The parts of {@code batch}, shortest first, each sorted by length.
     *
     * @param length   an item's length (positions of its row)
     * @param overhead the cost of one more part, in positions (0 cuts wherever any padding is saved)
     * @throws IllegalArgumentException when {@code batch} is empty or {@code overhead} is negative
     */
    public static <T> List<List<T>> parts(List<T> batch, ToIntFunction<T> length, int overhead) {
        if (batch.isEmpty()) {
            throw new IllegalArgumentException("cannot split an empty batch");
        }
        if (overhead < 0) {
            throw new IllegalArgumentException("overhead " + overhead + ": must be 0 or more positions");
        }
        List<T> sorted = new ArrayList<>(batch);
        sorted.sort(Comparator.comparingInt(length));
        int n = sorted.size();
        long[] best = new long[n + 1];      // best[j]: least cost of the first j items
        int[] from = new int[n + 1];        // where the last part of that cut starts
        for (int j = 1; j <= n; j++) {
            best[j] = Long.MAX_VALUE;
            long longest = length.applyAsInt(sorted.get(j - 1));
            for (int i = 0; i < j; i++) {
                long cost = best[i] + (j - i) * longest + overhead;
                if (cost < best[j]) {
                    best[j] = cost;
                    from[j] = i;
                }
            }
        }
        List<List<T>> parts = new ArrayList<>();
        for (int j = n; j > 0; j = from[j]) {
            parts.add(0, List.copyOf(sorted.subList(from[j], j)));
        }
        return parts;
    }

    /** Positions computed by {@code parts}: every part padded to its longest row. */
    public static <T> long padded(List<List<T>> parts, ToIntFunction<T> length) {
        long sum = 0;
        for (List<T> part : parts) {
            sum += (long) part.size() * part.stream().mapToInt(length).max().orElse(0);
        }
        return sum;
    }
}
