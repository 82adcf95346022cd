package io.r1kit.scene.proposal;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class KdTreeTest {

    @Test
    void nearestNeighboursMatchBruteForce() {
        Random rnd = new Random(3);
        float[] xyz = new float[3 * 500];
        for (int i = 0; i < xyz.length; i++) xyz[i] = rnd.nextFloat() * 4;
        KdTree tree = new KdTree(xyz);
        int k = 6;
        int[] got = new int[k];
        float[] d2 = new float[k];
        for (int q = 0; q < 500; q += 7) {
            assertEquals(k, tree.nearest(xyz[3 * q], xyz[3 * q + 1], xyz[3 * q + 2], k, q, got, d2));
            Integer[] all = new Integer[500];
            for (int i = 0; i < 500; i++) all[i] = i;
            final int qq = q;
            Arrays.sort(all, (a, b) -> Float.compare(dist2(xyz, a, qq), dist2(xyz, b, qq)));
            int[] expected = Arrays.stream(all).mapToInt(Integer::intValue).filter(i -> i != qq).limit(k).toArray();
            assertArrayEquals(expected, got, "query " + q);
        }
    }

    @Test
    void radiusQueryFindsExactlyThePointsInside() {
        // A 5 x 5 x 1 grid with 1 m spacing: within 1.0 of (2, 2, 0) are the centre and its 4 edge neighbours.
        float[] xyz = new float[3 * 25];
        for (int i = 0; i < 25; i++) {
            xyz[3 * i] = i % 5;
            xyz[3 * i + 1] = i / 5;
        }
        TreeSet<Integer> found = new TreeSet<>();
        new KdTree(xyz).withinRadius(2, 2, 0, 1.0, found::add);
        assertEquals(new TreeSet<>(Arrays.asList(7, 11, 12, 13, 17)), found);
    }

    private static float dist2(float[] xyz, int a, int q) {
        float s = 0;
        for (int j = 0; j < 3; j++) {
            float d = xyz[3 * a + j] - xyz[3 * q + j];
            s += d * d;
        }
        return s;
    }
}
