package io.r1kit.scene.ply;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** An independent plain-text reading of an ASCII triangle mesh, to check that samples lie on it. */
final class MeshCheck {

    private final double[][] v;
    private final int[][] tris;

    private MeshCheck(double[][] v, int[][] tris) {
        this.v = v;
        this.tris = tris;
    }

    static MeshCheck readAsciiTriangles(Path file, int headerLines, int vertices, int faces) throws IOException {
        List<String> lines = Files.readAllLines(file, java.nio.charset.StandardCharsets.ISO_8859_1);
        double[][] v = new double[vertices][3];
        for (int i = 0; i < vertices; i++) {
            String[] f = lines.get(headerLines + i).trim().split("\\s+");
            for (int a = 0; a < 3; a++) {
                v[i][a] = Double.parseDouble(f[a]);
            }
        }
        int[][] t = new int[faces][3];
        for (int i = 0; i < faces; i++) {
            String[] f = lines.get(headerLines + vertices + i).trim().split("\\s+");
            for (int a = 0; a < 3; a++) {
                t[i][a] = Integer.parseInt(f[a + 1]);
            }
        }
        return new MeshCheck(v, t);
    }

    /** Distance from the point to the nearest triangle (plane distance when its projection is inside). */
    double distance(double x, double y, double z) {
        double best = Double.MAX_VALUE;
        for (int[] t : tris) {
            double[] a = v[t[0]];
            double[] u = sub(v[t[1]], a);
            double[] w = sub(v[t[2]], a);
            double[] p = sub(new double[] {x, y, z}, a);
            double uu = dot(u, u), uw = dot(u, w), ww = dot(w, w), pu = dot(p, u), pw = dot(p, w);
            double den = uu * ww - uw * uw;
            if (den <= 0) {
                continue;
            }
            double s = (ww * pu - uw * pw) / den;
            double r = (uu * pw - uw * pu) / den;
            if (s < -1e-4 || r < -1e-4 || s + r > 1 + 1e-4) {
                continue;
            }
            double[] q = {p[0] - s * u[0] - r * w[0], p[1] - s * u[1] - r * w[1], p[2] - s * u[2] - r * w[2]};
            best = Math.min(best, Math.sqrt(dot(q, q)));
        }
        return best;
    }

    private static double[] sub(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }
}
