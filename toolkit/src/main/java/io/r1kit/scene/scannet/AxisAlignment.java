package io.r1kit.scene.scannet;

import io.r1kit.scene.SceneFormatException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The 4x4 row-major transform of a ScanNet scan's {@code <scan>.txt} ({@code axisAlignment = m00 m01
 * ... m33}) that turns the scan so its walls line up with the x and y axes.
 *
 * <pre>{@code
 * AxisAlignment.read(Path.of("scene0000_00/scene0000_00.txt")).ifPresent(a -> a.applyToPoints(xyz));
 * }</pre>
 */
public final class AxisAlignment {

    private final double[] m;

    /** A transform from 16 row-major numbers; the last row is expected to be {@code 0 0 0 1}. */
    public AxisAlignment(double[] rowMajor) {
        if (rowMajor.length != 16) {
            throw new IllegalArgumentException("an axis alignment has 16 numbers, got " + rowMajor.length);
        }
        this.m = rowMajor.clone();
    }

    /**
     * The {@code axisAlignment} line of {@code txt}, or empty when the file has none.
     *
     * @throws SceneFormatException when the line does not hold 16 numbers
     */
    public static Optional<AxisAlignment> read(Path txt) throws IOException {
        for (String line : Files.readAllLines(txt, StandardCharsets.UTF_8)) {
            int eq = line.indexOf('=');
            if (eq < 0 || !line.substring(0, eq).strip().equals("axisAlignment")) {
                continue;
            }
            String[] f = line.substring(eq + 1).strip().split("\\s+");
            if (f.length != 16) {
                throw new SceneFormatException(txt, "axisAlignment has " + f.length + " numbers, expected 16");
            }
            double[] m = new double[16];
            for (int i = 0; i < 16; i++) {
                try {
                    m[i] = Double.parseDouble(f[i]);
                } catch (NumberFormatException e) {
                    throw new SceneFormatException(txt, "axisAlignment value " + (i + 1) + " '" + f[i]
                            + "' is not a number");
                }
                if (!Double.isFinite(m[i])) {
                    throw new SceneFormatException(txt, "axisAlignment value " + (i + 1) + " is not finite");
                }
            }
            return Optional.of(new AxisAlignment(m));
        }
        return Optional.empty();
    }

    /** Element (row, col) of the matrix. */
    public double get(int row, int col) {
        return m[4 * row + col];
    }

    /** Transforms the 3N coordinates in place: {@code p' = R p + t} (the affine part of the matrix). */
    public void applyToPoints(float[] xyz) {
        for (int i = 0; i < xyz.length; i += 3) {
            double x = xyz[i], y = xyz[i + 1], z = xyz[i + 2];
            for (int r = 0; r < 3; r++) {
                xyz[i + r] = (float) (m[4 * r] * x + m[4 * r + 1] * y + m[4 * r + 2] * z + m[4 * r + 3]);
            }
        }
    }

    /** Rotates the 3N normals in place by the upper-left 3x3 block (no translation). */
    public void applyToNormals(float[] normals) {
        for (int i = 0; i < normals.length; i += 3) {
            double x = normals[i], y = normals[i + 1], z = normals[i + 2];
            for (int r = 0; r < 3; r++) {
                normals[i + r] = (float) (m[4 * r] * x + m[4 * r + 1] * y + m[4 * r + 2] * z);
            }
        }
    }
}
