package io.r1kit.render;

import io.r1kit.scene.Box3;
import io.r1kit.scene.PointCloud;
import io.r1kit.scene.Scene;
import io.r1kit.scene.SceneObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class PointInstancesTest {

    /** Four points on the x axis at 0, 1, 2 and 5. */
    private static Scene line(List<SceneObject> objects, int[] instanceLabels) {
        float[] xyz = {0, 0, 0, 1, 0, 0, 2, 0, 0, 5, 0, 0};
        return Scene.builder("line").points(new PointCloud(xyz, new float[12], null)).objects(objects)
                .instanceLabels(instanceLabels).build();
    }

    @Test
    void listedPointsWinOverBoxesAndBoxesTakeTheRest() {
        Box3 tiny = Box3.ofMinMax(-0.1f, -0.1f, -0.1f, 0.1f, 0.1f, 0.1f);
        // Object 9 lists no points; its box holds points 0 and 1, but point 0 is listed by object 7.
        SceneObject listed = new SceneObject(7, "object", -1, tiny, new int[] {0});
        SceneObject boxOnly = new SceneObject(9, "table", 7, Box3.ofMinMax(-0.5f, -0.5f, -0.5f, 1.5f, 0.5f, 0.5f), new int[0]);
        // Object 4 lists point 2 and point 0 again: the object listed first keeps point 0.
        SceneObject second = new SceneObject(4, "object", -1, tiny, new int[] {2, 0});
        assertArrayEquals(new int[] {7, 9, 4, PointInstances.NONE},
                PointInstances.of(line(List.of(listed, boxOnly, second), null)));
    }

    @Test
    void perPointLabelsComeFirst() {
        SceneObject listed = new SceneObject(7, "object", -1, Box3.ofMinMax(0, 0, 0, 1, 1, 1), new int[] {0, 1, 2, 3});
        assertArrayEquals(new int[] {PointInstances.NONE, 7, PointInstances.NONE, PointInstances.NONE},
                PointInstances.of(line(List.of(listed), new int[] {0, 7, 3, 0})));
    }
}
