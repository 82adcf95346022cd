package io.r1kit.scene;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Picks a fixed number of points from a scene, deterministically from a seed, keeping per-point
 * labels and object point indices consistent with the points kept.
 *
 * <p>LL3DA and 3D-R1 feed the scene encoder a fixed budget of {@value #PAPER_POINTS} points. When a
 * scene has more, a uniform subset is drawn without replacement (kept in file order). When it has
 * fewer, {@link Fill#KEEP_ALL} returns the scene as it is, and {@link Fill#REPEAT} keeps every point
 * once and adds points drawn uniformly with replacement until the budget is met. (LL3DA's
 * {@code random_sampling} instead draws all points with replacement, which may drop some; keeping
 * each point at least once loses nothing.) The draw uses {@link java.util.Random}, whose sequence is
 * fixed by its specification, so a seed gives the same points on every JVM.
 *
 * <pre>{@code
 * Scene s = Sampling.sample(scene, Sampling.PAPER_POINTS, 7);
 * s.source().notes();   // [..., "sampled 40000 of 50000 points (seed 7)"]
 * }</pre>
 */
public final class Sampling {

    /** Points per scene given to the scene encoder in LL3DA and 3D-R1. */
    public static final int PAPER_POINTS = 40_000;

    /** What to do with a scene that has no more points than the budget. */
    public enum Fill {
        /** Return the scene unchanged. */
        KEEP_ALL,
        /** Keep every point and add repeats drawn with replacement up to the budget. */
        REPEAT
    }

    private Sampling() {}

    /** {@link #sample(Scene, int, long, Fill)} with {@link Fill#KEEP_ALL}. */
    public static Scene sample(Scene scene, int budget, long seed) {
        return sample(scene, budget, seed, Fill.KEEP_ALL);
    }

    /**
     * The scene with {@code budget} points (or all of them, see {@link Fill}), with a note saying what
     * was done. Objects keep their boxes; their point indices are renumbered, and a point drawn twice
     * appears twice.
     *
     * @throws IllegalArgumentException when {@code budget} is not positive
     */
    public static Scene sample(Scene scene, int budget, long seed, Fill fill) {
        int n = scene.points().size();
        int[] picked = indices(n, budget, seed, fill);
        if (picked.length == n && (n == 0 || picked[n - 1] == n - 1)) {
            return scene; // every point, in order: nothing to change
        }
        String note = n > budget
                ? "sampled " + budget + " of " + n + " points (seed " + seed + ")"
                : "kept all " + n + " points and repeated " + (budget - n) + " to reach " + budget + " (seed " + seed + ")";
        return select(scene, picked).note(note).build();
    }

    /**
     * The indices {@link #sample(Scene, int, long, Fill)} keeps for a scene of {@code n} points: sorted
     * and distinct when {@code n > budget}; {@code 0..n-1} followed by the repeats otherwise.
     */
    public static int[] indices(int n, int budget, long seed, Fill fill) {
        if (budget <= 0) {
            throw new IllegalArgumentException("the point budget must be positive, got " + budget);
        }
        Random random = new Random(seed);
        if (n > budget) {
            // Partial Fisher-Yates: the first `budget` slots end up a uniform subset without replacement.
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            for (int i = 0; i < budget; i++) {
                int j = i + random.nextInt(n - i);
                int t = all[i];
                all[i] = all[j];
                all[j] = t;
            }
            int[] picked = Arrays.copyOf(all, budget);
            Arrays.sort(picked);
            return picked;
        }
        int size = fill == Fill.REPEAT && n > 0 ? budget : n;
        int[] picked = new int[size];
        for (int i = 0; i < size; i++) {
            picked[i] = i < n ? i : random.nextInt(n);
        }
        return picked;
    }

    /** A builder for the scene made of the points at {@code picked}, labels and objects remapped. */
    static Scene.Builder select(Scene scene, int[] picked) {
        Scene.Builder b = scene.toBuilder().points(scene.points().select(picked));
        b.instanceLabels(scene.instanceLabels().map(l -> pick(l, picked)).orElse(null));
        b.semanticLabels(scene.semanticLabels().map(l -> pick(l, picked)).orElse(null));
        // For each old point, the new positions it went to (several when repeated), in CSR layout.
        int n = scene.points().size();
        int[] start = new int[n + 1];
        for (int old : picked) {
            start[old + 1]++;
        }
        for (int i = 0; i < n; i++) {
            start[i + 1] += start[i];
        }
        int[] positions = new int[picked.length];
        int[] fill = Arrays.copyOf(start, n);
        for (int j = 0; j < picked.length; j++) {
            positions[fill[picked[j]]++] = j;
        }
        List<SceneObject> objects = scene.objects().stream().map(o -> {
            int[] old = o.pointIndices();
            int count = 0;
            for (int i : old) {
                count += start[i + 1] - start[i];
            }
            int[] now = new int[count];
            int k = 0;
            for (int i : old) {
                for (int p = start[i]; p < start[i + 1]; p++) {
                    now[k++] = positions[p];
                }
            }
            Arrays.sort(now);
            return o.withPointIndices(now);
        }).toList();
        return b.objects(objects);
    }

    private static int[] pick(int[] values, int[] picked) {
        int[] out = new int[picked.length];
        for (int j = 0; j < picked.length; j++) {
            out[j] = values[picked[j]];
        }
        return out;
    }
}
