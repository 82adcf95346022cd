package io.r1kit.train;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LengthGroupsTest {

    /** 400 items whose lengths are a seeded shuffle of 20..419. */
    private static final List<Integer> DATA = lengths();
    private static final ToIntFunction<Integer> LENGTH = Integer::intValue;

    private static List<Integer> lengths() {
        List<Integer> out = new ArrayList<>(IntStream.range(20, 420).boxed().toList());
        Collections.shuffle(out, new java.util.Random(5));
        return List.copyOf(out);
    }

    private static List<List<Integer>> draw(long seed, int batches) {
        LengthGroups<Integer> order = new LengthGroups<>(seed, 10);
        List<List<Integer>> out = new ArrayList<>();
        for (int i = 0; i < batches; i++) {
            out.add(order.next(DATA, 8, LENGTH));
        }
        return out;
    }

    /** Padding of a batch to its longest row, over the batch's own tokens. */
    private static double padding(List<List<Integer>> batches) {
        long padded = 0;
        long real = 0;
        for (List<Integer> b : batches) {
            padded += 8L * b.stream().mapToInt(Integer::intValue).max().orElseThrow();
            real += b.stream().mapToInt(Integer::intValue).sum();
        }
        return padded / (double) real;
    }

    @Test
    void everyItemOncePerPassAndSeeded() {
        List<List<Integer>> batches = draw(3, 100);                  // two passes of 400
        List<Integer> first = new ArrayList<>();
        batches.subList(0, 50).forEach(first::addAll);
        Collections.sort(first);
        assertEquals(IntStream.range(20, 420).boxed().toList(), first);
        assertEquals(batches, draw(3, 100));
        assertNotEquals(batches, draw(4, 100));
    }

    @Test
    void groupedBatchesPadFarLessThanRandomOnes() {
        Epochs<Integer> plain = new Epochs<>(3);
        List<List<Integer>> random = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            random.add(plain.next(DATA, 8));
        }
        double grouped = padding(draw(3, 100));
        assertTrue(padding(random) > 1.25, "random batches pad " + padding(random));
        assertTrue(grouped < 1.10, "grouped batches pad " + grouped);
    }

    @Test
    void longAndShortBatchesAreSpreadOverTheRun() {
        List<List<Integer>> batches = draw(3, 10);                   // one pool
        List<Integer> longest = batches.stream().map(b -> Collections.max(b)).toList();
        List<Integer> sorted = new ArrayList<>(longest);
        sorted.sort(Collections.reverseOrder());
        assertNotEquals(sorted, longest);
    }

    @Test
    void aPoolBelowOneBatchIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LengthGroups<Integer>(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new LengthGroups<Integer>(0, 2).next(DATA, 0, LENGTH));
    }
}
