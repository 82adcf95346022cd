package io.r1kit.scene.scannet;

import io.r1kit.scene.Box3;
import io.r1kit.scene.SceneFormatException;
import io.r1kit.scene.SceneObject;
import io.r1kit.scene.npy.NpyArray;
import io.r1kit.scene.npy.NpyReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a ScanNet box file ({@code <scan>_bbox.npy} / {@code <scan>_aligned_bbox.npy}, also used
 * next to mmdetection3d {@code .bin} points) into scene objects.
 *
 * <p>Rows are {@code cx, cy, cz, dx, dy, dz, nyu40 label} (K×7) or the same plus an object id
 * (K×8). Rules:
 * <ul>
 *   <li>K×8: the id column names the object; its points are those whose instance label equals the id.</li>
 *   <li>K×7: objects get ids 1..K in file order. Their points are found by overlap: each instance
 *       label's points are boxed, and boxes and instances are paired greedily by highest IoU, at
 *       least {@value #MIN_MATCH_IOU}, one to one (VoteNet derives each box from one instance's
 *       points, so true pairs overlap almost perfectly). Unpaired boxes keep no points.</li>
 *   <li>Without usable instance labels, objects have no points.</li>
 *   <li>A label that is a whole number but not an NYU40 id (1..40) does not stop loading: the object
 *       is labelled {@code "unknown"} with semantic id -1, and a note lists the rows.</li>
 *   <li>Errors: wrong shape, NaN or infinite values, negative sizes, labels or ids that are not whole
 *       numbers, and repeated ids.</li>
 * </ul>
 */
public final class ScanNetBoxes {

    /** The least IoU at which a K×7 box and an instance's points are taken to be the same object. */
    public static final double MIN_MATCH_IOU = 0.5;

    /** Objects read from a box file, and the notes the reader wants the user to see. */
    public record Result(List<SceneObject> objects, List<String> notes) {
        public Result {
            objects = List.copyOf(objects);
            notes = List.copyOf(notes);
        }
    }

    private ScanNetBoxes() {}

    /**
     * Reads {@code file}.
     *
     * @param xyz            3N point coordinates of the scene
     * @param instanceLabels N per-point instance labels, or {@code null} when the scene has no usable ones
     * @throws SceneFormatException naming the file and the row on bad input
     */
    public static Result read(Path file, float[] xyz, int[] instanceLabels) throws IOException {
        NpyArray a = NpyReader.read(file);
        boolean rowsOf7or8 = a.ndim() == 2 && (a.cols() == 7 || a.cols() == 8);
        if (a.size() == 0 && (a.ndim() == 1 || rowsOf7or8)) {
            return new Result(List.of(), List.of()); // a scan without objects: numpy saves (0,) or (0, 7)
        }
        if (!rowsOf7or8) {
            throw new SceneFormatException(file, "expected K×7 boxes (cx, cy, cz, dx, dy, dz, nyu40 label) or K×8"
                    + " (with an object id), shape is " + a.shapeString());
        }
        NpyReader.requireFinite(file, a);
        int k = a.rows();
        int cols = a.cols();
        double[] v = a.toDoubleArray();
        ScanNetLabels names = ScanNetLabels.nyu40();
        List<String> notes = new ArrayList<>();
        List<Integer> unknownRows = new ArrayList<>();
        Map<Integer, Integer> rowOfId = new HashMap<>();
        Box3[] boxes = new Box3[k];
        int[] ids = new int[k];
        int[] labels = new int[k];
        for (int r = 0; r < k; r++) {
            int o = r * cols;
            if (v[o + 3] < 0 || v[o + 4] < 0 || v[o + 5] < 0) {
                throw new SceneFormatException(file, "row " + r + " has a negative size (" + v[o + 3] + ", "
                        + v[o + 4] + ", " + v[o + 5] + ")");
            }
            boxes[r] = new Box3((float) v[o], (float) v[o + 1], (float) v[o + 2],
                    (float) v[o + 3], (float) v[o + 4], (float) v[o + 5]);
            labels[r] = whole(file, v[o + 6], r, "label");
            if (!ScanNetLabels.isNyu40(labels[r])) {
                unknownRows.add(r);
            }
            ids[r] = cols == 8 ? whole(file, v[o + 7], r, "object id") : r + 1;
            Integer first = rowOfId.putIfAbsent(ids[r], r);
            if (first != null) {
                throw new SceneFormatException(file, "row " + r + " repeats object id " + ids[r] + " of row " + first);
            }
        }
        int[][] points = new int[k][0];
        if (instanceLabels != null) {
            Map<Integer, int[]> byInstance = InstancePoints.group(instanceLabels);
            if (cols == 8) {
                int empty = 0;
                for (int r = 0; r < k; r++) {
                    points[r] = byInstance.getOrDefault(ids[r], new int[0]);
                    empty += points[r].length == 0 ? 1 : 0;
                }
                if (empty > 0) {
                    notes.add(file.getFileName() + ": " + empty + " of " + k + " object ids have no points with that instance label");
                }
            } else {
                int matched = InstancePoints.matchByOverlap(boxes, byInstance, xyz, MIN_MATCH_IOU, points);
                notes.add(file.getFileName() + " has no object id column: " + matched + " of " + k
                        + " boxes were paired with instance labels by overlap (IoU >= " + MIN_MATCH_IOU + ")");
            }
        }
        if (!unknownRows.isEmpty()) {
            notes.add(file.getFileName() + ": rows " + unknownRows + " have labels "
                    + unknownRows.stream().map(r -> labels[r]).toList() + " that are not NYU40 ids (1..40);"
                    + " those objects are labelled \"unknown\"");
        }
        List<SceneObject> objects = new ArrayList<>(k);
        for (int r = 0; r < k; r++) {
            boolean known = ScanNetLabels.isNyu40(labels[r]);
            objects.add(new SceneObject(ids[r], known ? names.nyu40Name(labels[r]) : "unknown",
                    known ? labels[r] : -1, boxes[r], points[r]));
        }
        return new Result(objects, notes);
    }

    private static int whole(Path file, double value, int row, String what) throws SceneFormatException {
        if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
            throw new SceneFormatException(file, "row " + row + ": " + what + " " + value + " is not a whole number");
        }
        return (int) value;
    }
}
