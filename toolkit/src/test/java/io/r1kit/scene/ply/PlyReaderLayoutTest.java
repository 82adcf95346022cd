package io.r1kit.scene.ply;

import io.r1kit.scene.PointCloud;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Unusual but valid PLY files: element order, extra elements, every scalar type, CRLF headers. */
class PlyReaderLayoutTest {

    private static final String XYZ = "property float x\nproperty float y\nproperty float z\n";

    @TempDir
    Path dir;

    @Test
    void facesBeforeVerticesAndSampledFromThem() throws IOException {
        String head = "ply\nformat binary_little_endian 1.0\nelement face 1\nproperty list uchar int vertex_indices\n"
                + "element vertex 4\n" + XYZ + "end_header\n";
        Path p = PlyFiles.binary(dir, "facesfirst.ply", head, ByteOrder.LITTLE_ENDIAN, b -> {
            b.put((byte) 4).putInt(0).putInt(1).putInt(2).putInt(3);
            float[] v = {0, 0, 0, 2, 0, 0, 2, 2, 0, 0, 2, 0};
            for (float f : v) {
                b.putFloat(f);
            }
        });
        PlyData d = PlyReader.read(p);
        assertArrayEquals(new float[] {0, 0, 0, 2, 0, 0, 2, 2, 0, 0, 2, 0}, d.points().xyzArray());
        PointCloud s = PlyReader.read(p, PlyOptions.sampleSurface(400, 5)).points();
        float[] n = s.normalsArray();
        for (int i = 0; i < s.size(); i++) {
            // the quad is split into two triangles; every sample is on the 2 x 2 square with normal +z
            assertEquals(0f, s.z(i));
            assertEquals(true, s.x(i) >= 0 && s.x(i) <= 2 && s.y(i) >= 0 && s.y(i) <= 2);
            assertArrayEquals(new float[] {0, 0, 1}, new float[] {n[3 * i], n[3 * i + 1], n[3 * i + 2]});
        }
    }

