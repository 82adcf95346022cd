package io.r1kit.model.vlm;

import io.r1kit.scene.Box3;
import io.r1kit.scene.PointCloud;
import io.r1kit.scene.Scene;
import io.r1kit.scene.SceneObject;

import java.util.List;

/** Small configs and a hand-made scene whose features are worked out by hand in the tests. */
final class VlmFixtures {

    /** Grid numbers 0..255 are ids 16..271; ids 1..15 are free for words in tests. */
    static final int GRID_OFFSET = 16;
    static final int VOCAB = 272;

    private VlmFixtures() {}

    /** Micro model: width 64, 2 layers, 4 points per object. */
    static VlmConfig micro(long seed) {
        return VlmConfig.builder().vocabSize(VOCAB).hiddenSize(64).intermediateSize(128).layers(2).heads(4, 2)
                .maxPositions(512).pointsPerObject(4).maxObjects(8).pointWidth(16).pointFeatures(32)
                .objectWidth(64).gridTokenOffset(GRID_OFFSET).seed(seed).build();
    }

    /**
     * Bounds [0, 4] x [0, 4] x [0, 2]. Object 1 lists points 2 and 3; object 2 lists none, and the
     * scene points inside its box are 4 and 5 (5 on its corner). Objects are given out of id order.
     */
    static Scene handScene() {
        float[] xyz = {
            0, 0, 0,
            4, 4, 2,
            1, 1, 0.5f,
            1.5f, 1, 0.5f,
            3, 3, 1,
            3.5f, 3.5f, 1.5f};
        float[] rgb = {
            0, 0, 0,
            1, 1, 1,
            1, 0, 0,
            0, 0, 1,
            0, 1, 0,
            0.5f, 0.5f, 0.5f};
        SceneObject chair = new SceneObject(1, "chair", 5, new Box3(1.25f, 1f, 0.5f, 0.5f, 0.2f, 0.25f), new int[] {2, 3});
        SceneObject table = new SceneObject(2, "table", 7, new Box3(3, 3, 1, 1, 1, 1), new int[0]);
        return Scene.builder("hand").points(new PointCloud(xyz, rgb, null)).objects(List.of(table, chair)).build();
    }
}
