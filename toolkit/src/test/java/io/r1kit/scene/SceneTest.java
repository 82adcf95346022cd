package io.r1kit.scene;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SceneTest {

    static PointCloud cloud() {
        return new PointCloud(new float[] {0, 0, 0, 1, 2, 3, 4, 0, 1}, new float[] {0, 0, 0, 1, 1, 1, .5f, .5f, .5f}, null);
    }

    @Test
    void boundsAndObjectsAreKept() {
        Scene s = Scene.builder("room").points(cloud()).instanceLabels(new int[] {1, 1, 0})
                .addObject(new SceneObject(1, "chair", 5, Box3.ofMinMax(0, 0, 0, 1, 2, 3), new int[] {0, 1}))
                .note("made by hand").build();
        assertEquals(Box3.ofMinMax(0, 0, 0, 4, 2, 3), s.bounds());
        assertEquals("chair", s.object(1).orElseThrow().label());
        assertTrue(s.object(2).isEmpty());
        assertArrayEquals(new int[] {1, 1, 0}, s.instanceLabels().orElseThrow());
        assertTrue(s.semanticLabels().isEmpty());
        assertEquals(List.of("made by hand"), s.source().notes());
    }

    @Test
    void scenesAreImmutable() {
        int[] labels = {1, 1, 0};
        Scene s = Scene.builder("room").points(cloud()).instanceLabels(labels).build();
        labels[0] = 9;
        s.instanceLabels().orElseThrow()[1] = 9;
        assertArrayEquals(new int[] {1, 1, 0}, s.instanceLabels().orElseThrow());
        assertThrows(UnsupportedOperationException.class, () -> s.objects().add(null));
    }

    @Test
    void mismatchedLabelsAreRejectedWithCounts() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Scene.builder("room").points(cloud()).semanticLabels(new int[] {1}).build());
        assertEquals("scene room: 1 semantic labels for 3 points", e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> Scene.builder("room").points(cloud())
                .addObject(new SceneObject(1, "chair", 5, Box3.ofMinMax(0, 0, 0, 1, 1, 1), new int[] {7})).build());
        assertEquals("scene room: object 1 refers to point 7 of 3", e.getMessage());
    }

    @Test
    void pointCloudRejectsNaNAndOutOfRangeColours() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PointCloud(new float[] {0, Float.NaN, 0}, new float[] {0, 0, 0}, null));
        assertEquals("point 0 has a non-finite coordinate NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new PointCloud(new float[] {0, 0, 0}, new float[] {0, 255, 0}, null));
        assertEquals("point 0 has colour 255.0 outside [0, 1]", e.getMessage());
    }

    @Test
    void selectKeepsOrderAndNormals() {
        PointCloud c = new PointCloud(new float[] {0, 0, 0, 1, 1, 1}, new float[] {0, 0, 0, 1, 1, 1},
                new float[] {0, 0, 1, 1, 0, 0});
        PointCloud s = c.select(new int[] {1, 1, 0});
        assertEquals(3, s.size());
        assertEquals(1f, s.x(0));
        assertEquals(1f, s.normals().get(3));
        assertEquals(1f, s.normals().get(8));
    }
}