    @Test
    void extraElementsBetweenVertexAndFaceAreSkipped() throws IOException {
        String head = "ply\nformat binary_big_endian 1.0\ncomment made by hand\nobj_info test\n"
                + "element vertex 3\n" + XYZ
                + "element edge 2\nproperty int vertex1\nproperty int vertex2\n"
                + "element material 1\nproperty list ushort uchar name\nproperty double shininess\n"
                + "element face 1\nproperty list uchar uint vertex_indices\nend_header\n";
        Path p = PlyFiles.binary(dir, "extra.ply", head, ByteOrder.BIG_ENDIAN, b -> {
            for (int i = 0; i < 9; i++) {
                b.putFloat(i == 3 || i == 7 ? 1 : 0);
            }
            b.putInt(0).putInt(1).putInt(1).putInt(2);
            b.putShort((short) 5).put("steel".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putDouble(0.5);
            b.put((byte) 3).putInt(0).putInt(1).putInt(2);
        });
        PlyData d = PlyReader.read(p);
        assertArrayEquals(new float[] {0, 0, 0, 1, 0, 0, 0, 1, 0}, d.points().xyzArray());
        assertEquals(List.of("made by hand", "test"), d.header().comments());
        assertEquals(List.of("vertices have no colour; points are grey (0.5)",
                "1 face skipped: the 3 vertices are the points (PlyOptions.sampleSurface draws points on the faces instead)",
                "elements skipped: edge (2), material (1)"), d.notes());
        // the face after the skipped elements is read correctly: samples lie in the triangle x + y <= 1, z = 0
        PointCloud s = PlyReader.read(p, PlyOptions.sampleSurface(50, 2)).points();
        for (int i = 0; i < s.size(); i++) {
            assertEquals(true, s.x(i) >= 0 && s.y(i) >= 0 && s.x(i) + s.y(i) <= 1.000001f && s.z(i) == 0f);
        }
    }

    @Test
    void everyScalarTypeAndAlias() throws IOException {
        String head = "ply\nformat binary_little_endian 1.0\nelement vertex 1\n"
                + "property double x\nproperty int16 y\nproperty uint z\nproperty char c1\nproperty int8 c2\n"
                + "property uint16 red\nproperty ushort green\nproperty uint8 blue\nproperty int32 i\n"
                + "property uint32 u\nproperty float32 nx\nproperty float64 ny\nproperty short nz\n"
                + "property list uint8 int extra\nend_header\n";
        Path p = PlyFiles.binary(dir, "types.ply", head, ByteOrder.LITTLE_ENDIAN, b -> b
                .putDouble(-1.5).putShort((short) -300).putInt(70000).put((byte) -1).put((byte) 2)
                .putShort((short) 65535).putShort((short) 0).put((byte) 200).putInt(-5).putInt(-1)
                .putFloat(0.25f).putDouble(0.5).putShort((short) 1)
                .put((byte) 2).putInt(7).putInt(8));
        PlyData d = PlyReader.read(p);
        assertArrayEquals(new float[] {-1.5f, -300, 70000}, d.points().xyzArray());
        // ushort colours are divided by 65535, uint8 by 255
        assertArrayEquals(new float[] {1, 0, 200 / 255f}, d.points().rgbArray());
        assertArrayEquals(new float[] {0.25f, 0.5f, 1}, d.points().normalsArray());
        assertEquals(List.of("vertex properties ignored: c1, c2, i, u, extra"), d.notes());
    }

    @Test
    void crlfHeaderAsciiAndBinary() throws IOException {
        String ascii = "ply\r\nformat ascii 1.0\r\ncomment windows\r\nelement vertex 2\r\nproperty float x\r\n"
                + "property float y\r\nproperty float z\r\nproperty uchar red\r\nproperty uchar green\r\n"
                + "property uchar blue\r\nend_header\r\n1 2 3 255 0 51\r\n4 5 6 0 255 102\r\n";
        PlyData a = PlyReader.read(PlyFiles.text(dir, "crlf.ply", ascii));
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, a.points().xyzArray());
        assertArrayEquals(new float[] {1, 0, 0.2f, 0, 1, 0.4f}, a.points().rgbArray());
        assertEquals(List.of("windows"), a.header().comments());

        String head = "ply\r\nformat binary_little_endian 1.0\r\nelement vertex 1\r\nproperty float x\r\n"
                + "property float y\r\nproperty float z\r\nend_header\r\n";
        // a body starting with byte 0x0A must not be taken as part of the header line end
        Path p = PlyFiles.binary(dir, "crlfbin.ply", head, ByteOrder.LITTLE_ENDIAN,
                b -> b.putFloat(Float.intBitsToFloat(0x3F80000A)).putFloat(2).putFloat(3));
        assertArrayEquals(new float[] {Float.intBitsToFloat(0x3F80000A), 2, 3}, PlyReader.read(p).points().xyzArray());
    }

    @Test
    void floatColoursAboveOneAreReadAsBytesWithANote() throws IOException {
        String text = "ply\nformat ascii 1.0\nelement vertex 2\n" + XYZ
                + "property float r\nproperty float g\nproperty float b\nend_header\n"
                + "0 0 0 255 0 51\n1 1 1 0 127.5 0\n";
        PlyData d = PlyReader.read(PlyFiles.text(dir, "fc.ply", text));
        assertArrayEquals(new float[] {1, 0, 0.2f, 0, 0.5f, 0}, d.points().rgbArray());
        assertEquals(List.of("float colours go up to 255.0, so they were read as 0..255"), d.notes());
    }

    @Test
    void nonFiniteNormalsAreDroppedWithANote() throws IOException {
        String text = "ply\nformat ascii 1.0\nelement vertex 2\n" + XYZ
                + "property float nx\nproperty float ny\nproperty float nz\nend_header\n"
                + "0 0 0 0 0 1\n1 1 1 nan 0 0\n";
        PlyData d = PlyReader.read(PlyFiles.text(dir, "nn.ply", text));
        assertFalse(d.points().hasNormals());
        assertEquals(List.of("vertices have no colour; points are grey (0.5)",
                "vertex 1 has a non-finite normal (NaN); normals dropped"), d.notes());
    }

    @Test
    void trailingBytesAreNoted() throws IOException {
        String head = "ply\nformat binary_little_endian 1.0\nelement vertex 1\n" + XYZ + "end_header\n";
        Path p = PlyFiles.binary(dir, "tail.ply", head, ByteOrder.LITTLE_ENDIAN,
                b -> b.putFloat(1).putFloat(2).putFloat(3).putShort((short) 0));
        assertEquals("2 bytes after the last element were ignored", PlyReader.read(p).notes().get(1));
    }
}
