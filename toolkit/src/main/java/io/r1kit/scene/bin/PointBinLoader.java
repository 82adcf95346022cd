package io.r1kit.scene.bin;

import io.r1kit.scene.PointCloud;
import io.r1kit.scene.Scene;
import io.r1kit.scene.SceneFormatException;
import io.r1kit.scene.SceneLoader;
import io.r1kit.scene.SceneSource;
import io.r1kit.scene.scannet.ScanNetBoxes;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Loads mmdetection3d point files: {@code *.bin} holds N rows of float32, little endian, no header.
 * The row layout is set by the column count:
 * <ul>
 *   <li>3: {@code x y z}; points are grey (a note says so)</li>
 *   <li>4: {@code x y z} plus one value such as LiDAR intensity, which is not used; points are grey</li>
 *   <li>6 (default, as mmdetection3d's ScanNet points): {@code x y z r g b}, colours 0..255</li>
 *   <li>9: {@code x y z r g b nx ny nz}</li>
 * </ul>
 * Boxes come from {@code <name>_bbox.npy} beside the file, or from a path given to
 * {@link #load(Path, Path)}; they are read by {@link ScanNetBoxes} (K×7 or K×8). A {@code .bin}
 * file carries no instance labels, so objects have no points.
 *
 * <pre>{@code
 * Scene s = new PointBinLoader().load(Path.of("points/scene0000_00.bin"));
 * Scene t = new PointBinLoader(3).load(Path.of("xyz_only.bin"), Path.of("boxes.npy"));
 * }</pre>
 */
public final class PointBinLoader implements SceneLoader {

    public static final String FORMAT = "mmdet3d-bin";
    public static final int DEFAULT_COLUMNS = 6;

    /** Colour given to points of files without colour columns: mid grey, visible on white and black. */
    static final float GREY = 0.5f;

    private final int columns;

    /** A loader for 6-column rows ({@code x y z r g b}). */
    public PointBinLoader() {
        this(DEFAULT_COLUMNS);
    }

    /**
     * @param columns floats per row: 3, 4, 6 or 9
     * @throws IllegalArgumentException for another count
     */
    public PointBinLoader(int columns) {
        if (columns != 3 && columns != 4 && columns != 6 && columns != 9) {
            throw new IllegalArgumentException("a .bin point row has 3, 4, 6 or 9 columns, not " + columns);
        }
        this.columns = columns;
    }

    public int columns() {
        return columns;
    }

    @Override
    public String format() {
        return FORMAT;
    }

    /** A file (or a path that is not a folder) whose name ends with {@code .bin}. */
    @Override
    public boolean accepts(Path path) {
        return path.getFileName() != null && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".bin")
                && !Files.isDirectory(path);
    }

    /** Reads {@code bin}, with boxes from {@code <name>_bbox.npy} beside it when that exists. */
    @Override
    public Scene load(Path bin) throws IOException {
        Path sibling = bin.resolveSibling(baseName(bin) + "_bbox.npy");
        return load(bin, Files.exists(sibling) ? sibling : null);
    }

    /**
     * Reads {@code bin} with the boxes of {@code bbox}, or none when it is {@code null}.
     *
     * @throws SceneFormatException naming the file: empty, not a whole number of rows, NaN, colour out of range, bad boxes
     */
    public Scene load(Path bin, Path bbox) throws IOException {
        List<String> notes = new ArrayList<>();
        PointCloud points = toCloud(bin, readRows(bin), notes);
        Scene.Builder scene = Scene.builder(baseName(bin)).points(points);
        if (bbox != null) {
            ScanNetBoxes.Result boxes = ScanNetBoxes.read(bbox, points.xyzArray(), null);
            scene.objects(boxes.objects());
            notes.addAll(boxes.notes());
        }
        return scene.source(new SceneSource(bin, FORMAT, notes)).build();
    }

    private float[] readRows(Path bin) throws IOException {
        long size = Files.size(bin);
        int rowBytes = 4 * columns;
        if (size == 0) {
            throw new SceneFormatException(bin, "file is empty (expected float32 rows of " + columns + " columns)");
        }
        if (size % rowBytes != 0) {
            throw new SceneFormatException(bin, String.format(Locale.ROOT,
                    "truncated: %,d bytes is not a whole number of %d-byte rows (%d float32 columns)", size, rowBytes, columns));
        }
        if (size > Integer.MAX_VALUE) {
            throw new SceneFormatException(bin, String.format(Locale.ROOT, "%,d bytes is more than this reader holds (2 GiB)", size));
        }
        float[] v = new float[(int) (size / 4)];
        ByteBuffer.wrap(Files.readAllBytes(bin)).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        for (int i = 0; i < v.length; i++) {
            if (!Float.isFinite(v[i])) {
                throw new SceneFormatException(bin, "row " + i / columns + ", column " + i % columns + " is " + v[i]
                        + " (finite values expected)");
            }
        }
        return v;
    }

    private PointCloud toCloud(Path bin, float[] v, List<String> notes) throws SceneFormatException {
        int n = v.length / columns;
        float[] xyz = new float[3 * n];
        float[] rgb = new float[3 * n];
        float[] normals = columns == 9 ? new float[3 * n] : null;
        boolean colour = columns >= 6;
        for (int r = 0; r < n; r++) {
            int o = r * columns;
            for (int a = 0; a < 3; a++) {
                xyz[3 * r + a] = v[o + a];
                if (colour) {
                    float c = v[o + 3 + a];
                    if (c < 0 || c > 255) {
                        throw new SceneFormatException(bin, "row " + r + ", column " + (3 + a) + ": colour " + c
                                + " is outside 0..255");
                    }
                    rgb[3 * r + a] = c / 255f;
                } else {
                    rgb[3 * r + a] = GREY;
                }
                if (normals != null) {
                    normals[3 * r + a] = v[o + 6 + a];
                }
            }
        }
        if (columns == 3) {
            notes.add(bin.getFileName() + " has no colour columns: points are grey");
        } else if (columns == 4) {
            notes.add(bin.getFileName() + ": column 3 (e.g. intensity) is not used; points are grey");
        }
        return new PointCloud(xyz, rgb, normals);
    }

    private static String baseName(Path bin) {
        String name = bin.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(".bin") ? name.substring(0, name.length() - 4) : name;
    }
}
