package io.r1kit.model.io;

import java.util.Arrays;

/**
 * A float32 tensor on the Java heap, row-major: what r1kit reads from and writes to checkpoint
 * files before it becomes (or after it was) a DJL array.
 *
 * @param shape dimensions
 * @param data  the elements, row-major; its length is the product of {@code shape}
 */
public record FloatTensor(long[] shape, float[] data) {

    public FloatTensor {
        shape = shape.clone();
        if (TensorInfo.elementCount(shape) != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs "
                    + TensorInfo.elementCount(shape) + " elements, data has " + data.length);
        }
    }

    /** The dimensions (a copy). */
    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FloatTensor t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(shape) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "FloatTensor" + Arrays.toString(shape);
    }
}
