package io.r1kit.scene.ply;

import io.r1kit.SharedData;
import io.r1kit.scene.Box3;
import io.r1kit.scene.PointCloud;
import io.r1kit.scene.Scene;
import io.r1kit.scene.SceneFormatException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every file of shared/data/ply, with values read off the files by hand. */
class PlySharedDataTest {

    private static Path ply(String name) {
        return SharedData.path("ply/" + name);
    }

    @Test
    void pointsHasUcharColoursAndNormals() throws IOException {
        PlyData d = PlyReader.read(ply("points.ply"));
        PointCloud p = d.points();
        assertEquals(4, p.size());
        assertTrue(p.hasNormals());
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 1, 1}, p.xyzArray());
        assertArrayEquals(new float[] {1, 1, 1, 1, 0, 1, 1, 1, 0, 0, 1, 1}, p.rgbArray());
        assertArrayEquals(new float[] {0, 1, 0, 0, 0, 1, 1, 0, 0, 1, 1, 0}, p.normalsArray());
        assertEquals(Box3.ofMinMax(0, 0, 0, 0, 1, 1), p.bounds());
        assertEquals(List.of(), d.notes());
        assertEquals(PlyFormat.ASCII, d.header().format());
    }

    @Test
    void floatColoursInZeroOneAreKeptAndAlphaAndFacesSkipped() throws IOException {
        PlyData d = PlyReader.read(ply("float-color.ply"));
        PointCloud p = d.points();
        assertEquals(3, p.size());
        assertFalse(p.hasNormals());
        assertArrayEquals(new float[] {0, 0, 0, 100, 0, 0, 200, 200, 0}, p.xyzArray());
        assertArrayEquals(new float[] {0, 0, 1, 0, 0, 1, 0, 0, 1}, p.rgbArray());
        assertEquals(List.of("1 face skipped: the 3 vertices are the points"
                + " (PlyOptions.sampleSurface draws points on the faces instead)"), d.notes());
        assertEquals(List.of("VCGLIB generated"), d.header().comments());
    }

    @Test
    void asciiCubeHasGreyPoints() throws IOException {
        PlyData d = PlyReader.read(ply("cube.ply"));
        assertEquals(8, d.points().size());
        assertEquals(Box3.ofMinMax(0, 0, 0, 1, 1, 1), d.points().bounds());
        assertEquals(0.5f, d.points().g(7));
        assertEquals(List.of("vertices have no colour; points are grey (0.5)",
                "6 faces skipped: the 8 vertices are the points"
                        + " (PlyOptions.sampleSurface draws points on the faces instead)"), d.notes());
    }

    @Test
    void binaryCubeMatchesAsciiCube() throws IOException {
        PlyData d = PlyReader.read(ply("cube_binary.ply"));
        assertEquals(PlyFormat.BINARY_LITTLE_ENDIAN, d.header().format());
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 1, 0, 1, 1, 0, 1, 0, 1, 0, 0, 1, 0, 1, 1, 1, 1, 1, 1, 0},
                d.points().xyzArray());
        assertEquals(12, d.header().element("face").orElseThrow().count());
    }

    @Test
    void cubeSurfaceSamplesLieOnTheFacesWithAreaWeighting() throws IOException {
        for (String name : List.of("cube.ply", "cube_binary.ply")) {
            PointCloud p = PlyReader.read(ply(name), PlyOptions.sampleSurface(6000, 3)).points();
            assertEquals(6000, p.size());
            int[] perFace = new int[6];
            float[] n = p.normalsArray();
            for (int i = 0; i < p.size(); i++) {
                float[] c = {p.x(i), p.y(i), p.z(i)};
                int face = -1;
                for (int a = 0; a < 3; a++) {
                    assertTrue(c[a] >= 0 && c[a] <= 1, name + " point " + i);
                    if (c[a] == 0f || c[a] == 1f) {
                        face = 2 * a + (int) c[a];
                    }
                }
                assertTrue(face >= 0, name + " point " + i + " is not on a face");
                perFace[face]++;
                // no vertex normals: each point gets its triangle's unit normal, along the face's axis
                assertEquals(1f, Math.abs(n[3 * i + face / 2]), 1e-6f);
            }
            for (int count : perFace) {
                assertTrue(count > 850 && count < 1150, name + " unequal faces: " + java.util.Arrays.toString(perFace));
            }
        }
    }

    @Test
    void wusonAsciiWithNormalsAndFreeTextHeaderLine() throws IOException {
        PlyData d = PlyReader.read(ply("Wuson.ply"));
        PointCloud p = d.points();
        assertEquals(11184, p.size());
        assertTrue(p.hasNormals());
        assertArrayEquals(new float[] {0.163313f, 0.540615f, -0.268688f, 0.000000f, 0.498178f, -0.278300f},
                java.util.Arrays.copyOf(p.xyzArray(), 6));
        assertArrayEquals(new float[] {0.241919f, -0.961129f, 0.133063f},
                java.util.Arrays.copyOf(p.normalsArray(), 3));
        assertEquals(Box3.ofMinMax(-0.459976f, -0.000566f, -1.622242f, 0.459976f, 1.515251f, 1.622242f), p.bounds());
        assertEquals(List.of(
                "header line 3 is not a PLY header line and was skipped: 'Created by Blender3D 247 - www.blender.org,"
                        + " source file:'",
                "vertex properties ignored: s, t",
                "vertices have no colour; points are grey (0.5)",
                "3732 faces skipped: the 11184 vertices are the points"
                        + " (PlyOptions.sampleSurface draws points on the faces instead)"), d.notes());
    }

    @Test
    void wusonSurfaceSamplesLieOnItsTriangles() throws IOException {
        Path file = ply("Wuson.ply");
        PointCloud p = PlyReader.read(file, PlyOptions.sampleSurface(120, 11)).points();
        MeshCheck mesh = MeshCheck.readAsciiTriangles(file, 15, 11184, 3732);
        float[] n = p.normalsArray();
        for (int i = 0; i < p.size(); i++) {
            assertTrue(mesh.distance(p.x(i), p.y(i), p.z(i)) < 1e-5, "sample " + i + " is off the mesh");
            double len = Math.sqrt(n[3 * i] * n[3 * i] + n[3 * i + 1] * n[3 * i + 1] + n[3 * i + 2] * n[3 * i + 2]);
            assertEquals(1.0, len, 1e-5);
        }
        // the same seed gives the same points, another seed other points
        assertArrayEquals(p.xyzArray(), PlyReader.read(file, PlyOptions.sampleSurface(120, 11)).points().xyzArray());
        assertFalse(java.util.Arrays.equals(p.xyzArray(),
                PlyReader.read(file, PlyOptions.sampleSurface(120, 12)).points().xyzArray()));
    }

    /**
     * pond.0.ply is damaged: its header declares 70,051 vertices of 31 bytes, but the body is 69
     * bytes short and the values go wild from vertex 626 on (bytes are missing inside the body).
     * The reader must say so rather than return garbage.
     */
    @Test
    void pondIsReportedAsTruncated() throws IOException {
        Path file = ply("pond.0.ply");
        SceneFormatException e = assertThrows(SceneFormatException.class, () -> PlyReader.read(file));
        assertEquals("pond.0.ply: truncated: file ends at vertex 70048 of 70051 (the body has 2171512 bytes,"
                + " the header declares 2171581)", e.getMessage());
        assertThrows(SceneFormatException.class, () -> new PlyLoader().load(file));
    }

    @Test
    void pondHeaderIsReadable() throws IOException {
        byte[] bytes = java.nio.file.Files.readAllBytes(ply("pond.0.ply"));
        PlyHeader h = PlyHeader.parse(Path.of("pond.0.ply"), java.nio.ByteBuffer.wrap(bytes));
        PlyElement v = h.element("vertex").orElseThrow();
        assertEquals(70051, v.count());
        assertEquals(List.of("x", "y", "z", "nx", "ny", "nz", "diffuse_red", "diffuse_green", "diffuse_blue", "psz"),
                v.properties().stream().map(PlyProperty::name).toList());
        assertEquals(PlyType.UCHAR, v.properties().get(6).type());
        assertEquals(276, h.bodyOffset());
    }

    @Test
    void loaderMakesASceneNamedAfterTheFile() throws IOException {
        PlyLoader loader = new PlyLoader();
        Scene s = loader.load(ply("cube_binary.ply"));
        assertEquals("cube_binary", s.id());
        assertEquals(8, s.points().size());
        assertEquals("ply", s.source().format());
        assertEquals(List.of(), s.objects());
        assertTrue(s.source().notes().contains("vertices have no colour; points are grey (0.5)"));
        assertTrue(loader.accepts(Path.of("a/Room.PLY")));
        assertFalse(loader.accepts(Path.of("a/room.obj")));
    }
}
