package io.r1kit.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.r1kit.SharedData;
import io.r1kit.model.vlm.NanoModel;
import io.r1kit.scene.ply.PlyFormat;
import io.r1kit.scene.ply.PlyWriter;
import io.r1kit.train.TinyCheckpoint;
import io.r1kit.train.TrainingRooms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.r1kit.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AskCommandTest {

    private final String model = TinyCheckpoint.dir().toString();

    @Test
    void denseCaptionOfALabelledScanCaptionsTheEncodedObjects() {
        MainTest.Result r = run("ask", SharedData.path("scannet/scene0000_02_vert.npy").toString(), "--task",
                "dense-caption", "--model", model, "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(false, o.get("objects_are_proposals").getAsBoolean());
        assertEquals(28, o.get("objects").getAsInt());
        assertEquals(8, o.getAsJsonArray("captions").size());     // the tiny model encodes 8 objects
        assertEquals(1, o.getAsJsonArray("captions").get(0).getAsJsonObject().get("id").getAsInt());
        assertEquals("cabinet", o.getAsJsonArray("captions").get(0).getAsJsonObject().get("label").getAsString());
    }

    @Test
    void denseCaptionOfAnUnlabelledPlyRunsOverProposalsAndSaysSo(@TempDir Path tmp) throws Exception {
        Path ply = tmp.resolve("room.ply");
        PlyWriter.write(TrainingRooms.room(7).scene().points(), ply, PlyFormat.BINARY_LITTLE_ENDIAN);
        for (String scan : new String[] {ply.toString(), SharedData.path("ply/Wuson.ply").toString()}) {
            MainTest.Result r = run("ask", scan, "--task", "dense-caption", "--model", model);
            assertEquals(0, r.code(), r.err());
            String[] lines = r.out().split("\n");
            assertTrue(lines[1].matches("objects  \\d+ proposals? \\(the scene has no labelled objects\\)"), r.out());
            int proposals = Integer.parseInt(lines[1].split(" +")[1]);
            long rows = r.out().lines().filter(l -> l.matches(" +\\d+  object \\d+ .*")).count();
            assertEquals(Math.min(8, proposals), rows, r.out());
        }
    }

    @Test
    void groundingPrintsTheQuestionAnswerBoxAndNearestObject() {
        MainTest.Result r = run("ask", SharedData.path("scannet/scene0000_02_vert.npy").toString(), "--task",
                "grounding", "--model", model, "the cabinet");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals("question Find the cabinet.", lines[2]);
        assertTrue(lines[3].startsWith("answer   "), r.out());
        if (lines[4].startsWith("box      none")) {
            assertEquals("box      none (the answer holds no readable <obj> box)", lines[4]);
        } else {
            assertTrue(lines[4].matches("box      \\(-?[0-9.]+, -?[0-9.]+, -?[0-9.]+\\) [0-9.]+ x [0-9.]+ x [0-9.]+"), lines[4]);
            assertTrue(lines[5].matches("nearest  \\d+ .+, IoU [01]\\.[0-9]{3}")
                    || lines[5].equals("nearest  none (the box overlaps no object)"), lines[5]);
        }
    }

    @Test
    void withoutAModelTheErrorSaysHowToTrainOne() {
        String scan = SharedData.path("ply/cube.ply").toString();
        MainTest.Result r = run("ask", scan, "--task", "qa", "How many chairs are there?");
        if (NanoModel.present()) {
            assertEquals(0, r.code(), r.err());   // this build ships a model: it answers
            assertTrue(r.out().contains("answer   "), r.out());
        } else {
            assertEquals(1, r.code());
            assertEquals("r1kit: " + NanoModel.NONE, r.err().strip());
        }
        MainTest.Result noText = run("ask", scan, "--task", "grounding", "--model", model);
        assertEquals(1, noText.code());
        assertEquals("r1kit: --task grounding needs TEXT, e.g. r1kit ask " + scan + " --task grounding \"the red chair\"",
                noText.err().strip());
    }

    /** With --room the first positional is TEXT, before or after the options; PATH TEXT still works. */
    @Test
    void groundingInAGeneratedRoomTakesTheFirstPositionalAsText(@TempDir Path tmp) throws Exception {
        for (String[] args : new String[][] {
                {"ask", "--room", "bedroom:7", "--task", "grounding", "--model", model, "the lamp"},
                {"ask", "the lamp", "--task", "grounding", "--room", "bedroom:7", "--model", model}}) {
            MainTest.Result r = run(args);
            assertEquals(0, r.code(), r.err());
            String[] lines = r.out().split("\n");
            assertEquals("bedroom-0007  (model " + model + ")", lines[0]);
            assertTrue(lines[1].matches("objects  \\d+ labelled"), r.out());
            assertEquals("question Find the lamp.", lines[2]);
        }
        MainTest.Result j = run("ask", "--room", "kitchen", "--task", "dense-caption", "--model", model, "--json");
        assertEquals(0, j.code(), j.err());
        JsonObject o = JsonParser.parseString(j.out()).getAsJsonObject();
        assertEquals("kitchen-0007", o.get("scene").getAsString());
        assertEquals(false, o.get("objects_are_proposals").getAsBoolean());
        assertEquals(8, o.getAsJsonArray("captions").size());

        Path ply = tmp.resolve("room.ply");
        PlyWriter.write(TrainingRooms.room(7).scene().points(), ply, PlyFormat.BINARY_LITTLE_ENDIAN);
        MainTest.Result path = run("ask", ply.toString(), "--task", "grounding", "--model", model, "the lamp");
        assertEquals(0, path.code(), path.err());
        assertEquals("question Find the lamp.", path.out().split("\n")[2]);
    }

    @Test
    void withRoomTextIsOneArgumentAndIsStillNeeded() {
        MainTest.Result r = run("ask", "--room", "bedroom:7", "--task", "grounding", "--model", model, "the", "lamp");
        assertEquals(1, r.code());
        assertEquals("r1kit: with --room there is no PATH, so TEXT is one argument, got \"the\" and \"lamp\" "
                + "(quote a TEXT of several words)\n", r.err());
        r = run("ask", "--room", "bedroom:7", "--task", "grounding", "--model", model);
        assertEquals(1, r.code());
        assertEquals("r1kit: --task grounding needs TEXT, e.g. r1kit ask --room bedroom:7 --task grounding "
                + "\"the red chair\"\n", r.err());
    }
}
