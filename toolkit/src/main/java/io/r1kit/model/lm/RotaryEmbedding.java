package io.r1kit.model.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
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

    RotaryEmbedding(int headDim, double theta) {
        inverseFrequencies = new float[headDim / 2];
        for (int i = 0; i < inverseFrequencies.length; i++) {
            // theta^(-2i/D), as float32 like the reference implementation
            inverseFrequencies[i] = (float) (1.0 / Math.pow(theta, (float) (2 * i) / headDim));
        }
    }

    /**
     * The cosines and sines for the given positions, each [B, 1, T, D] (broadcast over heads).
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
        return new NDList(manager.create(cos, shape), manager.create(sin, shape));
    }

    /** Rotates {@code x [B, H, T, D]} by the angles of {@link #angles}: {@code x cos + rotateHalf(x) sin}. */
    public static NDArray apply(NDArray x, NDArray cos, NDArray sin) {
        long half = x.getShape().get(3) / 2;
        NDList halves = x.split(new long[] {half}, 3);                                // 2 x [B, H, T, D/2]
        NDArray rotated = NDArrays.concat(new NDList(halves.get(1).neg(), halves.get(0)), 3); // [B, H, T, D]
        return x.mul(cos).add(rotated.mul(sin));                                      // [B, H, T, D]
    }
}
