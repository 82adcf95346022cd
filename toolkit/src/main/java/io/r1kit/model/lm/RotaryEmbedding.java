package io.r1kit.model.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Rotary position embedding (RoFormer, Su et al. 2021, eq. 34), in the "rotate half" layout of
 * Hugging Face's Qwen2: dimension {@code i} and {@code i + D/2} of each head form one pair,
 * rotated by {@code position * theta^(-2i/D)}.
 *
 * <p>Legend: B batch, T tokens, H heads, D head size.
 */
public final class RotaryEmbedding {

    private final float[] inverseFrequencies; // [D/2]
    private final NDArray rotateHalf;         // [D, D]: x @ R = concat(-x2, x1)
    private final DataType dataType;          // of the queries and keys the angles rotate

    RotaryEmbedding(int headDim, double theta, DataType dataType, NDManager manager) {
        this.dataType = dataType;
        // One matmul with a signed permutation instead of split/neg/concat: fewer ops per step,
        // and exact (each output is one input times +-1).
        int h = headDim / 2;
        float[] r = new float[headDim * headDim];
        for (int i = 0; i < h; i++) {
            r[(i + h) * headDim + i] = -1; // output i      = -x[i + D/2]
            r[i * headDim + i + h] = 1;    // output i + D/2 =  x[i]
        }
        NDArray matrix = manager.create(r, new Shape(headDim, headDim));
        rotateHalf = dataType == DataType.FLOAT32 ? matrix : matrix.toType(dataType, false); // +-1 and 0: exact
        inverseFrequencies = new float[headDim / 2];
        for (int i = 0; i < inverseFrequencies.length; i++) {
            // theta^(-2i/D), as float32 like the reference implementation
            inverseFrequencies[i] = (float) (1.0 / Math.pow(theta, (float) (2 * i) / headDim));
        }
    }

    /**
     * The cosines and sines for the given positions, each [B, 1, T, D] (broadcast over heads),
     * followed by the rotate-half matrix; what {@link #apply} takes. The angles are computed in float32
     * and then cast to the compute type, as transformers does.
     *
     * @param positions position of each token, [B][T]
     */
    public NDList angles(NDManager manager, int[][] positions) {
        int b = positions.length;
        int t = positions[0].length;
        int half = inverseFrequencies.length;
        float[] cos = new float[b * t * 2 * half];
        float[] sin = new float[cos.length];
        for (int r = 0; r < b; r++) {
            for (int j = 0; j < t; j++) {
                int base = (r * t + j) * 2 * half;
                for (int i = 0; i < half; i++) {
                    float angle = positions[r][j] * inverseFrequencies[i]; // float32 product, as in torch
                    float c = (float) Math.cos(angle);
                    float s = (float) Math.sin(angle);
                    cos[base + i] = c;           // the two halves share one angle
                    cos[base + half + i] = c;
                    sin[base + i] = s;
                    sin[base + half + i] = s;
                }
            }
        }
        Shape shape = new Shape(b, 1, t, 2L * half);
        NDArray c = manager.create(cos, shape);
        NDArray s = manager.create(sin, shape);
        if (dataType != DataType.FLOAT32) {
            c = c.toType(dataType, false);
            s = s.toType(dataType, false);
        }
        return new NDList(c, s, rotateHalf);
    }

    /** Rotates {@code x [B, H, T, D]} by the angles of {@link #angles}: {@code x cos + rotateHalf(x) sin}. */
    public static NDArray apply(NDArray x, NDList angles) {
        NDArray rotated = x.matMul(angles.get(2));                        // [B, H, T, D] = concat(-x2, x1)
        return x.mul(angles.get(0)).add(rotated.mul(angles.get(1)));     // [B, H, T, D]
    }
}
