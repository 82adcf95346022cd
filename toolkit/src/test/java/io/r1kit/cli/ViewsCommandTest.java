package io.r1kit.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.r1kit.SharedData;
import io.r1kit.scene.Scene;
import io.r1kit.scene.SceneObject;
import io.r1kit.scene.gen.RoomKind;
import io.r1kit.scene.gen.SceneGenerator;
import io.r1kit.scene.load.Scenes;
import io.r1kit.scene.proposal.ProposalConfig;
import io.r1kit.scene.proposal.Proposals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

import static io.r1kit.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ViewsCommandTest {

    private final String scan = SharedData.path("scannet/scene0000_02_vert.npy").toString();

    @Test
    void textListsEveryCandidateAndWritesTheChosenViews(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("chosen.png");
        MainTest.Result r = run("views", scan, "--query", "the bed", "--k", "2", "--out", png.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("view  azimuth  elevation  S_text  S_coverage  S_clip  U"), r.out());
        assertEquals(24 + 4, r.out().strip().lines().count(), r.out());  // caption, header, 24 rows, targets, chosen
        assertTrue(r.out().contains("targets  bed #9"), r.out());
        // the progress bar on stderr, redrawn in place and ended by a newline when the chosen views are rendered
        assertTrue(r.err().startsWith("\r[") && r.err().endsWith("] views for \"the bed\": 24 candidates scored, "
                + "2/2 chosen views rendered   \n"), r.err());
        assertTrue(Files.size(png) > 0 && ImageIO.read(png.toFile()).getWidth() > 2 * 320, "two views side by side");
    }

    @Test
    void jsonHasThreeScoresPerView(@TempDir Path dir) {
        MainTest.Result r = run("views", scan, "--query", "the fridge", "--k", "3", "--json", "--out",
                dir.resolve("f.png").toString());
        assertEquals(0, r.code(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(24, o.getAsJsonArray("views").size());
        assertEquals(3, o.getAsJsonArray("chosen").size());
        JsonObject v = o.getAsJsonArray("views").get(0).getAsJsonObject();
        for (String key : new String[] {"s_text", "s_coverage", "s_clip", "utility"}) {
            assertTrue(v.has(key), key);
        }
        assertEquals("refrigerator", o.getAsJsonArray("targets").get(0).getAsJsonObject().get("label").getAsString());
    }

    @Test
    void badKIsOneLine() {
        assertEquals("r1kit: --k 30 must be in 1..24 (the number of candidate views)\n",
                run("views", scan, "--query", "bed", "--k", "30").err());
    }

    /** Wuson.ply has points and no objects: views are scored over its proposals, and the text says so. */
    @Test
    void aPlyWithoutObjectsIsScoredOverItsProposals(@TempDir Path dir) throws Exception {
        String ply = SharedData.path("ply/Wuson.ply").toString();
        int proposals = Proposals.find(Scenes.load(Path.of(ply)), ProposalConfig.defaults()).size();
        assertTrue(proposals > 0);
        Path png = dir.resolve("w.png");
        MainTest.Result r = run("views", ply, "--query", "the chair", "--k", "2", "--out", png.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(24 + 5, r.out().strip().lines().count(), r.out());  // caption, header, 24 rows, objects, targets, chosen
        assertTrue(r.out().contains("\nobjects  " + proposals + " proposals (the scene has no labelled objects); "
                + "S_text is 0: proposals have no class\ntargets  none (the query's words cannot name a proposal)\n"), r.out());
        assertTrue(ImageIO.read(png.toFile()).getWidth() > 2 * 320, "two views side by side");

        MainTest.Result j = run("views", ply, "--query", "the chair", "--k", "2", "--json", "--out", png.toString());
        JsonObject o = JsonParser.parseString(j.out()).getAsJsonObject();
        assertEquals(proposals, o.get("objects").getAsInt());
        assertTrue(o.get("objects_are_proposals").getAsBoolean());
        for (var v : o.getAsJsonArray("views")) {
            assertEquals(0.0, v.getAsJsonObject().get("s_text").getAsDouble());
        }
    }

    /** A generated room is scored over its labelled objects: the query names its bed. */
    @Test
    void aGeneratedRoomIsScoredOverItsLabelledObjects(@TempDir Path dir) throws Exception {
        Scene room = new SceneGenerator().generate(RoomKind.BEDROOM, 7).scene();
        int bed = room.objects().stream().filter(o -> o.label().equals("bed")).mapToInt(SceneObject::id)
                .findFirst().orElseThrow();
        Path png = dir.resolve("b.png");
        MainTest.Result r = run("views", "--room", "bedroom:7", "--query", "the bed", "--k", "2", "--out", png.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(24 + 4, r.out().strip().lines().count(), r.out());  // caption, header, 24 rows, targets, chosen
        assertTrue(r.out().contains("\ntargets  bed #" + bed + "\n"), r.out());
        assertTrue(ImageIO.read(png.toFile()).getWidth() > 2 * 320, "two views side by side");
        JsonObject o = JsonParser.parseString(run("views", "--room", "bedroom:7", "--query", "the bed", "--k", "2",
                "--json", "--out", png.toString()).out()).getAsJsonObject();
        assertEquals(room.objects().size(), o.get("objects").getAsInt());
        assertEquals(false, o.get("objects_are_proposals").getAsBoolean());
    }
}
