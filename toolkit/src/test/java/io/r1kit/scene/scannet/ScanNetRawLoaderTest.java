package io.r1kit.scene.scannet;

import io.r1kit.SharedData;
import io.r1kit.scene.Box3;
import io.r1kit.scene.PointCloud;
import io.r1kit.scene.Scene;
import io.r1kit.scene.SceneFormatException;
import io.r1kit.scene.SceneObject;
import io.r1kit.scene.ply.PlyFormat;
import io.r1kit.scene.ply.PlyWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A tiny synthetic raw scan: a unit cube of 8 points (object 0, "chair", segments 10 and 11), a
 * 1 x 2 x 1 box of 8 points (object 1, "table", segment 20) and 2 loose points (segment 30),
 * aligned by a 90 degree turn about z plus a shift: (x, y, z) -> (1 - y, x + 2, z + 3).
 */
class ScanNetRawLoaderTest {

    private static final String SCAN = "scene0001_00";
    private static final String ALIGN = "axisAlignment = 0 -1 0 1 1 0 0 2 0 0 1 3 0 0 0 1\n";
    private static final String AGGREGATION = "{\"sceneId\":\"" + SCAN + "\",\"segGroups\":["
            + "{\"id\":0,\"objectId\":0,\"segments\":[10,11],\"label\":\"chair\"},"
            + "{\"id\":1,\"objectId\":1,\"segments\":[20,99],\"label\":\"table\"},"
            + "{\"id\":2,\"objectId\":2,\"segments\":[11],\"label\":\"lamp\"}]}";

    @TempDir
    Path root;
    Path dir;

