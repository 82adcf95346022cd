package io.r1kit.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.r1kit.SharedData;
import io.r1kit.scene.Scene;
import io.r1kit.scene.gen.RoomKind;
import io.r1kit.scene.gen.SceneGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.r1kit.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SceneInfoCommandTest {

    private final String scan = SharedData.path("scannet/scene0000_02_vert.npy").toString();

    @Test
    void textListsPointsObjectsAndTheUnusableLabels() {
        MainTest.Result r = run("scene", "info", scan);
        assertEquals(0, r.code(), r.err());
        String out = r.out();
        assertTrue(out.startsWith("scene0000_02  (scannet-npy, "), out);
        assertTrue(out.contains("points   50,000 (colours)"), out);
        assertTrue(out.contains("objects  28"), out);
        assertTrue(out.contains("     1  cabinet            (2.56, -2.92, 0.55)        1.84 x 0.66 x 1.05     -"), out);
        assertTrue(out.contains("note     scene0000_02_ins_label.npy has 1,000 entries for 50,000 points"), out);
    }

    @Test
    void jsonIsOneObjectWithEveryBox() {
        MainTest.Result r = run("scene", "info", scan, "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(50_000, o.get("points").getAsInt());
        assertEquals(28, o.getAsJsonArray("objects").size());
        JsonObject first = o.getAsJsonArray("objects").get(0).getAsJsonObject();
        assertEquals("cabinet", first.get("label").getAsString());
        assertEquals(3, first.get("semantic_id").getAsInt());
        assertEquals(2.5633168f, first.getAsJsonArray("box").get(0).getAsFloat(), 1e-6f);
        assertEquals(2, o.getAsJsonArray("notes").size());
    }

    @Test
    void badInputIsOneLineNamingTheFile(@TempDir Path dir) throws Exception {
        Path ply = dir.resolve("broken.ply");
        Files.writeString(ply, "ply\nformat ascii 1.0\nelement vertex 2\nproperty float x\nproperty float y\n"
                + "property float z\nend_header\n0 0 0\n");
        MainTest.Result r = run("scene", "info", ply.toString());
        assertEquals(Main.BAD_INPUT, r.code());
        assertTrue(r.err().startsWith("r1kit: broken.ply: "), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        Path txt = dir.resolve("notes.txt");
        Files.writeString(txt, "hello");
        r = run("scene", "info", txt.toString());
        assertEquals("r1kit: notes.txt: not a scene format r1kit reads (known: scannet-raw, scannet-npy, mmdet3d-bin, ply)\n",
                r.err());
    }

    @Test
    void proposeListsProposalsInsteadOfTheObjects() {
        MainTest.Result r = run("scene", "info", scan, "--propose");
        assertEquals(0, r.code(), r.err());
        String out = r.out();
        assertTrue(out.contains("objects  43"), out);
        assertTrue(out.contains("     1  object             ("), out);
        assertTrue(out.contains("note     43 object proposals from 50,000 points (HDBSCAN, voxel 0.10 m;"), out);
        assertTrue(out.contains("note     the source's 28 objects are not listed: --propose shows proposals"), out);
        JsonObject o = JsonParser.parseString(run("scene", "info", scan, "--propose", "--json").out()).getAsJsonObject();
        assertEquals(43, o.getAsJsonArray("objects").size());
        JsonObject first = o.getAsJsonArray("objects").get(0).getAsJsonObject();
        assertEquals("object", first.get("label").getAsString());
        assertEquals(-1, first.get("semantic_id").getAsInt());
        assertTrue(first.get("points").getAsInt() >= 30, first.toString());
    }

    @Test
    void proposeOnThreePointsListsNone() {
        MainTest.Result r = run("scene", "info", SharedData.path("ply/points.ply").toString(), "--propose");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("objects  0"), r.out());
        assertTrue(r.out().contains("note     0 object proposals from "), r.out());
    }

    /** A generated room prints as a file does, with the generator's labelled objects. */
    @Test
    void aGeneratedRoomPrintsAsAFileDoes() {
        Scene room = new SceneGenerator().generate(RoomKind.BEDROOM, 7).scene();
        MainTest.Result r = run("scene", "info", "--room", "bedroom:7");
        assertEquals(0, r.code(), r.err());
        assertEquals(SceneInfoCommand.toText(room) + "\n", r.out());
        assertTrue(r.out().startsWith("bedroom-0007  (generated)\npoints   40,000 (colours, normals)\n"), r.out());
        assertTrue(r.out().contains("labels   instance yes, semantic yes\nobjects  " + room.objects().size() + "\n"),
                r.out());
        MainTest.Result j = run("scene", "info", "--json", "--room", "bedroom");
        assertEquals(0, j.code(), j.err());
        assertEquals(JsonOutput.pretty(SceneInfoCommand.toJson(room)) + "\n", j.out());
        JsonObject o = JsonParser.parseString(j.out()).getAsJsonObject();
        assertEquals("bedroom-0007", o.get("id").getAsString());
        JsonObject first = o.getAsJsonArray("objects").get(0).getAsJsonObject();
        assertEquals(room.objects().get(0).label(), first.get("label").getAsString());
    }
}
