package io.r1kit.scene.ply;

import io.r1kit.scene.PointCloud;
import io.r1kit.scene.SceneFormatException;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * Draws points uniformly on a triangle mesh: a triangle with probability proportional to its
 * area, then a uniform point in it (the square-root barycentric construction). Colours and
 * normals are interpolated with the same weights; without vertex normals each point gets its
 * triangle's normal.
 */
final class SurfaceSampler {

    private SurfaceSampler() {}

    static PointCloud sample(Path file, float[] xyz, float[] rgb, float[] normals, int[] tris, int n, long seed)
            throws SceneFormatException {
        int t = tris.length / 3;
        double[] cumulative = new double[t];
        double total = 0;
        for (int k = 0; k < t; k++) {
            total += area(xyz, tris[3 * k], tris[3 * k + 1], tris[3 * k + 2]);
            cumulative[k] = total;
        }
        if (!(total > 0)) {
            throw new SceneFormatException(file, "the " + t + " triangles have zero total area, so no points can"
                    + " be drawn on them");
        }
        Random random = new Random(seed);
        float[] p = new float[3 * n];
        float[] c = new float[3 * n];
        float[] nn = new float[3 * n];
        for (int i = 0; i < n; i++) {
            int k = pick(cumulative, random.nextDouble() * total);
            int a = tris[3 * k];
            int b = tris[3 * k + 1];
            int d = tris[3 * k + 2];
            double s = Math.sqrt(random.nextDouble());
            double r2 = random.nextDouble();
            // barycentric weights (1 - s, s(1 - r2), s r2) for corners a, b, d
            double wb = s * (1 - r2);
            double wd = s * r2;
            for (int ax = 0; ax < 3; ax++) {
                p[3 * i + ax] = lerp(xyz, a, b, d, ax, wb, wd);
                // the weights sum to 1, so a colour stays in [0, 1] up to rounding
                c[3 * i + ax] = Math.min(1f, Math.max(0f, lerp(rgb, a, b, d, ax, wb, wd)));
            }
            if (normals != null) {
                for (int ax = 0; ax < 3; ax++) {
                    nn[3 * i + ax] = lerp(normals, a, b, d, ax, wb, wd);
                }
            } else {
                faceNormal(xyz, a, b, d, nn, 3 * i);
            }
            normalise(nn, 3 * i);
        }
        return new PointCloud(p, c, nn);
    }

    /**
     * {@code A + wb (B - A) + wd (C - A)} along axis {@code ax}: written as offsets from corner A so that
     * equal corner values (a point on an axis-aligned face) come out exactly equal.
     */
    private static float lerp(float[] v, int a, int b, int c, int ax, double wb, double wd) {
        double base = v[3 * a + ax];
        return (float) (base + wb * (v[3 * b + ax] - base) + wd * (v[3 * c + ax] - base));
    }

    /** The first triangle whose cumulative area exceeds {@code u}; zero-area triangles are never picked. */
    private static int pick(double[] cumulative, double u) {
        int k = Arrays.binarySearch(cumulative, u);
        k = k >= 0 ? k + 1 : -k - 1;
        while (k < cumulative.length - 1 && cumulative[k] <= u) {
            k++;
        }
        return Math.min(k, cumulative.length - 1);
    }

    private static double area(float[] xyz, int a, int b, int c) {
        double[] cr = cross(xyz, a, b, c);
        return 0.5 * Math.sqrt(cr[0] * cr[0] + cr[1] * cr[1] + cr[2] * cr[2]);
    }

    private static void faceNormal(float[] xyz, int a, int b, int c, float[] out, int at) {
        double[] cr = cross(xyz, a, b, c);
        out[at] = (float) cr[0];
        out[at + 1] = (float) cr[1];
        out[at + 2] = (float) cr[2];
    }

    /** (b - a) x (c - a). */
    private static double[] cross(float[] xyz, int a, int b, int c) {
        double ux = xyz[3 * b] - xyz[3 * a];
        double uy = xyz[3 * b + 1] - xyz[3 * a + 1];
        double uz = xyz[3 * b + 2] - xyz[3 * a + 2];
        double vx = xyz[3 * c] - xyz[3 * a];
        double vy = xyz[3 * c + 1] - xyz[3 * a + 1];
        double vz = xyz[3 * c + 2] - xyz[3 * a + 2];
        return new double[] {uy * vz - uz * vy, uz * vx - ux * vz, ux * vy - uy * vx};
    }

    /** Scales the normal at {@code at} to unit length; a zero vector is left as it is. */
    private static void normalise(float[] v, int at) {
        double len = Math.sqrt(v[at] * v[at] + v[at + 1] * v[at + 1] + v[at + 2] * v[at + 2]);
        if (len > 0) {
            for (int k = 0; k < 3; k++) {
                v[at + k] = (float) (v[at + k] / len);
            }
        }
    }
}
