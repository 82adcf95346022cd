package io.r1kit.scene.scannet;

import io.r1kit.scene.PointCloud;
import io.r1kit.scene.Scene;
import io.r1kit.scene.SceneFormatException;
import io.r1kit.scene.SceneLoader;
import io.r1kit.scene.SceneSource;
import io.r1kit.scene.npy.NpyArray;
import io.r1kit.scene.npy.NpyDtype;
import io.r1kit.scene.npy.NpyReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Loads a ScanNet scan in the preprocessed layout of VoteNet, LL3DA and 3D-R1.
 *
 * <p>Files of scan {@code S}, side by side:
 * <ul>
 *   <li>{@code S_vert.npy} or {@code S_aligned_vert.npy}: N×6 ({@code x y z r g b}, colours 0..255)
 *       or N×9 (plus normals). Required.</li>
 *   <li>{@code S_ins_label.npy}, {@code S_sem_label.npy}: N per-point instance ids and NYU40 ids, any
 *       integer dtype (uint32 in practice). Optional.</li>
 *   <li>{@code S_bbox.npy} or {@code S_aligned_bbox.npy}: K×7 or K×8 boxes, read by
 *       {@link ScanNetBoxes} (see there for how objects get their ids, labels and points). Optional.</li>
 * </ul>
 * {@link #load(Path)} takes any of these files, the prefix {@code .../S}, or a folder holding exactly
 * one scan. Points and boxes come from the same frame: an {@code aligned} path reads the aligned pair,
 * a plain one the plain pair, and a prefix or folder prefers the aligned pair when present.
 *
 * <p>A label file whose length is not N is <b>unusable</b>: the scene is loaded without those
 * per-point labels (and objects without points), and a {@link SceneSource} note names the file and
 * both counts. Labels are never truncated or padded to fit. Errors name the file and the problem:
 * points or boxes with the wrong number of columns, NaN or infinite values (with the row), colours
 * outside 0..255, label files that are not 1-d integer arrays.
 *
 * <pre>{@code
 * Scene s = new ScanNetNpyLoader().load(Path.of("data/scannet/scene0000_02_vert.npy"));
 * s.source().notes();   // e.g. "scene0000_02_ins_label.npy has 1,000 entries for 50,000 points: ..."
 * }</pre>
 */
public final class ScanNetNpyLoader implements SceneLoader {

    public static final String FORMAT = "scannet-npy";

    @Override
    public String format() {
        return FORMAT;
    }

    /** A file with one of the layout's suffixes, a folder with a points file, or a prefix with one next to it. */
    @Override
    public boolean accepts(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        if (ScanNpyFiles.suffixOf(name) != null) {
            return true;
        }
        try {
            if (Files.isDirectory(path)) {
                return !ScanNpyFiles.scansIn(path).isEmpty();
            }
        } catch (IOException e) {
            return false;
        }
        return Files.exists(path.resolveSibling(name + ScanNpyFiles.VERT))
                || Files.exists(path.resolveSibling(name + ScanNpyFiles.ALIGNED_VERT));
    }

    @Override
    public Scene load(Path path) throws IOException {
        ScanNpyFiles files = ScanNpyFiles.resolve(path);
        List<String> notes = new ArrayList<>(files.notes());
        PointCloud points = readPoints(files.vert());
        int n = points.size();
        int[] ins = readLabels(files.ins(), n, "instance", notes);
        int[] sem = readLabels(files.sem(), n, "semantic", notes);
        Scene.Builder scene = Scene.builder(files.scanId()).points(points).instanceLabels(ins).semanticLabels(sem);
        if (files.bbox() != null) {
            ScanNetBoxes.Result boxes = ScanNetBoxes.read(files.bbox(), points.xyzArray(), ins);
            scene.objects(boxes.objects());
            notes.addAll(boxes.notes());
        }
        return scene.source(new SceneSource(files.vert(), FORMAT, notes)).build();
    }

    /** Reads an N×6 or N×9 points file; colours are scaled from 0..255 to [0, 1]. */
    static PointCloud readPoints(Path file) throws IOException {
        NpyArray a = NpyReader.read(file);
        if (a.ndim() != 2 || (a.cols() != 6 && a.cols() != 9)) {
            throw new SceneFormatException(file, "expected N×6 points (x, y, z, r, g, b) or N×9 (with normals),"
                    + " shape is " + a.shapeString());
        }
        NpyReader.requireFinite(file, a);
        return PointRows.toCloud(file, a.toFloatArray(), a.rows(), a.cols(), 255f);
    }

    /** The labels in {@code file}, or {@code null} (with a note) when it is absent or its length is not n. */
    private static int[] readLabels(Path file, int n, String kind, List<String> notes) throws IOException {
        if (file == null) {
            return null;
        }
        NpyArray a = NpyReader.read(file);
        if (a.ndim() != 1 || a.dtype().kind() == NpyDtype.Kind.FLOAT) {
            throw new SceneFormatException(file, "expected a 1-d array of integer " + kind + " labels, found "
                    + a.dtype().descr() + " of shape " + a.shapeString());
        }
        if (a.size() != n) {
            notes.add(String.format(Locale.ROOT, "%s has %,d entries for %,d points: per-point %s labels omitted (unusable)",
                    file.getFileName(), a.size(), n, kind));
            return null;
        }
        try {
            return a.toIntArray();
        } catch (ArithmeticException e) {
            throw new SceneFormatException(file, e.getMessage());
        }
    }
}
