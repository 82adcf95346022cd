package io.r1kit.scene;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SceneTransformTest {

    /** Points spanning x -1..3, y 0..2, z 2..4: centre (1, 1, 3), longest side 4. */
    static Scene scene() {
        float[] xyz = {-1, 0, 2, 3, 2, 4, 1, 1, 3};
        float[] normals = {0, 0, 1, 0, 1, 0, 1, 0, 0};
        SceneObject o = new SceneObject(4, "chair", 5, new Box3(1, 1, 3, 4, 2, 2), new int[] {0, 2});
        return Scene.builder("t").points(new PointCloud(xyz, new float[9], normals)).addObject(o).build();
    }

    @Test
    void normalizeCentresTheBoundsAndScalesTheLongestSideToOne() {
        Scene scene = scene();
        SceneTransform t = SceneTransform.normalizing(scene);
        assertEquals(new SceneTransform(0.25, -0.25, -0.25, -0.75), t);
        Scene unit = t.apply(scene);
        assertArrayEquals(new float[] {-0.5f, -0.25f, -0.25f, 0.5f, 0.25f, 0.25f, 0, 0, 0}, unit.points().xyzArray());
        assertEquals(new Box3(0, 0, 0, 1, 0.5f, 0.5f), unit.bounds());
        assertEquals(new Box3(0, 0, 0, 1, 0.5f, 0.5f), unit.objects().get(0).box());
        assertArrayEquals(new int[] {0, 2}, unit.objects().get(0).pointIndices());
        assertArrayEquals(scene.points().normalsArray(), unit.points().normalsArray());
        assertEquals(List.of("transformed: p' = 0.250000 p + (-0.250000, -0.250000, -0.750000)"), unit.source().notes());
        assertEquals(scene.objects().get(0).box(), t.inverse().apply(unit.objects().get(0).box()));
    }

    @Test
    void translateScaleComposeAndInvertExactly() {
        Box3 box = new Box3(1, 2, 3, 4, 5, 6);
        assertEquals(new Box3(2, 4, 6, 8, 10, 12), SceneTransform.scaling(2).apply(box));
        assertEquals(new Box3(2, 1, 3.5f, 4, 5, 6), SceneTransform.translation(1, -1, 0.5).apply(box));
        SceneTransform t = SceneTransform.scaling(2).then(SceneTransform.translation(1, 0, -3));
        assertEquals(new SceneTransform(2, 1, 0, -3), t);
        assertEquals(new Box3(3, 4, 3, 8, 10, 12), t.apply(box));
        assertEquals(box, t.inverse().apply(t.apply(box)));
        assertEquals(SceneTransform.IDENTITY, t.then(t.inverse()));
    }

    @Test
    void rejectsNonPositiveScaleAndNonFiniteShift() {
        assertEquals("scale must be positive and finite, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> SceneTransform.scaling(-1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> SceneTransform.translation(Double.NaN, 0, 0));
        Scene point = Scene.builder("p").points(new PointCloud(new float[] {2, 2, 2}, new float[3], null)).build();
        assertEquals(new SceneTransform(1, -2, -2, -2), SceneTransform.normalizing(point));
    }
}
