package io.r1kit.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.r1kit.SharedData;
import io.r1kit.scene.gen.RoomKind;
import io.r1kit.scene.gen.SceneGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.r1kit.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ViewCommandTest {

    @Test
    void writesTheSharedScanSubsampled(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("scan.html");
        String scan = SharedData.path("scannet/scene0000_02_vert.npy").toString();
        MainTest.Result r = run("view", scan, "--out", out.toString(), "--max-points", "20000", "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals("scene0000_02", o.get("scene").getAsString());
        assertEquals(50_000, o.get("points").getAsInt());
        assertEquals(20_000, o.get("shown_points").getAsInt());
        assertEquals(28, o.get("boxes").getAsInt());
        assertEquals(Files.size(out), o.get("bytes").getAsLong());
        String page = Files.readString(out);
        assertTrue(page.contains("\"shownPoints\":20000"), "the page holds the subsampled points");
        assertTrue(page.contains("\"label\":\"refrigerator\""), "the page holds the scan's boxes");
    }

    @Test
    void writesAGeneratedRoomAsText(@TempDir Path dir) {
        Path out = dir.resolve("room.html");
        MainTest.Result r = run("view", "--room", "office:3", "--out", out.toString(), "--no-boxes");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("wrote " + out + ": office-0003, 40,000 of 40,000 points, "), r.out());
        assertTrue(r.out().strip().endsWith(" MB"), r.out());
    }

    @Test
    void aGeneratedRoomShowsTheGeneratorsLabelledBoxes(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("room.html");
        MainTest.Result r = run("view", "--room", "bedroom", "--out", out.toString(), "--max-points", "5000", "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals("bedroom-0007", o.get("scene").getAsString());
        assertEquals(false, o.get("boxes_are_proposals").getAsBoolean());
        assertEquals(new SceneGenerator().generate(RoomKind.BEDROOM, 7).scene().objects().size(), o.get("boxes").getAsInt());
        assertTrue(Files.readString(out).contains("\"label\":\"bed\""), "the page holds the room's labelled boxes");
    }

    @Test
    void badInputIsOneLine(@TempDir Path dir) {
        String out = dir.resolve("x.html").toString();
        MainTest.Result r = run("view", "--room", "garage", "--out", out);
        assertEquals(Main.BAD_INPUT, r.code());
        assertEquals("r1kit: --room garage: unknown room kind (known: bedroom, living-room, kitchen, office)\n", r.err());
        r = run("view", "--room", "kitchen:x", "--out", out);
        assertEquals("r1kit: --room kitchen:x: the seed after ':' must be an integer\n", r.err());
        r = run("view", dir.resolve("nope.ply").toString(), "--out", out);
        assertEquals("r1kit: nope.ply: no such file or folder (" + dir.resolve("nope.ply").toAbsolutePath() + ")\n",
                r.err());
        r = run("view", "--room", "bedroom", "--out", out, "--point-size", "50");
        assertEquals("r1kit: pointSize 50.0 px is outside [0.5, 10.0], the range of the page's slider\n", r.err());
        assertTrue(Files.notExists(dir.resolve("x.html")), "nothing is written on bad input");
    }

    /** Wuson.ply has no objects: the page shows its proposals as boxes tagged "object N". */
    @Test
    void aPlyWithoutObjectsShowsItsProposals(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("w.html");
        MainTest.Result r = run("view", SharedData.path("ply/Wuson.ply").toString(), "--out", out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertTrue(o.get("boxes_are_proposals").getAsBoolean());
        int boxes = o.get("boxes").getAsInt();
        assertTrue(boxes > 0);
        String page = Files.readString(out);
        for (int id = 1; id <= boxes; id++) {
            assertTrue(page.contains("\"id\":" + id + ",\"label\":\"object " + id + "\""), "proposal " + id);
        }
        MainTest.Result text = run("view", SharedData.path("ply/Wuson.ply").toString(), "--out", out.toString());
        assertTrue(text.out().endsWith("\nobjects  " + boxes + " proposals (the scene has no labelled objects)\n"),
                text.out());
    }
}
