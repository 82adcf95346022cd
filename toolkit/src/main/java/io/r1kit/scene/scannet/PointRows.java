package io.r1kit.scene.scannet;

import io.r1kit.scene.PointCloud;
import io.r1kit.scene.SceneFormatException;

import java.nio.file.Path;

/** Splits row-major point rows ({@code x y z r g b [nx ny nz]}) into a {@link PointCloud}. */
final class PointRows {

    private PointRows() {}

    /**
     * @param v          rows × cols values, row-major, all finite; cols is 6 or 9
     * @param colorScale the value of full intensity (255 for 8-bit colours)
     * @throws SceneFormatException naming the row when a colour is outside 0..colorScale
     */
    static PointCloud toCloud(Path file, float[] v, int rows, int cols, float colorScale) throws SceneFormatException {
        float[] xyz = new float[rows * 3];
        float[] rgb = new float[rows * 3];
        float[] normals = cols == 9 ? new float[rows * 3] : null;
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            for (int a = 0; a < 3; a++) {
                xyz[3 * r + a] = v[o + a];
                float c = v[o + 3 + a];
                if (c < 0 || c > colorScale) {
                    throw new SceneFormatException(file, "row " + r + ", column " + (3 + a) + ": colour " + c
                            + " is outside 0.." + (int) colorScale);
                }
                rgb[3 * r + a] = c / colorScale;
                if (normals != null) {
                    normals[3 * r + a] = v[o + 6 + a];
                }
            }
        }
        return new PointCloud(xyz, rgb, normals);
    }
}
