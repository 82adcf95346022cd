package io.r1kit.render;

import io.r1kit.scene.Box3;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;

/**
 * Draws an axis-aligned 3D box as its 12 projected edges. Edges are clipped to the camera's near
 * plane in camera coordinates <b>before</b> the perspective divide, so a box around or behind the
 * camera draws only its parts in front (dividing by a negative depth would mirror the corners).
 */
final class BoxWireframe {

    /** Corner indices of the 12 edges; corner {@code k} has x = max when bit 0 is set, y bit 1, z bit 2. */
    private static final int[][] EDGES = {{0, 1}, {2, 3}, {4, 5}, {6, 7}, {0, 2}, {1, 3}, {4, 6}, {5, 7},
        {0, 4}, {1, 5}, {2, 6}, {3, 7}};

    private BoxWireframe() {}

    /** The 8 corners of {@code box} in camera coordinates {right, down, forward}. */
    static double[][] cornersInCamera(Camera camera, Box3 box) {
        double[][] c = new double[8][];
        for (int k = 0; k < 8; k++) {
            c[k] = camera.toCamera((k & 1) != 0 ? box.maxX() : box.minX(), (k & 2) != 0 ? box.maxY() : box.minY(),
                    (k & 4) != 0 ? box.maxZ() : box.minZ());
        }
        return c;
    }

    /**
     * Draws the visible part of each edge; returns the image point {@code {u, v}} of the highest
     * drawn end point (where a label goes), or {@code null} when no edge is in front of the camera.
     */
    static double[] draw(Graphics2D g, Camera camera, Box3 box, Color colour, float width, double near) {
        double[][] c = cornersInCamera(camera, box);
        g.setColor(colour);
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        double[] top = null;
        for (int[] e : EDGES) {
            double[] a = c[e[0]];
            double[] b = c[e[1]];
            if (a[2] < near && b[2] < near) {
                continue;
            }
            if (a[2] < near) {
                a = clip(b, a, near);
            } else if (b[2] < near) {
                b = clip(a, b, near);
            }
            double[] pa = toImage(camera, a);
            double[] pb = toImage(camera, b);
            g.draw(new Line2D.Double(pa[0], pa[1], pb[0], pb[1]));
            for (double[] p : new double[][] {pa, pb}) {
                if (top == null || p[1] < top[1]) {
                    top = p;
                }
            }
        }
        return top;
    }

    /** The point between {@code in} (in front) and {@code out} (behind) where depth equals {@code near}. */
    static double[] clip(double[] in, double[] out, double near) {
        double t = (in[2] - near) / (in[2] - out[2]);
        return new double[] {in[0] + t * (out[0] - in[0]), in[1] + t * (out[1] - in[1]), near};
    }

    /** Perspective divide of a camera-frame point with positive depth. */
    static double[] toImage(Camera camera, double[] p) {
        return new double[] {camera.fx() * p[0] / p[2] + camera.cx(), camera.fy() * p[1] / p[2] + camera.cy()};
    }
}
