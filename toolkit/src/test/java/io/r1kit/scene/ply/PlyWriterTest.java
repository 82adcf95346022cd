package io.r1kit.scene.ply;

import io.r1kit.scene.PointCloud;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlyWriterTest {

    @TempDir
    Path dir;

    /** Random points with colours that are exact multiples of 1/255, so they survive the uchar encoding. */
    private static PointCloud cloud(int n, boolean normals, long seed) {
        Random r = new Random(seed);
        float[] xyz = new float[3 * n];
        float[] rgb = new float[3 * n];
        float[] nrm = normals ? new float[3 * n] : null;
        for (int i = 0; i < 3 * n; i++) {
            xyz[i] = (float) (r.nextGaussian() * 1e3);
            rgb[i] = r.nextInt(256) / 255f;
            if (nrm != null) {
                nrm[i] = r.nextFloat() * 2 - 1;
            }
        }
        return new PointCloud(xyz, rgb, nrm);
    }

    @Test
    void roundTripsInEveryFormat() throws IOException {
        for (PlyFormat f : PlyFormat.values()) {
            for (boolean normals : new boolean[] {false, true}) {
                PointCloud c = cloud(500, normals, 42);
                Path p = dir.resolve(f + "-" + normals + ".ply");
                PlyWriter.write(c, p, f);
                PlyData d = PlyReader.read(p);
                assertEquals(f, d.header().format());
                assertArrayEquals(c.xyzArray(), d.points().xyzArray(), f + " xyz");
                assertArrayEquals(c.rgbArray(), d.points().rgbArray(), f + " rgb");
                assertEquals(normals, d.points().hasNormals());
                if (normals) {
                    assertArrayEquals(c.normalsArray(), d.points().normalsArray(), f + " normals");
                }
                assertEquals(java.util.List.of(), d.notes());
            }
        }
    }

    @Test
    void binaryFileHasTheExpectedSize() throws IOException {
        Path p = dir.resolve("b.ply");
        PlyWriter.write(cloud(10, true, 1), p, PlyFormat.BINARY_BIG_ENDIAN);
        String header = "ply\nformat binary_big_endian 1.0\ncomment r1kit point cloud\nelement vertex 10\n"
                + "property float x\nproperty float y\nproperty float z\nproperty float nx\nproperty float ny\n"
                + "property float nz\nproperty uchar red\nproperty uchar green\nproperty uchar blue\nend_header\n";
        assertEquals(header.length() + 10 * 27, Files.size(p));
        assertTrue(new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1).startsWith(header));
    }

    /** A pond-sized binary file (70,051 vertices with normals and colours) loads quickly. */
    @Test
    void largeBinaryFileLoadsQuickly() throws IOException {
        PointCloud c = cloud(70_051, true, 9);
        Path p = dir.resolve("big.ply");
        PlyWriter.write(c, p, PlyFormat.BINARY_LITTLE_ENDIAN);
        PlyReader.read(p);
        long t0 = System.nanoTime();
        PlyData d = PlyReader.read(p);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(70_051, d.points().size());
        assertArrayEquals(c.xyzArray(), d.points().xyzArray());
        // generous bound for a shared 2-core machine; a per-byte stream reader would take far longer
        assertTrue(ms < 1000, "took " + ms + " ms");
    }
}
