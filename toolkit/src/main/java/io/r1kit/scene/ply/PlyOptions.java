package io.r1kit.scene.ply;

/**
 * How {@link PlyReader} turns a PLY file into points.
 *
 * <p>By default the vertices are the points and faces are skipped. With
 * {@link #sampleSurface(int, long)} the reader instead draws {@code surfaceSamples} points on the
 * mesh: polygons are split into triangle fans {@code (v0, vi, vi+1)}, a triangle is picked with
 * probability proportional to its area, and a point inside it is drawn uniformly (barycentric
 * weights {@code 1-sqrt(r1)}, {@code sqrt(r1)(1-r2)}, {@code sqrt(r1) r2}); colours and normals
 * are interpolated with the same weights. The draws come from {@link java.util.Random} seeded with
 * {@code seed}, so the same file and options give the same points on every JVM.
 *
 * <pre>{@code
 * PlyData d = PlyReader.read(path, PlyOptions.sampleSurface(20_000, 7));
 * }</pre>
 *
 * @param surfaceSamples points to draw on the faces; 0 means "use the vertices"
 * @param seed           random seed of the surface sampling
 */
public record PlyOptions(int surfaceSamples, long seed) {

    /** Vertices are the points; faces are skipped. */
    public static final PlyOptions VERTICES = new PlyOptions(0, 0);

    public PlyOptions {
        if (surfaceSamples < 0) {
            throw new IllegalArgumentException("surfaceSamples must be >= 0 (0 = use the vertices), got "
                    + surfaceSamples);
        }
    }

    /** Draw {@code n > 0} points on the mesh surface, area-weighted, with this seed. */
    public static PlyOptions sampleSurface(int n, long seed) {
        if (n <= 0) {
            throw new IllegalArgumentException("the number of surface samples must be > 0, got " + n);
        }
        return new PlyOptions(n, seed);
    }

    /** Whether points are drawn on the faces rather than taken from the vertices. */
    public boolean samplesSurface() {
        return surfaceSamples > 0;
    }
}
