package io.r1kit.scene.gen;

/**
 * An object as the planner placed it: its category, looks, and its box in room coordinates.
 * Local coordinates {@code (u, v, z)} run across the front ({@code u in [0, width]}), from the
 * front to the back ({@code v in [0, depth]}) and up from the bottom; {@link #world} turns them
 * into room coordinates for the object's facing.
 */
record Placed(Category category, Colour colour, Material material, Direction facing, Direction wall, int support,
              double minX, double minY, double minZ, double maxX, double maxY, double maxZ) {

    /** Extent across the front. */
    double width() {
        return facing.alongX() ? maxY - minY : maxX - minX;
    }

    /** Extent from front to back. */
    double depth() {
        return facing.alongX() ? maxX - minX : maxY - minY;
    }

    double height() {
        return maxZ - minZ;
    }

    double cx() {
        return (minX + maxX) / 2;
    }

    double cy() {
        return (minY + maxY) / 2;
    }

    /** Room x, y of local {@code (u, v)}: {@code out[0] = x, out[1] = y}. */
    double[] world(double u, double v) {
        return switch (facing) {
            case SOUTH -> new double[] {minX + u, minY + v};
            case NORTH -> new double[] {maxX - u, maxY - v};
            case EAST -> new double[] {maxX - v, minY + u};
            case WEST -> new double[] {minX + v, maxY - u};
        };
    }

    /** The room box {@code {minX, minY, minZ, maxX, maxY, maxZ}} of a local box {@code {u0, v0, z0, u1, v1, z1}}. */
    double[] worldBox(double[] local) {
        double[] a = world(local[0], local[1]);
        double[] b = world(local[3], local[4]);
        return new double[] {Math.min(a[0], b[0]), Math.min(a[1], b[1]), minZ + local[2],
                Math.max(a[0], b[0]), Math.max(a[1], b[1]), minZ + local[5]};
    }

    /** Whether the two boxes overlap by more than {@code eps} along all three axes. */
    boolean interpenetrates(Placed o, double eps) {
        return Math.min(maxX, o.maxX) - Math.max(minX, o.minX) > eps
                && Math.min(maxY, o.maxY) - Math.max(minY, o.minY) > eps
                && Math.min(maxZ, o.maxZ) - Math.max(minZ, o.minZ) > eps;
    }

    /** Whether the footprints overlap with positive area. */
    boolean footprintOverlaps(Placed o) {
        return Math.min(maxX, o.maxX) - Math.max(minX, o.minX) > 0 && Math.min(maxY, o.maxY) - Math.max(minY, o.minY) > 0;
    }
}
