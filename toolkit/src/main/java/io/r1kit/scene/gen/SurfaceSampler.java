package io.r1kit.scene.gen;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes surface points of boxes into flat arrays: the 8 corners of each part first (so the tight
 * box around an object's points is exactly the box around its parts), then points spread over the
 * part faces in proportion to their area, each with the face normal, a colour shaded by that
 * normal plus noise, and a small inward jitter that never leaves the part.
 */
final class SurfaceSampler {

    /** Fixed light direction (unit vector, from above and the door side) for the shading term. */
    private static final double LX = 0.3;
    private static final double LY = -0.4;
    private static final double LZ = Math.sqrt(1 - LX * LX - LY * LY);

    final float[] xyz;
    final float[] rgb;
    final float[] normals;
    private final SplittableRandom rng;
    private final double colourNoise;
    private final double positionNoise;

    SurfaceSampler(int n, SplittableRandom rng, double colourNoise, double positionNoise) {
        this.xyz = new float[3 * n];
        this.rgb = new float[3 * n];
        this.normals = new float[3 * n];
        this.rng = rng;
        this.colourNoise = colourNoise;
        this.positionNoise = positionNoise;
    }

    /** Total area (m²) of the faces of {@code parts} (room boxes {@code {x0, y0, z0, x1, y1, z1}}). */
    static double area(List<double[]> parts) {
        double a = 0;
        for (double[] p : parts) {
            double dx = p[3] - p[0], dy = p[4] - p[1], dz = p[5] - p[2];
            a += 2 * (dx * dy + dy * dz + dx * dz);
        }
        return a;
    }

    /** Writes {@code count >= 8 * parts.size()} points of {@code parts} from index {@code start}. */
    void sampleParts(List<double[]> parts, int start, int count, float[] colour) {
        int i = start;
        for (double[] p : parts) {
            for (int c = 0; c < 8; c++) {
                double x = (c & 1) == 0 ? p[0] : p[3];
                double y = (c & 2) == 0 ? p[1] : p[4];
                double z = (c & 4) == 0 ? p[2] : p[5];
                write(i++, x, y, z, 0, 0, (c & 4) == 0 ? -1 : 1, colour);
            }
        }
        double[] cum = new double[parts.size() * 6];
        double total = 0;
        for (int k = 0; k < parts.size(); k++) {
            double[] p = parts.get(k);
            double dx = p[3] - p[0], dy = p[4] - p[1], dz = p[5] - p[2];
            double[] faces = {dy * dz, dy * dz, dx * dz, dx * dz, dx * dy, dx * dy};
            for (int f = 0; f < 6; f++) {
                total += faces[f];
                cum[6 * k + f] = total;
            }
        }
        for (; i < start + count; i++) {
            int idx = find(cum, rng.nextDouble() * total);
            double[] p = parts.get(idx / 6);
            int face = idx % 6;
            int axis = face / 2;
            int sign = face % 2 == 0 ? -1 : 1;
            double[] q = new double[3];
            for (int a = 0; a < 3; a++) {
                q[a] = p[a] + rng.nextDouble() * (p[a + 3] - p[a]);
            }
            double thickness = p[axis + 3] - p[axis];
            double inward = Math.min(positionNoise * rng.nextDouble(), thickness);
            q[axis] = sign < 0 ? p[axis] + inward : p[axis + 3] - inward;
            write(i, q[0], q[1], q[2], axis == 0 ? sign : 0, axis == 1 ? sign : 0, axis == 2 ? sign : 0, colour);
        }
    }

    /** Writes {@code count} points of the axis-aligned rectangle {@code rect} lying in a plane. */
    void sampleRect(double[] rect, int start, int count, int nx, int ny, int nz, float[] colour, List<double[]> avoid) {
        for (int i = start; i < start + count; i++) {
            double[] q = new double[3];
            for (int tries = 0; tries < 10; tries++) {
                for (int a = 0; a < 3; a++) {
                    q[a] = rect[a] + rng.nextDouble() * (rect[a + 3] - rect[a]);
                }
                if (!covered(q, avoid)) {
                    break;
                }
            }
            write(i, q[0], q[1], q[2], nx, ny, nz, colour);
        }
    }

    private static boolean covered(double[] q, List<double[]> footprints) {
        for (double[] f : footprints) {
            if (q[0] > f[0] && q[0] < f[3] && q[1] > f[1] && q[1] < f[4]) {
                return true;
            }
        }
        return false;
    }

    private void write(int i, double x, double y, double z, int nx, int ny, int nz, float[] colour) {
        xyz[3 * i] = (float) x;
        xyz[3 * i + 1] = (float) y;
        xyz[3 * i + 2] = (float) z;
        normals[3 * i] = nx;
        normals[3 * i + 1] = ny;
        normals[3 * i + 2] = nz;
        double shade = 0.85 + 0.15 * (nx * LX + ny * LY + nz * LZ);
        for (int c = 0; c < 3; c++) {
            double noise = colourNoise * (rng.nextDouble() + rng.nextDouble() - 1);
            rgb[3 * i + c] = (float) Math.max(0, Math.min(1, colour[c] * shade + noise));
        }
    }

    /** The first index whose cumulative value exceeds {@code v}. */
    private static int find(double[] cum, double v) {
        int lo = 0;
        int hi = cum.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cum[mid] > v) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
