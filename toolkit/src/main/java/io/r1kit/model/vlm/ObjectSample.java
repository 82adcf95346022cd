package io.r1kit.model.vlm;

import io.r1kit.scene.Box3;
import io.r1kit.scene.PointCloud;
import io.r1kit.scene.SceneObject;
import io.r1kit.task.BoxCodec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the encoder sees of one object (DESIGN "Object-centric scene tokens"): P points in the
 * object's own frame with their colours, the box normalised to the scene bounds, colour statistics,
 * and the box's six grid numbers (the values its box tokens copy).
 *
 * <p>Points are xyz relative to the box centre divided by half the box size (so inside the box
 * they lie in [-1, 1]) and rgb in [0, 1]: {@code points[6p .. 6p+5] = x, y, z, r, g, b}. An object
 * with more than P points gets a seeded sample without replacement; one with fewer repeats them in
 * order (a max pool is unchanged by repeats); one with none has zeros and {@code pointCount} 0.
 *
 * @param objectId   the object's id in the scene
 * @param label      its label ({@code "object"} for a proposal)
 * @param points     [P * 6] sampled points, see above
 * @param pointCount distinct points sampled (min(P, points available)); 0 when the object has none
 * @param box        [6] centre relative to the bounds' minimum and size, both divided by the bounds' extent (0..1)
 * @param colour     [6] mean r, g, b and standard deviation r, g, b over all the object's points
 * @param grid       [6] the box on the 0..255 grid ({@link BoxCodec#quantise})
 */
public record ObjectSample(int objectId, String label, float[] points, int pointCount, float[] box, float[] colour,
                           int[] grid) {

    /** Floor of half a box side when dividing by it: a flat box (e.g. a picture) does not blow up. */
    static final float MIN_HALF_SIZE = 1e-3f;

    /**
     * Samples {@code object} of a scene.
     *
     * @param cloud  the scene's points
     * @param codec  the box codec over the scene's bounds
     * @param points P
     * @param seed   sampling seed (mixed with the object id, so objects sample independently)
     */
    public static ObjectSample of(SceneObject object, PointCloud cloud, BoxCodec codec, int points, long seed) {
        Box3 b = object.box();
        int[] candidates = object.pointCount() > 0 ? object.pointIndices() : inside(b, cloud);
        int[] chosen = choose(candidates, points, new SplittableRandom(seed * 0x9E3779B97F4A7C15L + object.id()));
        float[] xyzrgb = new float[points * 6];
        float[] half = {Math.max(b.dx() / 2, MIN_HALF_SIZE), Math.max(b.dy() / 2, MIN_HALF_SIZE),
            Math.max(b.dz() / 2, MIN_HALF_SIZE)};
        for (int p = 0; p < points && candidates.length > 0; p++) {
            int i = chosen[p % chosen.length];
            xyzrgb[6 * p] = (cloud.x(i) - b.cx()) / half[0];
            xyzrgb[6 * p + 1] = (cloud.y(i) - b.cy()) / half[1];
            xyzrgb[6 * p + 2] = (cloud.z(i) - b.cz()) / half[2];
            xyzrgb[6 * p + 3] = cloud.r(i);
            xyzrgb[6 * p + 4] = cloud.g(i);
            xyzrgb[6 * p + 5] = cloud.b(i);
        }
        Box3 bounds = codec.bounds();
        float[] box = {
            ratio(b.cx() - bounds.minX(), bounds.dx()), ratio(b.cy() - bounds.minY(), bounds.dy()),
            ratio(b.cz() - bounds.minZ(), bounds.dz()),
            ratio(b.dx(), bounds.dx()), ratio(b.dy(), bounds.dy()), ratio(b.dz(), bounds.dz())};
        return new ObjectSample(object.id(), object.label(), xyzrgb, chosen.length, box, colourStats(candidates, cloud),
                codec.quantise(b));
    }

    /** Indices of the scene points inside or on {@code box}, in order. */
    static int[] inside(Box3 box, PointCloud cloud) {
        List<Integer> in = new ArrayList<>();
        for (int i = 0; i < cloud.size(); i++) {
            if (box.contains(cloud.x(i), cloud.y(i), cloud.z(i))) {
                in.add(i);
            }
        }
        return in.stream().mapToInt(Integer::intValue).toArray();
    }

    /** All candidates in order when they fit in {@code n}; else a seeded partial Fisher-Yates sample of n. */
    private static int[] choose(int[] candidates, int n, SplittableRandom random) {
        if (candidates.length <= n) {
            return candidates.clone();
        }
        int[] pool = candidates.clone();
        for (int k = 0; k < n; k++) {
            int j = k + random.nextInt(pool.length - k);
            int t = pool[k];
            pool[k] = pool[j];
            pool[j] = t;
        }
        return Arrays.copyOf(pool, n);
    }

    private static float[] colourStats(int[] indices, PointCloud cloud) {
        float[] out = new float[6];
        if (indices.length == 0) {
            return out;
        }
        double[] sum = new double[3];
        double[] sq = new double[3];
        for (int i : indices) {
            double[] c = {cloud.r(i), cloud.g(i), cloud.b(i)};
            for (int a = 0; a < 3; a++) {
                sum[a] += c[a];
                sq[a] += c[a] * c[a];
            }
        }
        for (int a = 0; a < 3; a++) {
            double mean = sum[a] / indices.length;
            out[a] = (float) mean;
            out[3 + a] = (float) Math.sqrt(Math.max(0, sq[a] / indices.length - mean * mean));
        }
        return out;
    }

    private static float ratio(float v, float extent) {
        return extent <= 0 ? 0f : v / extent;
    }

    @Override
    public float[] points() { return points.clone(); }

    @Override
    public float[] box() { return box.clone(); }

    @Override
    public float[] colour() { return colour.clone(); }

    @Override
    public int[] grid() { return grid.clone(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof ObjectSample s && objectId == s.objectId && label.equals(s.label) && pointCount == s.pointCount
                && Arrays.equals(points, s.points) && Arrays.equals(box, s.box) && Arrays.equals(colour, s.colour)
                && Arrays.equals(grid, s.grid);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(points) * 31 + Arrays.hashCode(grid) + objectId;
    }

    @Override
    public String toString() {
        return "ObjectSample[id=" + objectId + ", label=" + label + ", points=" + pointCount + ", grid="
                + Arrays.toString(grid) + "]";
    }
}
