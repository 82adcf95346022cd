package io.r1kit.scene;

import io.r1kit.SharedData;
import io.r1kit.scene.scannet.ScanNetNpyLoader;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SamplingTest {

    /**
     * n points whose x coordinate is their index (so a sampled point tells where it came from),
     * instance label i % 7 (0 = none), semantic label 100 + i % 3, and objects 1..6 owning their points.
     */
    static Scene labelled(int n) {
        float[] xyz = new float[3 * n];
        float[] rgb = new float[3 * n];
        int[] ins = new int[n];
        int[] sem = new int[n];
        for (int i = 0; i < n; i++) {
            xyz[3 * i] = i;
            xyz[3 * i + 1] = i % 5;
            ins[i] = i % 7;
            sem[i] = 100 + i % 3;
        }
        List<SceneObject> objects = new ArrayList<>();
        for (int id = 1; id <= 6; id++) {
            int k = id;
            int[] idx = IntStream.range(0, n).filter(i -> i % 7 == k).toArray();
            objects.add(new SceneObject(id, "thing", -1, Box3.around(xyz, idx), idx));
        }
        return Scene.builder("lab").points(new PointCloud(xyz, rgb, null)).instanceLabels(ins).semanticLabels(sem)
                .objects(objects).build();
    }

    @Test
    void sameSeedSamePointsOtherSeedOtherPoints() {
        Scene scene = labelled(1000);
        Scene a = Sampling.sample(scene, 300, 7);
        Scene b = Sampling.sample(scene, 300, 7);
        Scene c = Sampling.sample(scene, 300, 8);
        assertEquals(300, a.points().size());
        assertArrayEquals(a.points().xyzArray(), b.points().xyzArray());
        assertFalse(Arrays.equals(a.points().xyzArray(), c.points().xyzArray()));
        assertEquals(List.of("sampled 300 of 1000 points (seed 7)"), a.source().notes());
        int[] picked = Sampling.indices(1000, 300, 7, Sampling.Fill.KEEP_ALL);
        assertEquals(300, Arrays.stream(picked).distinct().count());
        for (int j = 1; j < picked.length; j++) {
            assertTrue(picked[j - 1] < picked[j], "indices ascend");
        }
    }

    @Test
    void labelsAndObjectsFollowTheSampledPoints() {
        Scene s = Sampling.sample(labelled(1000), 300, 7);
        int[] ins = s.instanceLabels().orElseThrow();
        int[] sem = s.semanticLabels().orElseThrow();
        for (int j = 0; j < 300; j++) {
            int original = (int) s.points().x(j);
            assertEquals(original % 7, ins[j]);
            assertEquals(100 + original % 3, sem[j]);
        }
        int total = 0;
        for (SceneObject o : s.objects()) {
            int id = o.id();
            int[] expected = IntStream.range(0, 300).filter(j -> ins[j] == id).toArray();
            assertArrayEquals(expected, o.pointIndices(), "object " + id);
            total += expected.length;
        }
        assertEquals(300 - IntStream.of(ins).filter(l -> l == 0).count(), total);
        assertEquals(labelled(1000).objects().get(2).box(), s.objects().get(2).box(), "boxes are not resampled");
    }

    @Test
    void smallScenesAreKeptOrPaddedWithRepeats() {
        Scene small = labelled(10);
        assertSame(small, Sampling.sample(small, 40, 3));
        assertSame(small, Sampling.sample(small, 10, 3, Sampling.Fill.REPEAT));
        Scene padded = Sampling.sample(small, 25, 3, Sampling.Fill.REPEAT);
        assertEquals(25, padded.points().size());
        for (int j = 0; j < 10; j++) {
            assertEquals(j, padded.points().x(j), "every point kept once, in order");
        }
        assertEquals(List.of("kept all 10 points and repeated 15 to reach 25 (seed 3)"), padded.source().notes());
        int[] ins = padded.instanceLabels().orElseThrow();
        for (SceneObject o : padded.objects()) {
            assertArrayEquals(IntStream.range(0, 25).filter(j -> ins[j] == o.id()).toArray(), o.pointIndices());
        }
        assertEquals("the point budget must be positive, got 0",
                assertThrows(IllegalArgumentException.class, () -> Sampling.sample(small, 0, 1)).getMessage());
    }

    @Test
    void realScanToThePaperBudget() throws Exception {
        Scene scene = new ScanNetNpyLoader().load(SharedData.path("scannet/scene0000_02_vert.npy"));
        Scene s = Sampling.sample(scene, Sampling.PAPER_POINTS, 7);
        assertEquals(40_000, s.points().size());
        assertEquals(28, s.objects().size());
        assertEquals("sampled 40000 of 50000 points (seed 7)", s.source().notes().get(2));
        assertEquals(3, s.source().notes().size());
    }
}
