package io.r1kit.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The order a training run visits its data in: a seeded shuffle of every item, taken from the end a batch at
 * a time and reshuffled when it runs out, so each item is seen once per pass (epoch). SFT draws its
 * batches of examples and GRPO its prompts per step this way.
 *
 * <pre>{@code
 * Epochs<VlmExample> order = new Epochs<>(0);
 * List<VlmExample> batch = order.next(examples, 8);
 * }</pre>
 */
public final class Epochs<T> {

    private final Random random;
    private final List<Integer> order = new ArrayList<>();

    /** An order seeded with {@code seed}: the same seed and data give the same batches. */
    public Epochs(long seed) {
        this.random = new Random(seed);
    }

    /**
     * The next {@code size} items of {@code data}.
     *
     * @throws IllegalArgumentException when {@code size} is not positive or {@code data} is empty
     */
    public List<T> next(List<T> data, int size) {
        if (size <= 0 || data.isEmpty()) {
            throw new IllegalArgumentException("batch size " + size + " of " + data.size()
                    + " items: need at least one of each");
        }
        List<T> batch = new ArrayList<>(size);
        while (batch.size() < size) {
            if (order.isEmpty()) {
                for (int i = 0; i < data.size(); i++) {
                    order.add(i);
                }
                Collections.shuffle(order, random);
            }
            batch.add(data.get(order.remove(order.size() - 1) % data.size()));
        }
        return batch;
    }
}
