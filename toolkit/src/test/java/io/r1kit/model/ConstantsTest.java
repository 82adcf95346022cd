package io.r1kit.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A product or quotient by a constant equals DJL's, and its gradient stays right while the collector runs. */
class ConstantsTest {

    private static final float[] X = {0.5f, -1.25f, 3f, 7.75f, -0.1f, 2f};

    @Test
    void valuesAreThoseOfTheEnginesOwnOps() {
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            NDArray x = m.create(X, new Shape(2, 3));
            assertArrayEquals(x.mul(1 / Math.sqrt(64)).toFloatArray(), Constants.times(x, 1 / Math.sqrt(64)).toFloatArray());
            assertArrayEquals(x.div(1.2).toFloatArray(), Constants.over(x, 1.2).toFloatArray());
            NDArray half = x.toType(DataType.FLOAT16, false);
            NDArray product = Constants.times(half, 0.3);
            assertEquals(DataType.FLOAT16, product.getDataType());
            assertArrayEquals(half.mul(0.3).toType(DataType.FLOAT32, false).toFloatArray(),
                    product.toType(DataType.FLOAT32, false).toFloatArray());
        }
    }

    @Test
    void gradientsHoldWhileTheCollectorFreesBuffers() throws Exception {
        try (CollectorStress s = CollectorStress.start()) {
            for (int i = 0; i < 200; i++) {
                try (NDManager m = Engines.pytorch().newBaseManager()) {
                    NDArray x = m.create(X, new Shape(2, 3));
                    x.setRequiresGradient(true);
                    try (GradientCollector c = Engines.pytorch().newGradientCollector()) {
                        NDArray y = Constants.over(Constants.times(x, 0.37), 1.6);
                        for (int k = 0; k < 20; k++) {
                            m.create(new float[4096]).mul(2f);   // buffers for the freed memory to go to
                        }
                        System.gc();
                        c.backward(y.sum());
                    }
                    float[] g = x.getGradient().toFloatArray();
                    for (float v : g) {
                        assertEquals((float) (0.37 / 1.6), v, 1e-7f, "pass " + i);
                    }
                }
            }
        }
    }
}
