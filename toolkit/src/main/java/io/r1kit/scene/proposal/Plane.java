package io.r1kit.scene.proposal;

/**
 * A plane {@code nx*x + ny*y + nz*z + d = 0} with a unit normal, what it was taken for, and how many
 * down-sampled points lay on it.
 *
 * @param kind    {@link Kind#FLOOR}, {@link Kind#CEILING} or {@link Kind#WALL} (removed), or
 *                {@link Kind#OTHER} (a large plane such as a table top or a bed, kept)
 * @param inliers voxels within the RANSAC band
 */
public record Plane(double nx, double ny, double nz, double d, Kind kind, int inliers) {

    /** What a large plane was taken for. */
    public enum Kind { FLOOR, CEILING, WALL, OTHER }
}
