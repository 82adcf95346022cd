package io.r1kit.scene.scannet;

import io.r1kit.SharedData;
import io.r1kit.scene.Box3;
import io.r1kit.scene.Scene;
import io.r1kit.scene.SceneFormatException;
import io.r1kit.scene.SceneObject;
import io.r1kit.scene.npy.NpyArray;
import io.r1kit.scene.npy.NpyDtype;
import io.r1kit.scene.npy.NpyWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScanNetNpyLoaderTest {

    /** Six points: one unlabelled, instance 1 around (0.5, 0.5, 0.5), instance 2 around (5, 5, 1). */
    static final float[] POINTS = {
        9, 9, 9, 0, 0, 0,
        0, 0, 0, 255, 0, 0,
        1, 1, 1, 255, 0, 0,
        4, 4, 0, 0, 255, 0,
        6, 6, 2, 0, 255, 0,
        5, 5, 1, 0, 0, 255,
    };
    static final long[] INS = {0, 1, 1, 2, 2, 2};
    static final long[] SEM = {0, 5, 5, 7, 7, 7};

    private final ScanNetNpyLoader loader = new ScanNetNpyLoader();

    @TempDir
    Path dir;

    @Test
    void realScanLoadsWithItsLabelFilesReportedUnusable() throws Exception {
        Scene scene = loader.load(SharedData.path("scannet/scene0000_02_vert.npy"));
        assertEquals("scene0000_02", scene.id());
        assertEquals(50_000, scene.points().size());
        assertEquals(28, scene.objects().size());
        // Values as numpy prints them: bbox[0] = [2.563316822052002, -2.9170937538146973, 0.5485744476318359,
        // 1.835107445716858, 0.6583175659179688, 1.0472769737243652, 3.0]; NYU40 id 3 is "cabinet".
        SceneObject first = scene.objects().get(0);
        assertEquals(new Box3(2.563316822052002f, -2.9170937538146973f, 0.5485744476318359f,
                1.835107445716858f, 0.6583175659179688f, 1.0472769737243652f), first.box());
        assertEquals(1, first.id());
        assertEquals("cabinet", first.label());
        assertEquals(3, first.semanticId());
        assertEquals(0, first.pointCount());
        assertEquals("otherfurniture", scene.objects().get(27).label());
        assertEquals(28, scene.objects().get(27).id());
        assertTrue(scene.instanceLabels().isEmpty());
        assertTrue(scene.semanticLabels().isEmpty());
        assertEquals(List.of(
                "scene0000_02_ins_label.npy has 1,000 entries for 50,000 points: per-point instance labels omitted (unusable)",
                "scene0000_02_sem_label.npy has 1,000 entries for 50,000 points: per-point semantic labels omitted (unusable)"),
                scene.source().notes());
        assertEquals("scannet-npy", scene.source().format());
        // First vertex is (-3.3927393, 1.2270247, 2.5039315) with colour (130, 118, 95).
        assertEquals(-3.3927393f, scene.points().x(0));
        assertEquals(130f / 255f, scene.points().r(0));
        assertEquals(95f / 255f, scene.points().b(0));
        float[] rgb = scene.points().rgbArray();
        for (float c : rgb) {
            assertTrue(c >= 0f && c <= 1f);
        }
    }

    @Test
    void realScanLoadsFromAnyOfItsPaths() throws Exception {
        for (String p : List.of("scannet", "scannet/scene0000_02", "scannet/scene0000_02_bbox.npy",
                "scannet/scene0000_02_ins_label.npy")) {
            Path path = p.equals("scannet/scene0000_02") ? SharedData.path("scannet").resolve("scene0000_02") : SharedData.path(p);
            assertTrue(loader.accepts(path), p);
            Scene scene = loader.load(path);
            assertEquals(50_000, scene.points().size(), p);
            assertEquals(28, scene.objects().size(), p);
        }
        assertFalse(loader.accepts(SharedData.path("meta")));
        assertFalse(loader.accepts(SharedData.path("ply/cube.ply")));
    }

    @Test
    void objectIdColumnGivesEachObjectItsInstancePoints() throws Exception {
        writeScan("scene0001_00", POINTS, 6);
        // K×8: ids in the last column, deliberately not in file order; label 5 = chair, 7 = table.
        NpyWriter.write(dir.resolve("scene0001_00_bbox.npy"), NpyArray.ofDoubles(new double[] {
            5, 5, 1, 2, 2, 2, 7, 2,
            0.5, 0.5, 0.5, 1, 1, 1, 5, 1}, 2, 8));
        Scene scene = loader.load(dir.resolve("scene0001_00_vert.npy"));
        assertEquals(List.of(), scene.source().notes());
        assertArrayEquals(new int[] {0, 1, 1, 2, 2, 2}, scene.instanceLabels().orElseThrow());
        assertArrayEquals(new int[] {0, 5, 5, 7, 7, 7}, scene.semanticLabels().orElseThrow());
        assertArrayEquals(new int[] {3, 4, 5}, scene.object(2).orElseThrow().pointIndices());
        assertEquals("table", scene.object(2).orElseThrow().label());
        assertArrayEquals(new int[] {1, 2}, scene.object(1).orElseThrow().pointIndices());
        assertEquals("chair", scene.object(1).orElseThrow().label());
    }

    @Test
    void boxesWithoutIdsArePairedWithInstancesByOverlap() throws Exception {
        writeScan("s", POINTS, 6);
        // Box 1 is exactly instance 2's extent, box 2 instance 1's, box 3 overlaps nothing; label 0 is not NYU40.
        NpyWriter.write(dir.resolve("s_bbox.npy"), NpyArray.ofDoubles(new double[] {
            5, 5, 1, 2, 2, 2, 7,
            0.5, 0.5, 0.5, 1, 1, 1, 5,
            -20, -20, -20, 1, 1, 1, 0}, 3, 7));
        Scene scene = loader.load(dir.resolve("s"));
        assertEquals(List.of(
                "s_bbox.npy has no object id column: 2 of 3 boxes were paired with instance labels by overlap (IoU >= 0.5)",
                "s_bbox.npy: rows [2] have labels [0] that are not NYU40 ids (1..40); those objects are labelled \"unknown\""),
                scene.source().notes());
        assertArrayEquals(new int[] {3, 4, 5}, scene.object(1).orElseThrow().pointIndices());
        assertArrayEquals(new int[] {1, 2}, scene.object(2).orElseThrow().pointIndices());
        SceneObject far = scene.object(3).orElseThrow();
        assertEquals(0, far.pointCount());
        assertEquals("unknown", far.label());
        assertEquals(-1, far.semanticId());
    }

    @Test
    void normalsAreReadFromNineColumns() throws Exception {
        float[] nine = {1, 2, 3, 0, 128, 255, 0, 0, 1, 4, 5, 6, 255, 255, 255, 1, 0, 0};
        NpyWriter.write(dir.resolve("n_aligned_vert.npy"), NpyArray.ofFloats(nine, 2, 9));
        Scene scene = loader.load(dir);
        assertArrayEquals(new float[] {0, 0, 1, 1, 0, 0}, scene.points().normalsArray());
        assertEquals(128f / 255f, scene.points().g(0));
        assertEquals(List.of("no n_aligned_bbox.npy: the scene has no objects"), scene.source().notes());
    }

    @Test
    void fortranOrderBigEndianPointsLoadIdentically() throws Exception {
        writeScan("c", POINTS, 6);
        // The same 6×6 values written by hand column by column, big endian, as float32.
        ByteBuffer data = ByteBuffer.allocate(POINTS.length * 4).order(ByteOrder.BIG_ENDIAN);
        for (int col = 0; col < 6; col++) {
            for (int row = 0; row < 6; row++) {
                data.putFloat(POINTS[row * 6 + col]);
            }
        }
        Path f = dir.resolve("f");
        Files.createDirectory(f);
        writeRaw(f.resolve("c_vert.npy"), "{'descr': '>f4', 'fortran_order': True, 'shape': (6, 6), }", data.array());
        Scene c = loader.load(dir.resolve("c_vert.npy"));
        Scene fortran = loader.load(f.resolve("c_vert.npy"));
        assertArrayEquals(c.points().xyzArray(), fortran.points().xyzArray());
        assertArrayEquals(c.points().rgbArray(), fortran.points().rgbArray());
        assertEquals(5f, fortran.points().x(5));
    }

    @Test
    void badPointFiles() throws Exception {
        NpyWriter.write(dir.resolve("a_vert.npy"), NpyArray.ofFloats(new float[10], 2, 5));
        assertProblem("a_vert.npy: expected N×6 points (x, y, z, r, g, b) or N×9 (with normals), shape is (2, 5)", "a_vert.npy");
        float[] nan = POINTS.clone();
        nan[3 * 6 + 1] = Float.NaN;
        NpyWriter.write(dir.resolve("b_vert.npy"), NpyArray.ofFloats(nan, 6, 6));
        assertProblem("b_vert.npy: row 3, column 1 is NaN (finite values expected)", "b_vert.npy");
        float[] bright = POINTS.clone();
        bright[4 * 6 + 5] = 300;
        NpyWriter.write(dir.resolve("c_vert.npy"), NpyArray.ofFloats(bright, 6, 6));
        assertProblem("c_vert.npy: row 4, column 5: colour 300.0 is outside 0..255", "c_vert.npy");
        NpyWriter.write(dir.resolve("d_vert.npy"), NpyArray.ofFloats(POINTS, 6, 6));
        byte[] whole = Files.readAllBytes(dir.resolve("d_vert.npy"));
        Files.write(dir.resolve("d_vert.npy"), java.util.Arrays.copyOf(whole, whole.length - 10));
        assertProblem("d_vert.npy: data is truncated: shape (6, 6) of <f4 needs 144 bytes, found 134", "d_vert.npy");
    }

    @Test
    void badBoxAndLabelFiles() throws Exception {
        writeScan("a", POINTS, 6);
        NpyWriter.write(dir.resolve("a_bbox.npy"), NpyArray.ofDoubles(new double[12], 2, 6));
        assertProblem("a_bbox.npy: expected K×7 boxes (cx, cy, cz, dx, dy, dz, nyu40 label) or K×8 (with an object id),"
                + " shape is (2, 6)", "a_vert.npy");
        NpyWriter.write(dir.resolve("a_bbox.npy"), NpyArray.ofDoubles(new double[] {0, 0, 0, 1, 1, 1, 2.5}, 1, 7));
        assertProblem("a_bbox.npy: row 0: label 2.5 is not a whole number", "a_vert.npy");
        NpyWriter.write(dir.resolve("a_bbox.npy"), NpyArray.ofDoubles(new double[] {0, 0, 0, 1, Double.NaN, 1, 3}, 1, 7));
        assertProblem("a_bbox.npy: row 0, column 4 is NaN (finite values expected)", "a_vert.npy");
        NpyWriter.write(dir.resolve("a_bbox.npy"), NpyArray.ofDoubles(new double[] {
            0, 0, 0, 1, 1, 1, 3, 4, 1, 1, 1, 1, 1, 1, 3, 4}, 2, 8));
        assertProblem("a_bbox.npy: row 1 repeats object id 4 of row 0", "a_vert.npy");
        NpyWriter.write(dir.resolve("a_bbox.npy"), NpyArray.ofDoubles(new double[] {0, 0, 0, 1, -1, 1, 3}, 1, 7));
        assertProblem("a_bbox.npy: row 0 has a negative size (1.0, -1.0, 1.0)", "a_vert.npy");
        Files.delete(dir.resolve("a_bbox.npy"));
        NpyWriter.write(dir.resolve("a_ins_label.npy"), NpyArray.ofFloats(new float[6]));
        assertProblem("a_ins_label.npy: expected a 1-d array of integer instance labels, found <f4 of shape (6,)", "a_vert.npy");
    }

    @Test
    void emptyBoxFilesMeanNoObjects() throws Exception {
        writeScan("e", POINTS, 6);
        NpyWriter.write(dir.resolve("e_bbox.npy"), NpyArray.ofDoubles(new double[0], 0, 7));
        assertEquals(0, loader.load(dir.resolve("e")).objects().size());
        NpyWriter.write(dir.resolve("e_bbox.npy"), NpyArray.ofDoubles(new double[0]));
        assertEquals(0, loader.load(dir.resolve("e")).objects().size());
        NpyWriter.write(dir.resolve("e_bbox.npy"), NpyArray.ofDoubles(new double[0], 0, 5));
        assertProblem("e_bbox.npy: expected K×7 boxes (cx, cy, cz, dx, dy, dz, nyu40 label) or K×8 (with an object id),"
                + " shape is (0, 5)", "e_vert.npy");
    }

    @Test
    void folderWithSeveralScansListsThem() throws Exception {
        writeScan("scene0002_00", POINTS, 6);
        writeScan("scene0001_00", POINTS, 6);
        SceneFormatException e = assertThrows(SceneFormatException.class, () -> loader.load(dir));
        assertEquals(dir.getFileName() + ": holds 2 scans [scene0001_00, scene0002_00]; give the path of one of them,"
                + " e.g. scene0001_00_vert.npy", e.getMessage());
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertFalse(loader.accepts(empty));
        assertEquals("empty: no <scan>_vert.npy or <scan>_aligned_vert.npy file in this folder",
                assertThrows(SceneFormatException.class, () -> loader.load(empty)).getMessage());
    }

    @Test
    void alignedAndPlainFramesAreNotMixed() throws Exception {
        writeScan("m", POINTS, 6);
        NpyWriter.write(dir.resolve("m_aligned_vert.npy"), NpyArray.ofFloats(POINTS, 6, 6));
        NpyWriter.write(dir.resolve("m_bbox.npy"), NpyArray.ofDoubles(new double[] {0.5, 0.5, 0.5, 1, 1, 1, 5}, 1, 7));
        Scene aligned = loader.load(dir.resolve("m"));
        assertEquals(dir.resolve("m_aligned_vert.npy"), aligned.source().path());
        assertEquals(List.of("both m_aligned_vert.npy and m_vert.npy exist; read the axis-aligned ones",
                "no m_aligned_bbox.npy: the scene has no objects (m_bbox.npy is in the other frame and was not used)"),
                aligned.source().notes());
        assertEquals(0, aligned.objects().size());
        Scene plain = loader.load(dir.resolve("m_bbox.npy"));
        assertEquals(dir.resolve("m_vert.npy"), plain.source().path());
        assertEquals(1, plain.objects().size());
    }

    private void assertProblem(String message, String file) {
        SceneFormatException e = assertThrows(SceneFormatException.class, () -> loader.load(dir.resolve(file)));
        assertEquals(message, e.getMessage());
    }

    /** Writes {@code id}_vert.npy (float32) and uint32 instance and semantic labels for {@link #POINTS}. */
    private void writeScan(String id, float[] rows, int cols) throws Exception {
        NpyWriter.write(dir.resolve(id + "_vert.npy"), NpyArray.ofFloats(rows, rows.length / cols, cols));
        NpyWriter.write(dir.resolve(id + "_ins_label.npy"), NpyArray.ofIntegers(NpyDtype.UINT32, INS));
        NpyWriter.write(dir.resolve(id + "_sem_label.npy"), NpyArray.ofIntegers(NpyDtype.UINT32, SEM));
    }

    private static void writeRaw(Path file, String dict, byte[] data) throws Exception {
        byte[] h = (dict + "\n").getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(10 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) h.length).put(h).put(data);
        Files.write(file, b.array());
    }
}
