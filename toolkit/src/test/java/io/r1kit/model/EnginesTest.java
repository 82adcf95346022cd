package io.r1kit.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.engine.Engine;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class EnginesTest {

    @Test
    void pytorchStartsOfflineAndComputes() {
        assertEquals("true", System.getProperty("ai.djl.offline"), "tests run with ai.djl.offline=true");
        Engine engine = Engines.pytorch();
        assertEquals("PyTorch", engine.getEngineName());
        assertEquals("2.7.1", engine.getVersion());
        try (NDManager manager = NDManager.newBaseManager(Engines.defaultDevice(), Engines.ENGINE)) {
            NDArray a = manager.create(new float[] {1, 2, 3, 4}, new ai.djl.ndarray.types.Shape(2, 2));
            NDArray b = manager.create(new float[] {5, 6, 7, 8}, new ai.djl.ndarray.types.Shape(2, 2));
            // [[1,2],[3,4]] x [[5,6],[7,8]] = [[19,22],[43,50]]
            assertArrayEquals(new float[] {19, 22, 43, 50}, a.matMul(b).toFloatArray(), 0f);
        }
    }
}
