package io.r1kit.train;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LengthSplitTest {

    private static final ToIntFunction<Integer> LENGTH = Integer::intValue;

    @Test
    void oneLongRowGoesAloneAndEveryItemStaysOnce() {
        List<Integer> batch = List.of(120, 800, 90, 100, 110, 95, 105, 130);
        List<List<Integer>> parts = LengthSplit.parts(batch, LENGTH, 128);
        assertEquals(List.of(List.of(90, 95, 100, 105, 110, 120, 130), List.of(800)), parts);
        assertEquals(7 * 130 + 800, LengthSplit.padded(parts, LENGTH));
        List<Integer> all = new ArrayList<>();
        parts.forEach(all::addAll);
        assertEquals(batch.stream().sorted().toList(), all);
    }

    @Test
    void rowsOfSimilarLengthStayOnePart() {
        assertEquals(1, LengthSplit.parts(List.of(100, 101, 99, 104), LENGTH, 128).size());
        assertEquals(1, LengthSplit.parts(List.of(100, 100, 100), LENGTH, 0).size(), "nothing to save");
        assertEquals(List.of(List.of(7)), LengthSplit.parts(List.of(7), LENGTH, 0));
    }

    @Test
    void theOverheadDecidesHowManyCuts() {
        List<Integer> batch = List.of(100, 200, 300, 400);
        assertEquals(4, LengthSplit.parts(batch, LENGTH, 0).size(), "free passes: every row alone");
        assertEquals(1, LengthSplit.parts(batch, LENGTH, 1000).size(), "dear passes: one");
        // with 150 per pass: [100, 200] [300, 400] costs 400 + 800 + 300 = 1500, one pass 1600 + 150
        assertEquals(List.of(List.of(100, 200), List.of(300, 400)), LengthSplit.parts(batch, LENGTH, 150));
    }

    @Test
    void refusesEmptyBatchesAndNegativeOverheads() {
        assertThrows(IllegalArgumentException.class, () -> LengthSplit.parts(List.<Integer>of(), LENGTH, 1));
        assertThrows(IllegalArgumentException.class, () -> LengthSplit.parts(List.of(1), LENGTH, -1));
    }
}
