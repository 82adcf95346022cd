package io.r1kit.scene.proposal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Finds the large planes of a room by RANSAC (Fischler and Bolles 1981) and removes the structural
 * ones, so that furniture standing on the floor or against a wall separates into clusters.
 *
 * <p>Each round fits the plane with most inliers among the points not yet explained; it stops when
 * the best plane holds fewer than {@code minPlaneFraction} of the points or after
 * {@code maxPlanes} rounds. The rules (z is up):
 * <ul>
 *   <li><b>floor</b>: normal within {@code planeAngleDegrees} of vertical, height within
 *       {@code floorBand} of the lowest level (1st height percentile); <b>ceiling</b>: the same at
 *       the highest level (99th percentile);</li>
 *   <li><b>wall</b>: normal within {@code planeAngleDegrees} of horizontal, and at most
 *       {@code wallOutsideFraction} of the points lie beyond it (more than the inlier band away, on
 *       the side away from the points' centroid): a wall bounds the room, a cupboard side does not;</li>
 *   <li>any other large plane (table top, bed, sofa seat) is kept, and only left out of later searches.</li>
 * </ul>
 */
final class PlaneRemoval {

    /**
     * Hypotheses are scored on at most this many random points of the pool: the inlier fraction of
     * a plane holding 1% of the pool is then estimated to within about 0.3 points, which is enough
     * to rank planes, at a fraction of the cost; the chosen plane's inliers are counted on all points.
     */
    private static final int SCORE_SAMPLE = 4000;

    private PlaneRemoval() {}

    /**
     * Runs the plane search on the points flagged in {@code alive} and clears the flags of the
     * points on floors, ceilings and walls.
     *
     * @return the planes found, in order, removed ones and kept ones
     */
    static List<Plane> remove(float[] xyz, boolean[] alive, ProposalConfig cfg) {
        int n = xyz.length / 3;
        int total = 0;
        for (boolean a : alive) if (a) total++;
        List<Plane> planes = new ArrayList<>();
        if (total < 3 || cfg.maxPlanes() == 0) {
            return planes;
        }
        float[] z = new float[total];
        double[] centroid = new double[3];
        for (int i = 0, k = 0; i < n; i++) {
            if (alive[i]) {
                z[k++] = xyz[3 * i + 2];
                for (int a = 0; a < 3; a++) centroid[a] += xyz[3 * i + a] / total;
            }
        }
        Arrays.sort(z);
        double low = z[(int) (0.01 * (total - 1))];
        double high = z[(int) Math.ceil(0.99 * (total - 1))];
        double cosTol = Math.cos(Math.toRadians(cfg.planeAngleDegrees()));
        double sinTol = Math.sin(Math.toRadians(cfg.planeAngleDegrees()));
        int minInliers = Math.max(3, (int) Math.ceil(cfg.minPlaneFraction() * total));
        boolean[] candidate = alive.clone();
        Random rnd = new Random(cfg.seed());
        for (int round = 0; round < cfg.maxPlanes(); round++) {
            int[] pool = indices(candidate);
            if (pool.length < minInliers) break;
            double[] best = fit(xyz, sample(pool, SCORE_SAMPLE, rnd), cfg.planeDistance(), cfg.planeIterations(), rnd);
            if (best == null) break;
            int count = 0;
            for (int i : pool) if (Math.abs(dist(best, xyz, i)) <= cfg.planeDistance()) count++;
            if (count < minInliers) break;
            Plane.Kind kind = classify(best, xyz, alive, centroid, low, high, cosTol, sinTol, cfg);
            planes.add(new Plane(best[0], best[1], best[2], best[3], kind, count));
            for (int i : pool) {
                if (Math.abs(dist(best, xyz, i)) <= cfg.planeDistance()) {
                    candidate[i] = false;
                    if (kind != Plane.Kind.OTHER) alive[i] = false;
                }
            }
        }
        return planes;
    }

    private static Plane.Kind classify(double[] p, float[] xyz, boolean[] alive, double[] centroid, double low,
                                       double high, double cosTol, double sinTol, ProposalConfig cfg) {
        double nz = Math.abs(p[2]);
        if (nz >= cosTol) {
            double height = -p[3] / p[2];
            if (Math.abs(height - low) <= cfg.floorBand()) return Plane.Kind.FLOOR;
            if (Math.abs(height - high) <= cfg.floorBand()) return Plane.Kind.CEILING;
            return Plane.Kind.OTHER;
        }
        if (nz > sinTol) return Plane.Kind.OTHER;
        // Orient the normal towards the centroid: "outside" is then a negative signed distance.
        double sign = Math.signum(p[0] * centroid[0] + p[1] * centroid[1] + p[2] * centroid[2] + p[3]);
        if (sign == 0) return Plane.Kind.OTHER;
        int outside = 0;
        int all = 0;
        for (int i = 0; i < alive.length; i++) {
            if (!alive[i]) continue;
            all++;
            if (sign * dist(p, xyz, i) < -cfg.planeDistance()) outside++;
        }
        return outside <= cfg.wallOutsideFraction() * all ? Plane.Kind.WALL : Plane.Kind.OTHER;
    }

    /** The plane through three random pool points with the most inliers, as {@code {nx, ny, nz, d}}. */
    private static double[] fit(float[] xyz, int[] pool, double band, int iterations, Random rnd) {
        double[] best = null;
        int bestCount = -1;
        for (int it = 0; it < iterations; it++) {
            int a = pool[rnd.nextInt(pool.length)];
            int b = pool[rnd.nextInt(pool.length)];
            int c = pool[rnd.nextInt(pool.length)];
            double ux = xyz[3 * b] - xyz[3 * a], uy = xyz[3 * b + 1] - xyz[3 * a + 1], uz = xyz[3 * b + 2] - xyz[3 * a + 2];
            double vx = xyz[3 * c] - xyz[3 * a], vy = xyz[3 * c + 1] - xyz[3 * a + 1], vz = xyz[3 * c + 2] - xyz[3 * a + 2];
            double nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
            double len = Math.sqrt(nx * nx + ny * ny + nz * nz);
            if (len < 1e-9) continue; // repeated or collinear sample
            double[] p = {nx / len, ny / len, nz / len, 0};
            p[3] = -(p[0] * xyz[3 * a] + p[1] * xyz[3 * a + 1] + p[2] * xyz[3 * a + 2]);
            int count = 0;
            for (int i : pool) if (Math.abs(dist(p, xyz, i)) <= band) count++;
            if (count > bestCount) {
                bestCount = count;
                best = p;
            }
        }
        return best;
    }

    /** Up to {@code m} distinct pool entries, drawn with a partial Fisher-Yates shuffle. */
    private static int[] sample(int[] pool, int m, Random rnd) {
        if (pool.length <= m) return pool;
        int[] copy = pool.clone();
        for (int i = 0; i < m; i++) {
            int j = i + rnd.nextInt(copy.length - i);
            int t = copy[i]; copy[i] = copy[j]; copy[j] = t;
        }
        return Arrays.copyOf(copy, m);
    }

    private static double dist(double[] p, float[] xyz, int i) {
        return p[0] * xyz[3 * i] + p[1] * xyz[3 * i + 1] + p[2] * xyz[3 * i + 2] + p[3];
    }

    private static int[] indices(boolean[] flags) {
        int m = 0;
        for (boolean f : flags) if (f) m++;
        int[] out = new int[m];
        for (int i = 0, k = 0; i < flags.length; i++) if (flags[i]) out[k++] = i;
        return out;
    }
}
