package io.r1kit.scene.ply;

import io.r1kit.scene.SceneFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Broken PLY files give one-line messages naming the file and the problem. */
class PlyReaderErrorsTest {

    private static final String XYZ = "property float x\nproperty float y\nproperty float z\n";

    @TempDir
    Path dir;

    private String failText(String content) throws IOException {
        Path p = PlyFiles.text(dir, "bad.ply", content);
        return assertThrows(SceneFormatException.class, () -> PlyReader.read(p)).getMessage();
    }

    @Test
    void headerProblems() throws IOException {
        assertEquals("bad.ply: file is empty", failText(""));
        assertEquals("bad.ply: not a PLY file: first line is 'solid cube', expected 'ply'",
                failText("solid cube\nfacet normal 0 0 1\n"));
        assertEquals("bad.ply: unknown format 'binary_middle_endian' on header line 2 (expected ascii,"
                        + " binary_little_endian or binary_big_endian)",
                failText("ply\nformat binary_middle_endian 1.0\nelement vertex 1\n" + XYZ + "end_header\n"));
        assertEquals("bad.ply: unknown property type 'float16' on header line 4",
                failText("ply\nformat ascii 1.0\nelement vertex 1\nproperty float16 x\nend_header\n0\n"));
        assertEquals("bad.ply: malformed header line 3 'element vertex': expected 'element <name> <count>'",
                failText("ply\nformat ascii 1.0\nelement vertex\n" + XYZ + "end_header\n"));
        assertEquals("bad.ply: malformed header line 4 'property list uchar vertex_indices': expected"
                        + " 'property list <count type> <type> <name>'",
                failText("ply\nformat ascii 1.0\nelement face 1\nproperty list uchar vertex_indices\nend_header\n"));
        assertEquals("bad.ply: malformed header line 3 'property float x': property before any element",
                failText("ply\nformat ascii 1.0\nproperty float x\nend_header\n"));
        assertEquals("bad.ply: header has no end_header line",
                failText("ply\nformat ascii 1.0\nelement vertex 1\n" + XYZ + "0 0 0\n"));
        assertEquals("bad.ply: header has no format line", failText("ply\nelement vertex 0\n" + XYZ + "end_header\n"));
        assertEquals("bad.ply: header declares no vertex element",
                failText("ply\nformat ascii 1.0\nelement face 0\nproperty list uchar int vertex_indices\nend_header\n"));
        assertEquals("bad.ply: vertex element has no z property",
                failText("ply\nformat ascii 1.0\nelement vertex 1\nproperty float x\nproperty float y\nend_header\n1 2\n"));
        assertEquals("bad.ply: vertex element has no x, y, z properties",
                failText("ply\nformat ascii 1.0\nelement vertex 1\nproperty float u\nend_header\n1\n"));
    }

    @Test
    void asciiBodyProblems() throws IOException {
        String head = "ply\nformat ascii 1.0\nelement vertex 3\n" + XYZ + "end_header\n";
        assertEquals("bad.ply: vertex 1 (line 9) has too few values: 2, ends before property z",
                failText(head + "0 0 0\n1 1\n2 2 2\n"));
        assertEquals("bad.ply: truncated: file ends at vertex 2 of 3", failText(head + "0 0 0\n1 1 1\n"));
        assertEquals("bad.ply: vertex 0 (line 8): 'one' is not a number (property x)",
                failText(head + "one 0 0\n1 1 1\n2 2 2\n"));
        assertEquals("bad.ply: vertex 2 (line 10) has 4 values, 1 more than the header declares",
                failText(head + "0 0 0\n1 1 1\n2 2 2 2\n"));
        assertEquals("bad.ply: vertex 2 has a non-finite coordinate y = NaN", failText(head + "0 0 0\n1 1 1\n2 nan 2\n"));
        assertEquals("bad.ply: vertex 1 has a non-finite coordinate z = -Infinity",
                failText(head + "0 0 0\n1 1 -inf\n2 2 2\n"));
        assertEquals("bad.ply: vertex 0 (line 11): '300' is not a uchar (property red)",
                failText("ply\nformat ascii 1.0\nelement vertex 1\n" + XYZ + "property uchar red\nproperty uchar green\n"
                        + "property uchar blue\nend_header\n0 0 0 300 0 0\n"));
    }

    @Test
    void colourOutOfRange() throws IOException {
        String head = "ply\nformat ascii 1.0\nelement vertex 2\n" + XYZ
                + "property float red\nproperty float green\nproperty float blue\nend_header\n";
        assertEquals("bad.ply: vertex 1 has green 256.0, outside 0..255", failText(head + "0 0 0 1 2 3\n0 0 0 1 256 3\n"));
        assertEquals("bad.ply: vertex 0 has blue -0.5, outside 0..1", failText(head + "0 0 0 0 0 -0.5\n0 0 0 1 1 1\n"));
    }