    @BeforeEach
    void writeScan() throws IOException {
        dir = Files.createDirectory(root.resolve(SCAN));
        float[] xyz = new float[18 * 3];
        int v = 0;
        for (float[] box : new float[][] {{0, 0, 0, 1, 1, 1}, {2, 0, 0, 3, 2, 1}}) {
            for (int corner = 0; corner < 8; corner++, v++) {
                xyz[3 * v] = (corner & 1) == 0 ? box[0] : box[3];
                xyz[3 * v + 1] = (corner & 2) == 0 ? box[1] : box[4];
                xyz[3 * v + 2] = (corner & 4) == 0 ? box[2] : box[5];
            }
        }
        System.arraycopy(new float[] {5, 5, 5, -1, -1, -1}, 0, xyz, 48, 6);
        float[] rgb = new float[xyz.length];
        Arrays.fill(rgb, 0.2f);
        PlyWriter.write(new PointCloud(xyz, rgb, null), dir.resolve(SCAN + "_vh_clean_2.ply"),
                PlyFormat.BINARY_LITTLE_ENDIAN);
        write(SCAN + "_vh_clean_2.0.010000.segs.json",
                "{\"params\":{},\"sceneId\":\"" + SCAN + "\",\"segIndices\":[10,10,10,10,11,11,11,11,"
                        + "20,20,20,20,20,20,20,20,30,30]}");
        write(SCAN + ".aggregation.json", AGGREGATION);
        write(SCAN + ".txt", "colorHeight = 968\n" + ALIGN + "numColorFrames = 10\n");
        Files.writeString(root.resolve("scannetv2-labels.combined.tsv"),
                "id\traw_category\tcategory\tcount\tnyu40id\n2\tchair\tchair\t4646\t5\n4\ttable\ttable\t1170\t7\n");
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    @Test
    void loadsObjectsLabelsAndAlignedBoxes() throws IOException {
        Scene s = new ScanNetRawLoader().load(dir);
        assertEquals(SCAN, s.id());
        assertEquals("scannet-raw", s.source().format());
        assertEquals(18, s.points().size());
        int[] inst = new int[18];
        int[] sem = new int[18];
        Arrays.fill(inst, 0, 8, 1);
        Arrays.fill(inst, 8, 16, 2);
        Arrays.fill(sem, 0, 8, 5);
        Arrays.fill(sem, 8, 16, 7);
        assertArrayEquals(inst, s.instanceLabels().orElseThrow());
        assertArrayEquals(sem, s.semanticLabels().orElseThrow());

        assertEquals(List.of(
                new SceneObject(1, "chair", 5, Box3.ofMinMax(0, 2, 3, 1, 3, 4), new int[] {0, 1, 2, 3, 4, 5, 6, 7}),
                new SceneObject(2, "table", 7, Box3.ofMinMax(-1, 4, 3, 1, 5, 4),
                        new int[] {8, 9, 10, 11, 12, 13, 14, 15})), s.objects());
        // (5, 5, 5) -> (1 - 5, 5 + 2, 5 + 3)
        assertArrayEquals(new float[] {-4, 7, 8}, new float[] {s.points().x(16), s.points().y(16), s.points().z(16)});
        assertEquals(List.of("object 1 (table) lists 1 segment no vertex has",
                "object 2 (lamp) lists 1 segment of an earlier object; they stay with it",
                "object 2 (lamp) covers no vertex; skipped"), s.source().notes());
    }

    @Test
    void acceptsThePlyPathAndTheOtherAggregationName() throws IOException {
        Files.move(dir.resolve(SCAN + ".aggregation.json"), dir.resolve(SCAN + "_vh_clean.aggregation.json"));
        Path ply = dir.resolve(SCAN + "_vh_clean_2.ply");
        ScanNetRawLoader loader = new ScanNetRawLoader();
        assertTrue(loader.accepts(ply));
        assertTrue(loader.accepts(dir));
        assertFalse(loader.accepts(root));
        Scene s = loader.load(ply);
        assertEquals(SCAN, s.id());
        assertEquals(2, s.objects().size());
    }

    @Test
    void withoutLabelMapOrAlignmentTheNotesSaySo() throws IOException {
        Files.delete(root.resolve("scannetv2-labels.combined.tsv"));
        Files.delete(dir.resolve(SCAN + ".txt"));
        Scene s = new ScanNetRawLoader().load(dir);
        assertTrue(s.semanticLabels().isEmpty());
        assertEquals(-1, s.objects().get(0).semanticId());
        // not aligned: the chair's box is the unit cube
        assertEquals(Box3.ofMinMax(0, 0, 0, 1, 1, 1), s.objects().get(0).box());
        assertEquals(List.of("no scene0001_00.txt; points are not axis-aligned",
                "no scannetv2-labels.combined.tsv in the scan folder or its parent;"
                        + " no semantic labels, object semantic ids are -1"), s.source().notes().subList(0, 2));
    }

    @Test
    void realLabelMapInTheScanFolder() throws IOException {
        Files.delete(root.resolve("scannetv2-labels.combined.tsv"));
        Files.copy(SharedData.path("meta/scannetv2-labels.combined.tsv"), dir.resolve("scannetv2-labels.combined.tsv"));
        write(SCAN + ".aggregation.json", AGGREGATION.replace("\"table\"", "\"no such thing\""));
        Scene s = new ScanNetRawLoader().load(dir);
        assertEquals(5, s.objects().get(0).semanticId());
        assertEquals(-1, s.objects().get(1).semanticId());
        assertEquals(0, s.semanticLabels().orElseThrow()[8]);
        assertTrue(s.source().notes().contains(
                "labels not in scannetv2-labels.combined.tsv (semantic id -1): no such thing"));
    }

    @Test
    void repeatedObjectIdIsSkipped() throws IOException {
        write(SCAN + ".aggregation.json", "{\"segGroups\":[{\"objectId\":0,\"segments\":[10],\"label\":\"chair\"},"
                + "{\"objectId\":0,\"segments\":[11],\"label\":\"chair\"}]}");
        Scene s = new ScanNetRawLoader().load(dir);
        assertEquals(1, s.objects().size());
        assertEquals(4, s.objects().get(0).pointCount());
        assertEquals(List.of("object 0 (chair) repeats an objectId; skipped"), s.source().notes());
    }

    private String fail() {
        return assertThrows(SceneFormatException.class, () -> new ScanNetRawLoader().load(dir)).getMessage();
    }

    @Test
    void errorsNameTheFile() throws IOException {
        write(SCAN + ".txt", "axisAlignment = 1 0 0 0 0 1 0 0 0 0 1 0 0 0 0\n");
        assertEquals("scene0001_00.txt: axisAlignment has 15 numbers, expected 16", fail());
        write(SCAN + ".txt", ALIGN);

        write(SCAN + "_vh_clean_2.0.010000.segs.json", "{\"segIndices\":[10,10]}");
        assertEquals("scene0001_00_vh_clean_2.0.010000.segs.json: 2 segment indices for 18 vertices in"
                + " scene0001_00_vh_clean_2.ply", fail());
        write(SCAN + "_vh_clean_2.0.010000.segs.json", "{\"segIndices\":[10,\"a\"]}");
        assertEquals("scene0001_00_vh_clean_2.0.010000.segs.json: segIndices[1] is not an integer: \"a\"", fail());
        write(SCAN + "_vh_clean_2.0.010000.segs.json", "{\"segments\":[]}");
        assertEquals("scene0001_00_vh_clean_2.0.010000.segs.json: has no segIndices array", fail());
        Files.delete(dir.resolve(SCAN + "_vh_clean_2.0.010000.segs.json"));
        assertEquals("scene0001_00: no segments file: expected scene0001_00_vh_clean_2.0.010000.segs.json", fail());

        write(SCAN + ".aggregation.json", "{\"segGroups\":[{\"objectId\":0,");
        Files.writeString(dir.resolve(SCAN + "_vh_clean_2.0.010000.segs.json"), "{\"segIndices\":[" + "1,".repeat(17)
                + "1]}");
        assertTrue(fail().startsWith("scene0001_00.aggregation.json: not valid JSON: "), fail());
        write(SCAN + ".aggregation.json", "{\"segGroups\":[{\"objectId\":0,\"segments\":[1]}]}");
        assertEquals("scene0001_00.aggregation.json: segGroups[0] has no label", fail());
        Files.delete(dir.resolve(SCAN + ".aggregation.json"));
        assertEquals("scene0001_00: no aggregation file: expected scene0001_00.aggregation.json or"
                + " scene0001_00_vh_clean.aggregation.json", fail());
        assertFalse(new ScanNetRawLoader().accepts(dir));
    }
}
