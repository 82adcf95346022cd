package io.r1kit.scene;

/**
 * An axis-aligned 3D box given by its centre and its full extent along x, y and z (the
 * {@code cx, cy, cz, dx, dy, dz} order of ScanNet/VoteNet box files).
 */
public record Box3(float cx, float cy, float cz, float dx, float dy, float dz) {

    public Box3 {
        if (!Float.isFinite(cx) || !Float.isFinite(cy) || !Float.isFinite(cz)
                || !Float.isFinite(dx) || !Float.isFinite(dy) || !Float.isFinite(dz)) {
            throw new IllegalArgumentException("box has a non-finite value: " + describe(cx, cy, cz, dx, dy, dz));
        }
        if (dx < 0 || dy < 0 || dz < 0) {
            throw new IllegalArgumentException("box has a negative size: " + describe(cx, cy, cz, dx, dy, dz));
        }
    }

    /** The box spanning {@code [minX, maxX] x [minY, maxY] x [minZ, maxZ]}. */
    public static Box3 ofMinMax(float minX, float minY, float minZ, float maxX, float maxY, float maxZ) {
        return new Box3((minX + maxX) / 2, (minY + maxY) / 2, (minZ + maxZ) / 2,
                maxX - minX, maxY - minY, maxZ - minZ);
    }

    /** The tightest box around {@code xyz[3*i..3*i+2]} for each index in {@code indices}. */
    public static Box3 around(float[] xyz, int[] indices) {
        if (indices.length == 0) {
            throw new IllegalArgumentException("cannot box an empty set of points");
        }
        float[] mm = {Float.MAX_VALUE, Float.MAX_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
        for (int i : indices) {
            for (int a = 0; a < 3; a++) {
                float v = xyz[3 * i + a];
                mm[a] = Math.min(mm[a], v);
                mm[a + 3] = Math.max(mm[a + 3], v);
            }
        }
        return ofMinMax(mm[0], mm[1], mm[2], mm[3], mm[4], mm[5]);
    }

    public float minX() { return cx - dx / 2; }
    public float minY() { return cy - dy / 2; }
    public float minZ() { return cz - dz / 2; }
    public float maxX() { return cx + dx / 2; }
    public float maxY() { return cy + dy / 2; }
    public float maxZ() { return cz + dz / 2; }

    public double volume() {
        return (double) dx * dy * dz;
    }

    /** Whether the point lies inside or on the box. */
    public boolean contains(float x, float y, float z) {
        return x >= minX() && x <= maxX() && y >= minY() && y <= maxY() && z >= minZ() && z <= maxZ();
    }

    /** Volume of the intersection with {@code other} (0 when they do not overlap). */
    public double intersectionVolume(Box3 other) {
        double ix = Math.max(0, Math.min(maxX(), other.maxX()) - Math.max(minX(), other.minX()));
        double iy = Math.max(0, Math.min(maxY(), other.maxY()) - Math.max(minY(), other.minY()));
        double iz = Math.max(0, Math.min(maxZ(), other.maxZ()) - Math.max(minZ(), other.minZ()));
        return ix * iy * iz;
    }

    /** Axis-aligned 3D intersection over union, in [0, 1]; 0 when both boxes are empty. */
    public double iou(Box3 other) {
        double inter = intersectionVolume(other);
        double union = volume() + other.volume() - inter;
        return union <= 0 ? 0 : inter / union;
    }

    /** The smallest box holding this box and {@code other}. */
    public Box3 union(Box3 other) {
        return ofMinMax(Math.min(minX(), other.minX()), Math.min(minY(), other.minY()), Math.min(minZ(), other.minZ()),
                Math.max(maxX(), other.maxX()), Math.max(maxY(), other.maxY()), Math.max(maxZ(), other.maxZ()));
    }

    private static String describe(float... v) {
        return java.util.Arrays.toString(v);
    }
}