    @Test
    void binaryTruncation() throws IOException {
        String head = "ply\nformat binary_little_endian 1.0\nelement vertex 3\n" + XYZ + "end_header\n";
        Path p = PlyFiles.binary(dir, "short.ply", head, ByteOrder.LITTLE_ENDIAN,
                b -> b.putFloat(0).putFloat(0).putFloat(0).putFloat(1).putFloat(1));
        assertEquals("short.ply: truncated: file ends at vertex 1 of 3 (the body has 20 bytes, the header declares 36)",
                assertThrows(SceneFormatException.class, () -> PlyReader.read(p)).getMessage());

        // with a list element the length cannot be known up front: the reader stops where the bytes end
        String faces = "ply\nformat binary_little_endian 1.0\nelement vertex 3\n" + XYZ
                + "element face 2\nproperty list uchar int vertex_indices\nend_header\n";
        Path q = PlyFiles.binary(dir, "faces.ply", faces, ByteOrder.LITTLE_ENDIAN, b -> {
            for (int i = 0; i < 9; i++) {
                b.putFloat(i);
            }
            b.put((byte) 3).putInt(0).putInt(1).putInt(2).put((byte) 3).putInt(0);
        });
        assertEquals("faces.ply: truncated: file ends at face 1 of 2",
                assertThrows(SceneFormatException.class, () -> PlyReader.read(q)).getMessage());
    }

    @Test
    void damagedCountsDoNotAllocate() throws IOException {
        assertEquals("bad.ply: truncated: the header declares 2000000000 vertices, which need at least 4000000000"
                        + " bytes, but the body has 6",
                failText("ply\nformat ascii 1.0\nelement vertex 2000000000\n" + XYZ + "end_header\n0 0 0\n"));
        String faces = "ply\nformat ascii 1.0\nelement vertex 3\n" + XYZ
                + "element face 1\nproperty list uchar int vertex_indices\nend_header\n0 0 0\n1 0 0\n0 1 0\n";
        Path p = PlyFiles.text(dir, "list.ply", faces + "4 0 1 2\n");
        assertEquals("list.ply: face 0 (line 13) has too few values: list vertex_indices declares 4 items, 3 follow",
                assertThrows(SceneFormatException.class, () -> PlyReader.read(p, PlyOptions.sampleSurface(5, 1)))
                        .getMessage());
        String head = "ply\nformat binary_little_endian 1.0\nelement vertex 3\n" + XYZ
                + "element face 1\nproperty list int int vertex_indices\nend_header\n";
        Path q = PlyFiles.binary(dir, "biglist.ply", head, ByteOrder.LITTLE_ENDIAN, b -> {
            for (int i = 0; i < 9; i++) {
                b.putFloat(i);
            }
            b.putInt(2_000_000_000).putInt(0).putInt(1).putInt(2);
        });
        assertEquals("biglist.ply: truncated: file ends at face 0 of 1",
                assertThrows(SceneFormatException.class, () -> PlyReader.read(q, PlyOptions.sampleSurface(5, 1)))
                        .getMessage());
    }

    @Test
    void binaryNaN() throws IOException {
        String head = "ply\nformat binary_big_endian 1.0\nelement vertex 2\n" + XYZ + "end_header\n";
        Path p = PlyFiles.binary(dir, "nan.ply", head, ByteOrder.BIG_ENDIAN,
                b -> b.putFloat(0).putFloat(0).putFloat(0).putFloat(Float.NaN).putFloat(1).putFloat(1));
        assertEquals("nan.ply: vertex 1 has a non-finite coordinate x = NaN",
                assertThrows(SceneFormatException.class, () -> PlyReader.read(p)).getMessage());
    }

    @Test
    void faceProblemsWhenSampling() throws IOException {
        String head = "ply\nformat ascii 1.0\nelement vertex 3\n" + XYZ
                + "element face 2\nproperty list uchar int vertex_indices\nend_header\n0 0 0\n1 0 0\n0 1 0\n";
        Path p = PlyFiles.text(dir, "mesh.ply", head + "3 0 1 2\n3 0 2 3\n");
        assertEquals("mesh.ply: face 1 refers to vertex 3, but there are 3 vertices",
                assertThrows(SceneFormatException.class, () -> PlyReader.read(p, PlyOptions.sampleSurface(10, 1)))
                        .getMessage());
        // without sampling the faces are skipped, so the bad index does not matter
        assertEquals(3, PlyReader.read(p).points().size());

        Path flat = PlyFiles.text(dir, "flat.ply", head + "3 0 1 1\n3 2 2 2\n");
        assertEquals("flat.ply: the 2 triangles have zero total area, so no points can be drawn on them",
                assertThrows(SceneFormatException.class, () -> PlyReader.read(flat, PlyOptions.sampleSurface(10, 1)))
                        .getMessage());

        Path cloud = PlyFiles.text(dir, "cloud.ply", "ply\nformat ascii 1.0\nelement vertex 1\n" + XYZ
                + "end_header\n0 0 0\n");
        assertEquals("cloud.ply: cannot sample 10 points on the surface: the file has no faces",
                assertThrows(SceneFormatException.class, () -> PlyReader.read(cloud, PlyOptions.sampleSurface(10, 1)))
                        .getMessage());
    }

    @Test
    void optionsAreValidated() {
        assertEquals("surfaceSamples must be >= 0 (0 = use the vertices), got -1",
                assertThrows(IllegalArgumentException.class, () -> new PlyOptions(-1, 0)).getMessage());
        assertEquals("the number of surface samples must be > 0, got 0",
                assertThrows(IllegalArgumentException.class, () -> PlyOptions.sampleSurface(0, 0)).getMessage());
    }
}
