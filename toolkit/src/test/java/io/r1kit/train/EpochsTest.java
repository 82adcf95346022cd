package io.r1kit.train;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EpochsTest {

    private static final List<Integer> DATA = IntStream.range(0, 10).boxed().toList();

    private static List<Integer> draw(long seed, int batches, int size) {
        Epochs<Integer> order = new Epochs<>(seed);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < batches; i++) {
            out.addAll(order.next(DATA, size));
        }
        return out;
    }

    @Test
    void everyItemOncePerPassInASeededOrder() {
        List<Integer> drawn = draw(3, 5, 4);                       // two passes of 10
        assertEquals(new TreeSet<>(DATA), new TreeSet<>(drawn.subList(0, 10)));
        assertEquals(new TreeSet<>(DATA), new TreeSet<>(drawn.subList(10, 20)));
        assertEquals(drawn, draw(3, 5, 4));
        assertNotEquals(drawn, draw(4, 5, 4));
    }

    @Test
    void anEmptyBatchOrDataIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Epochs<Integer>(0).next(DATA, 0));
        assertThrows(IllegalArgumentException.class, () -> new Epochs<Integer>(0).next(List.of(), 2));
    }
}
