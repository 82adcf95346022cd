package io.r1kit.scene;

import java.nio.FloatBuffer;
import java.util.Objects;

/**
 * N coloured points, optionally with normals, stored as flat float arrays ({@code 3*i .. 3*i+2}
 * is point i). Colours are in [0, 1]. Immutable: accessors return read-only views or copies.
 */
public final class PointCloud {

    private final float[] xyz;
    private final float[] rgb;
    private final float[] normals;

    /**
     * @param xyz     3N coordinates, all finite
     * @param rgb     3N colours in [0, 1]
     * @param normals 3N normals, or {@code null}
     * @throws IllegalArgumentException on mismatched lengths, a non-finite coordinate or a colour out of range
     */
    public PointCloud(float[] xyz, float[] rgb, float[] normals) {
        Objects.requireNonNull(xyz, "xyz");
        Objects.requireNonNull(rgb, "rgb");
        if (xyz.length % 3 != 0) {
            throw new IllegalArgumentException("xyz length " + xyz.length + " is not a multiple of 3");
        }
        if (rgb.length != xyz.length) {
            throw new IllegalArgumentException("rgb has " + rgb.length / 3 + " points, xyz has " + xyz.length / 3);
        }
        if (normals != null && normals.length != xyz.length) {
            throw new IllegalArgumentException("normals have " + normals.length / 3 + " points, xyz has " + xyz.length / 3);
        }
        for (int i = 0; i < xyz.length; i++) {
            if (!Float.isFinite(xyz[i])) {
                throw new IllegalArgumentException("point " + i / 3 + " has a non-finite coordinate " + xyz[i]);
            }
            if (!(rgb[i] >= 0f && rgb[i] <= 1f)) {
                throw new IllegalArgumentException("point " + i / 3 + " has colour " + rgb[i] + " outside [0, 1]");
            }
        }
        this.xyz = xyz.clone();
        this.rgb = rgb.clone();
        this.normals = normals == null ? null : normals.clone();
    }

    public int size() { return xyz.length / 3; }

    public float x(int i) { return xyz[3 * i]; }
    public float y(int i) { return xyz[3 * i + 1]; }
    public float z(int i) { return xyz[3 * i + 2]; }
    public float r(int i) { return rgb[3 * i]; }
    public float g(int i) { return rgb[3 * i + 1]; }
    public float b(int i) { return rgb[3 * i + 2]; }

    public boolean hasNormals() { return normals != null; }

    /** Read-only view of the 3N coordinates. */
    public FloatBuffer positions() { return FloatBuffer.wrap(xyz).asReadOnlyBuffer(); }

    /** Read-only view of the 3N colours in [0, 1]. */
    public FloatBuffer colors() { return FloatBuffer.wrap(rgb).asReadOnlyBuffer(); }

    /** Read-only view of the 3N normals; throws when the cloud has none. */
    public FloatBuffer normals() {
        if (normals == null) {
            throw new IllegalStateException("this point cloud has no normals");
        }
        return FloatBuffer.wrap(normals).asReadOnlyBuffer();
    }

    /** A copy of the 3N coordinates. */
    public float[] xyzArray() { return xyz.clone(); }

    /** A copy of the 3N colours. */
    public float[] rgbArray() { return rgb.clone(); }

    /** A copy of the 3N normals, or {@code null}. */
    public float[] normalsArray() { return normals == null ? null : normals.clone(); }

    /** The tightest axis-aligned box around all points; throws on an empty cloud. */
    public Box3 bounds() {
        if (size() == 0) {
            throw new IllegalStateException("an empty point cloud has no bounds");
        }
        float[] mm = {Float.MAX_VALUE, Float.MAX_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
        for (int i = 0; i < xyz.length; i += 3) {
            for (int a = 0; a < 3; a++) {
                mm[a] = Math.min(mm[a], xyz[i + a]);
                mm[a + 3] = Math.max(mm[a + 3], xyz[i + a]);
            }
        }
        return Box3.ofMinMax(mm[0], mm[1], mm[2], mm[3], mm[4], mm[5]);
    }

    /** The points at {@code indices}, in that order. */
    public PointCloud select(int[] indices) {
        float[] p = new float[indices.length * 3];
        float[] c = new float[indices.length * 3];
        float[] n = normals == null ? null : new float[indices.length * 3];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(xyz, 3 * indices[k], p, 3 * k, 3);
            System.arraycopy(rgb, 3 * indices[k], c, 3 * k, 3);
            if (n != null) {
                System.arraycopy(normals, 3 * indices[k], n, 3 * k, 3);
            }
        }
        return new PointCloud(p, c, n);
    }
}
