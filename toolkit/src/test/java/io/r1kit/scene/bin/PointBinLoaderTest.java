package io.r1kit.scene.bin;

import io.r1kit.scene.Box3;
import io.r1kit.scene.Scene;
import io.r1kit.scene.SceneFormatException;
import io.r1kit.scene.npy.NpyArray;
import io.r1kit.scene.npy.NpyWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PointBinLoaderTest {

    @TempDir
    Path dir;

    @Test
    void sixColumnRowsWithSiblingBoxes() throws Exception {
        Path bin = bin("scene0000_00.bin", 1, 2, 3, 255, 0, 51, -1, -2, -3, 0, 255, 102);
        NpyWriter.write(dir.resolve("scene0000_00_bbox.npy"),
                NpyArray.ofFloats(new float[] {0, 0, 0, 2, 4, 6, 5, 0.5f, 0.5f, 0.5f, 1, 1, 1, 40}, 2, 7));
        PointBinLoader loader = new PointBinLoader();
        assertTrue(loader.accepts(bin));
        Scene scene = loader.load(bin);
        assertEquals("scene0000_00", scene.id());
        assertEquals("mmdet3d-bin", scene.source().format());
        assertEquals(2, scene.points().size());
        assertArrayEquals(new float[] {1, 2, 3, -1, -2, -3}, scene.points().xyzArray());
        assertArrayEquals(new float[] {1, 0, 0.2f, 0, 1, 0.4f}, scene.points().rgbArray());
        assertFalse(scene.points().hasNormals());
        assertEquals(2, scene.objects().size());
        assertEquals(new Box3(0, 0, 0, 2, 4, 6), scene.object(1).orElseThrow().box());
        assertEquals("chair", scene.object(1).orElseThrow().label());
        assertEquals("otherprop", scene.object(2).orElseThrow().label());
        assertEquals(List.of(), scene.source().notes());
    }

    @Test
    void explicitBoxPathAndNineColumns() throws Exception {
        Path bin = bin("p.bin", 1, 2, 3, 0, 0, 0, 0, 0, 1);
        Path boxes = dir.resolve("elsewhere.npy");
        NpyWriter.write(boxes, NpyArray.ofDoubles(new double[] {1, 2, 3, 1, 1, 1, 7, 12}, 1, 8));
        Scene scene = new PointBinLoader(9).load(bin, boxes);
        assertArrayEquals(new float[] {0, 0, 1}, scene.points().normalsArray());
        assertEquals("table", scene.object(12).orElseThrow().label());
        assertEquals(0, new PointBinLoader(9).load(bin).objects().size());
    }

    @Test
    void threeAndFourColumnsAreGreyWithANote() throws Exception {
        Path xyz = bin("xyz.bin", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        Scene three = new PointBinLoader(3).load(xyz);
        assertEquals(4, three.points().size());
        assertEquals(10f, three.points().x(3));
        assertEquals(0.5f, three.points().r(3));
        assertEquals(0.5f, three.points().b(0));
        assertEquals(List.of("xyz.bin has no colour columns: points are grey"), three.source().notes());
        Scene four = new PointBinLoader(4).load(xyz);
        assertEquals(3, four.points().size());
        assertArrayEquals(new float[] {1, 2, 3, 5, 6, 7, 9, 10, 11}, four.points().xyzArray());
        assertEquals(List.of("xyz.bin: column 3 (e.g. intensity) is not used; points are grey"), four.source().notes());
    }

    @Test
    void badFiles() throws Exception {
        Files.write(dir.resolve("t.bin"), new byte[1234]);
        assertProblem("t.bin: truncated: 1,234 bytes is not a whole number of 24-byte rows (6 float32 columns)", "t.bin");
        Files.write(dir.resolve("e.bin"), new byte[0]);
        assertProblem("e.bin: file is empty (expected float32 rows of 6 columns)", "e.bin");
        bin("n.bin", 1, 2, 3, 0, 0, 0, 4, Float.NaN, 6, 0, 0, 0);
        assertProblem("n.bin: row 1, column 1 is NaN (finite values expected)", "n.bin");
        bin("c.bin", 1, 2, 3, 0, 256, 0);
        assertProblem("c.bin: row 0, column 4: colour 256.0 is outside 0..255", "c.bin");
        bin("b.bin", 1, 2, 3, 0, 0, 0);
        NpyWriter.write(dir.resolve("b_bbox.npy"), NpyArray.ofFloats(new float[5], 1, 5));
        assertProblem("b_bbox.npy: expected K×7 boxes (cx, cy, cz, dx, dy, dz, nyu40 label) or K×8 (with an object id),"
                + " shape is (1, 5)", "b.bin");
        assertEquals("a .bin point row has 3, 4, 6 or 9 columns, not 5",
                assertThrows(IllegalArgumentException.class, () -> new PointBinLoader(5)).getMessage());
        assertFalse(new PointBinLoader().accepts(dir.resolve("x.npy")));
    }

    private void assertProblem(String message, String file) {
        assertEquals(message, assertThrows(SceneFormatException.class,
                () -> new PointBinLoader().load(dir.resolve(file))).getMessage());
    }

    private Path bin(String name, float... values) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return Files.write(dir.resolve(name), b.array());
    }
}
