package io.r1kit.render;

/** 3-vector arithmetic on {@code double[3]}, used to set cameras up (not in the per-point loop). */
final class Vec {

    private Vec() {}

    static double[] sub(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    /** The unit vector along {@code a}; throws with {@code problem} when it has (almost) no length. */
    static double[] normalize(double[] a, String problem) {
        double n = Math.sqrt(dot(a, a));
        if (!(n > 1e-12)) {
            throw new IllegalArgumentException("camera: " + problem);
        }
        return new double[] {a[0] / n, a[1] / n, a[2] / n};
    }
}
