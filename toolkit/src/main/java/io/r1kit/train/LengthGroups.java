package io.r1kit.train;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.function.ToIntFunction;

/**
 * Batches of items of similar length, so that a batch padded to its longest row pads little: a pool of
 * {@code poolBatches} batches is drawn in the order of {@link Epochs} (every item once per pass), sorted by
 * length, cut into batches, and the batches are handed out in a seeded random order. Which items share a
 * batch is less random than with {@link Epochs} alone; each pass still visits every item once, and the
 * long and the short batches are spread over the run.
 *
 * <pre>{@code
 * LengthGroups<VlmExample> order = new LengthGroups<>(0, 50);
 * List<VlmExample> batch = order.next(examples, 8, VlmExample::positions);
 * }</pre>
 */
public final class LengthGroups<T> {

    private final Epochs<T> epochs;
    private final Random random;
    private final int poolBatches;
    private final Deque<List<T>> ready = new ArrayDeque<>();

    /**
     * Groups seeded with {@code seed} (the same seed and data give the same batches), sorting pools of
     * {@code poolBatches} batches at a time.
     *
     * @throws IllegalArgumentException when {@code poolBatches} is below 1
     */
    public LengthGroups(long seed, int poolBatches) {
        if (poolBatches < 1) {
            throw new IllegalArgumentException("pool of " + poolBatches + " batches: need at least 1");
        }
        this.epochs = new Epochs<>(seed);
        this.random = new Random(seed ^ 0x9E3779B97F4A7C15L);
        this.poolBatches = poolBatches;
    }

    /**
     * The next batch of {@code size} items of {@code data}, whose lengths are {@code length}'s values.
     * The size and data must stay the same from call to call.
     *
     * @throws IllegalArgumentException when {@code size} is not positive or {@code data} is empty
     */
    public List<T> next(List<T> data, int size, ToIntFunction<T> length) {
        if (ready.isEmpty()) {
            List<T> pool = new ArrayList<>(epochs.next(data, size * poolBatches));
            pool.sort(Comparator.comparingInt(length).reversed());
            List<List<T>> batches = new ArrayList<>(poolBatches);
            for (int i = 0; i < pool.size(); i += size) {
                batches.add(List.copyOf(pool.subList(i, i + size)));
            }
            Collections.shuffle(batches, random);
            ready.addAll(batches);
        }
        return ready.removeFirst();
    }
}
