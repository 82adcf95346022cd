package io.r1kit.model.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Rotary position embedding (RoFormer, Su et al. 2021, eq. 34), in the "rotate half" layout of
 * Hugging Face's Qwen2: dimension {@code i} and {@code i + D/2} of each head form one pair,
 * rotated by {@code position * theta^(-2i/D)}.
 *
 * <p>The cosines and sines of positions 0..N-1 are computed once into a table (grown to the next
 * power of two when a longer sequence comes) and looked up per call; the rotation itself is
 * element-wise: {@code x cos + swap(x) sinSigned}, where {@code swap} exchanges the two halves of each
 * head (one flip of a [.., 2, D/2] view) and {@code sinSigned = [-sin, sin]}.
 *
 * <p>Legend: B batch, T tokens, H heads, D head size, N tabulated positions.
 */
public final class RotaryEmbedding {

    private final float[] inverseFrequencies; // [D/2]
    private final DataType dataType;          // of the queries and keys the angles rotate
    private final NDManager manager;          // holds the table
    private volatile NDArray cosTable;        // [N, D]
    private volatile NDArray sinTable;        // [N, D], the first half negated

    RotaryEmbedding(int headDim, double theta, DataType dataType, NDManager manager) {
        this.dataType = dataType;
        this.manager = manager;
        inverseFrequencies = new float[headDim / 2];
        for (int i = 0; i < inverseFrequencies.length; i++) {
            // theta^(-2i/D), as float32 like the reference implementation
            inverseFrequencies[i] = (float) (1.0 / Math.pow(theta, (float) (2 * i) / headDim));
        }
    }

    /**
     * The cosines and signed sines for the given positions, each [B, 1, T, D] (broadcast over heads),
     * or [1, 1, T, D] when every row has the same positions; what {@link #apply} takes. The angles are
     * computed in float32 and then cast to the compute type, as transformers does.
     *
     * @param positions position of each token, [B][T]
     */
    public NDList angles(NDManager scope, int[][] positions) {
        int b = positions.length;
        int t = positions[0].length;
        int highest = 0;
        for (int[] row : positions) {
            for (int p : row) {
                highest = Math.max(highest, p);
            }
        }
        ensure(highest + 1);
        int d = 2 * inverseFrequencies.length;
        if (sameRows(positions) && consecutive(positions[0])) {
            NDIndex span = new NDIndex("{}:{}", positions[0][0], positions[0][0] + t);
            return new NDList(cosTable.get(scope, span).reshape(1, 1, t, d),
                    sinTable.get(scope, span).reshape(1, 1, t, d));                    // 2 x [1, 1, T, D]
        }
        long[] flat = new long[b * t];
        for (int r = 0; r < b; r++) {
            for (int j = 0; j < t; j++) {
                flat[r * t + j] = positions[r][j];
            }
        }
        NDArray index = scope.create(flat);                                            // [B*T]
        // gather from slices owned by the scope: indexing the shared tables with an array index leaves its
        // intermediates in the tables' manager, which grew the resident set on every call
        NDIndex used = new NDIndex("0:{}", highest + 1);
        NDArray cos = cosTable.get(scope, used);
        NDArray sin = sinTable.get(scope, used);
        return new NDList(cos.get(new NDIndex("{}", index)).reshape(b, 1, t, d),
                sin.get(new NDIndex("{}", index)).reshape(b, 1, t, d));               // 2 x [B, 1, T, D]
    }

    /**
     * Tabulates positions 0..n-1 at least (the next power of two). A smaller table is left to the model's
     * manager rather than closed, since a call on another thread may still be reading it.
     */
    private synchronized void ensure(int n) {
        if (cosTable != null && cosTable.getShape().get(0) >= n) {
            return;
        }
        int size = Integer.highestOneBit(Math.max(n, 64) - 1) << 1;
        int half = inverseFrequencies.length;
        float[] cos = new float[size * 2 * half];
        float[] sin = new float[cos.length];
        for (int p = 0; p < size; p++) {
            int base = p * 2 * half;
            for (int i = 0; i < half; i++) {
                float angle = p * inverseFrequencies[i]; // float32 product, as in torch
                float c = (float) Math.cos(angle);
                float s = (float) Math.sin(angle);
                cos[base + i] = c;           // the two halves share one angle
                cos[base + half + i] = c;
                sin[base + i] = -s;          // rotate-half negates the second half moved to the front
                sin[base + half + i] = s;
            }
        }
        NDArray c = manager.create(cos, new Shape(size, 2L * half));
        NDArray s = manager.create(sin, new Shape(size, 2L * half));
        if (dataType != DataType.FLOAT32) {
            NDArray c16 = c.toType(dataType, false);
            NDArray s16 = s.toType(dataType, false);
            c.close();
            s.close();
            c = c16;
            s = s16;
        }
        cosTable = c;
        sinTable = s;
    }

    private static boolean sameRows(int[][] positions) {
        for (int[] row : positions) {
            if (!java.util.Arrays.equals(row, positions[0])) {
                return false;
            }
        }
        return true;
    }

    private static boolean consecutive(int[] row) {
        for (int j = 1; j < row.length; j++) {
            if (row[j] != row[0] + j) {
                return false;
            }
        }
        return true;
    }

    /**
     * Rotates {@code x [B, H, T, D]} by the angles of {@link #angles}:
     * {@code x cos + rotateHalf(x) sin}, with {@code rotateHalf(x) = [-x2, x1] = swap(x) [-1, 1]}.
     */
    public static NDArray apply(NDArray x, NDList angles) {
        Shape s = x.getShape();
        long d = s.get(3);
        NDArray swapped = x.reshape(s.get(0), s.get(1), s.get(2), 2, d / 2).flip(3)
                .reshape(s);                                                   // [B, H, T, D] = [x2, x1]
        return x.mul(angles.get(0)).add(swapped.mul(angles.get(1)));           // [B, H, T, D]
    }
}
