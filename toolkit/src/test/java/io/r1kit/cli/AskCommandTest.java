package io.r1kit.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.r1kit.SharedData;
import io.r1kit.scene.ply.PlyFormat;
import io.r1kit.scene.ply.PlyWriter;
import io.r1kit.train.TinyCheckpoint;
import io.r1kit.train.TrainingRooms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.r1kit.cli.AskChecks.*;
import static io.r1kit.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code r1kit ask} for each task. The models here are barely trained, so the tests hold the output's
 * shape (lines, JSON fields, exit codes), not what the model answers; {@link AskRefusalsTest} holds the refusals.
 */
class AskCommandTest {

    /** Trained with task prompts: dense captions of the whole room, replies in the reasoning format when it can. */
    private final String model = TinyCheckpoint.dir().toString();

    @Test
    void denseCaptionWithTaskPromptsCaptionsTheWholeRoomAtOnce() {
        MainTest.Result r = run("ask", "--room", "kitchen", "--task", "dense-caption", "--model", model, "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject o = header(r.out(), "kitchen-0007", "dense-caption");
        assertFalse(o.get("objects_are_proposals").getAsBoolean());
        assertTrue(o.get("question").isJsonNull());
        assertAnswer(o);
        for (JsonElement e : o.getAsJsonArray("captions")) {
            JsonObject c = e.getAsJsonObject();
            assertTrue(c.get("id").isJsonNull() || c.get("id").getAsInt() > 0, c.toString());
            assertTrue(c.get("label").isJsonNull() || !c.get("label").getAsString().isEmpty(), c.toString());
            assertEquals(6, c.getAsJsonArray("box").size());
            assertTrue(c.get("iou").getAsDouble() >= 0 && c.get("iou").getAsDouble() <= 1, c.toString());
            assertTrue(c.get("caption").isJsonPrimitive());
        }
        assertEquals(o.getAsJsonArray("boxes").size(), o.getAsJsonArray("captions").size(), "a caption per box read");

        MainTest.Result text = run("ask", "--room", "kitchen", "--task", "dense-caption", "--model", model);
        assertEquals(0, text.code(), text.err());
        List<String> lines = text.out().lines().toList();
        assertEquals("kitchen-0007  (model " + model + ")", lines.get(0));
        assertTrue(lines.get(1).matches("objects  \\d+ labelled"), lines.get(1));
        for (String l : lines.subList(2, lines.size())) {
            assertTrue(l.matches("(note     .+|step \\d+ +.*|answer   .*|  +(\\d+|-)  .+ " + BOX + " *.*)"), l);
        }
    }

    @Test
    void denseCaptionOfAPlainCheckpointCaptionsTheEncodedObjectsOneByOne(@TempDir Path tmp) throws Exception {
        String plain = plainCopy(tmp).toString();
        MainTest.Result r = run("ask", SharedData.path("scannet/scene0000_02_vert.npy").toString(), "--task",
                "dense-caption", "--model", plain, "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(false, o.get("objects_are_proposals").getAsBoolean());
        assertEquals(28, o.get("objects").getAsInt());
        JsonArray captions = o.getAsJsonArray("captions");
        assertEquals(8, captions.size());     // the tiny model encodes 8 objects
        JsonObject first = captions.get(0).getAsJsonObject();
        assertEquals(1, first.get("id").getAsInt());
        assertEquals("cabinet", first.get("label").getAsString());
        assertEquals(6, first.getAsJsonArray("box").size());
        assertTrue(first.get("caption").isJsonPrimitive());
    }

    @Test
    void denseCaptionOfAnUnlabelledPlyRunsOverProposalsAndSaysSo(@TempDir Path tmp) throws Exception {
        String plain = plainCopy(tmp.resolve("plain")).toString();
        Path ply = tmp.resolve("room.ply");
        PlyWriter.write(TrainingRooms.room(7).scene().points(), ply, PlyFormat.BINARY_LITTLE_ENDIAN);
        for (String scan : new String[] {ply.toString(), SharedData.path("ply/Wuson.ply").toString()}) {
            MainTest.Result r = run("ask", scan, "--task", "dense-caption", "--model", plain);
            assertEquals(0, r.code(), r.err());
            String[] lines = r.out().split("\n");
            assertTrue(lines[1].matches("objects  \\d+ proposals? \\(the scene has no labelled objects\\)"), r.out());
            int proposals = Integer.parseInt(lines[1].split(" +")[1]);
            long rows = r.out().lines().filter(l -> l.matches(" +\\d+  object \\d+ .*")).count();
            assertEquals(Math.min(8, proposals), rows, r.out());
        }
    }

    @Test
    void objectCaptionDescribesTheObjectOfTheIdGiven(@TempDir Path tmp) throws Exception {
        MainTest.Result r = run("ask", "--room", "bedroom:7", "--task", "object-caption", "--object", "3", "--model", model,
                "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject o = header(r.out(), "bedroom-0007", "object-caption");
        assertEquals(3, o.getAsJsonObject("object").get("id").getAsInt());
        assertEquals("bed", o.getAsJsonObject("object").get("label").getAsString());
        assertEquals(6, o.getAsJsonObject("object").getAsJsonArray("box").size());
        assertTrue(o.get("question").getAsString().matches("<obj>\\d+, \\d+, \\d+, \\d+, \\d+, \\d+</obj>"), r.out());
        assertAnswer(o);

        MainTest.Result text = run("ask", "--room", "bedroom:7", "--task", "object-caption", "--object", "3", "--model",
                model);
        assertEquals(0, text.code(), text.err());
        List<String> lines = text.out().lines().toList();
        assertTrue(lines.get(2).matches("object   3 bed  " + BOX), lines.get(2));
        assertAnswerLines(lines.subList(3, lines.size()));

        // a scan without labels: the ids are those of its proposals
        Path ply = tmp.resolve("room.ply");
        PlyWriter.write(TrainingRooms.room(7).scene().points(), ply, PlyFormat.BINARY_LITTLE_ENDIAN);
        MainTest.Result proposal = run("ask", ply.toString(), "--task", "object-caption", "--object", "1", "--model",
                model, "--json");
        assertEquals(0, proposal.code(), proposal.err());
        JsonObject p = JsonParser.parseString(proposal.out()).getAsJsonObject();
        assertTrue(p.get("objects_are_proposals").getAsBoolean());
        assertEquals("object", p.getAsJsonObject("object").get("label").getAsString());

        MainTest.Result unknown = run("ask", "--room", "bedroom:7", "--task", "object-caption", "--object", "99",
                "--model", model);
        assertEquals(1, unknown.code());
        assertEquals("", unknown.out());
        assertEquals("r1kit: no object 99 (ids: 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14)\n", unknown.err());
    }

    @Test
    void groundingPrintsTheReasoningBoxAndNearestObject() {
        MainTest.Result r = run("ask", SharedData.path("scannet/scene0000_02_vert.npy").toString(), "--task",
                "grounding", "--model", model, "the cabinet");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("question the cabinet", lines.get(2));
        assertAnswerLines(lines.subList(3, lines.size()).stream().filter(l -> !l.startsWith("nearest  ")).toList());
        long answers = lines.stream().filter(l -> l.startsWith("answer   ")).count();
        assertEquals(1, answers, r.out());
        int box = indexOf(lines, "box      ");
        assertTrue(box > indexOf(lines, "answer   "), r.out());
        if (lines.get(box).startsWith("box      none")) {
            assertEquals("box      none (the answer holds no readable <obj> box)", lines.get(box));
        } else {
            assertTrue(lines.get(box).matches("box      " + BOX), lines.get(box));
            assertTrue(lines.get(box + 1).matches("nearest  \\d+ .+, IoU [01]\\.[0-9]{3}")
                    || lines.get(box + 1).equals("nearest  none (the box overlaps no object)"), lines.get(box + 1));
        }

        MainTest.Result j = run("ask", "--room", "bedroom:7", "--task", "grounding", "--model", model, "--json", "the lamp");
        assertEquals(0, j.code(), j.err());
        JsonObject o = header(j.out(), "bedroom-0007", "grounding");
        assertEquals("the lamp", o.get("question").getAsString());
        assertAnswer(o);
        assertTrue(o.has("box") && o.has("nearest"), j.out());
        if (o.get("box").isJsonNull()) {
            assertTrue(o.get("nearest").isJsonNull());
        } else {
            assertEquals(6, o.getAsJsonArray("box").size());
            assertTrue(o.get("nearest").isJsonNull() || o.getAsJsonObject("nearest").has("iou"), j.out());
        }
    }

    @Test
    void qaReasoningAndPlanningPrintTheStepsThenTheAnswer() {
        for (String task : new String[] {"qa", "reasoning", "planning"}) {
            MainTest.Result r = run("ask", "--room", "office:3", "--task", task, "--model", model,
                    "What is on the desk?");
            assertEquals(0, r.code(), r.err());
            List<String> lines = r.out().lines().toList();
            assertEquals("office-0003  (model " + model + ")", lines.get(0));
            assertEquals("question What is on the desk?", lines.get(2));
            assertAnswerLines(lines.subList(3, lines.size()));
            assertEquals(1, lines.stream().filter(l -> l.startsWith("answer   ")).count(), r.out());
            assertTrue(indexOf(lines, "answer   ") > lastIndexOf(lines, "step "), "the steps come first: " + r.out());

            MainTest.Result j = run("ask", "--room", "office:3", "--task", task, "--model", model, "--json",
                    "What is on the desk?");
            assertEquals(0, j.code(), j.err());
            JsonObject o = header(j.out(), "office-0003", task);
            assertEquals("What is on the desk?", o.get("question").getAsString());
            assertAnswer(o);
            assertEquals(o.getAsJsonArray("steps").size(), lines.stream().filter(l -> l.startsWith("step ")).count());
            assertEquals(o.get("note").getAsString().isEmpty(), lines.stream().noneMatch(l -> l.startsWith("note     ")));
        }
    }

    @Test
    void aDialogueAsksItsTurnsInOrder() {
        MainTest.Result r = run("ask", "--room", "bedroom:7", "--task", "dialogue", "--model", model,
                "--turn", "Is there a mug in here?", "--turn", "What colour is it?");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        int first = lines.indexOf("turn 1   Is there a mug in here?");
        int second = lines.indexOf("turn 2   What colour is it?");
        assertEquals(2, first, r.out());
        assertTrue(second > first, r.out());
        assertAnswerLines(lines.subList(first + 1, second));
        assertAnswerLines(lines.subList(second + 1, lines.size()));
        assertEquals(2, lines.stream().filter(l -> l.startsWith("answer   ")).count(), r.out());

        MainTest.Result j = run("ask", "--room", "bedroom:7", "--task", "dialogue", "--model", model, "--json",
                "--turn", "Is there a mug in here?", "--turn", "What colour is it?");
        assertEquals(0, j.code(), j.err());
        JsonObject o = header(j.out(), "bedroom-0007", "dialogue");
        JsonArray turns = o.getAsJsonArray("turns");
        assertEquals(2, turns.size());
        assertEquals("Is there a mug in here?", turns.get(0).getAsJsonObject().get("question").getAsString());
        assertEquals("What colour is it?", turns.get(1).getAsJsonObject().get("question").getAsString());
        turns.forEach(t -> assertAnswer(t.getAsJsonObject()));
        assertFalse(o.has("answer"), "the answers are in the turns");

        // TEXT alone is one turn
        MainTest.Result one = run("ask", "--room", "bedroom:7", "--task", "dialogue", "--model", model, "--json",
                "Is there a bed?");
        assertEquals(0, one.code(), one.err());
        JsonArray single = JsonParser.parseString(one.out()).getAsJsonObject().getAsJsonArray("turns");
        assertEquals(1, single.size());
        assertEquals("Is there a bed?", single.get(0).getAsJsonObject().get("question").getAsString());
    }

    @Test
    void aDialogueReadsItsTurnsFromAJsonlFile(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("turns.jsonl");
        Files.writeString(file, "{\"question\": \"Is there a mug in here?\"}\n\n{\"human\": \"What colour is it?\", "
                + "\"assistant\": \"ignored\"}\n");
        MainTest.Result r = run("ask", "--room", "bedroom:7", "--task", "dialogue", "--model", model, "--turns",
                file.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonArray turns = header(r.out(), "bedroom-0007", "dialogue").getAsJsonArray("turns");
        assertEquals(2, turns.size());
        assertEquals("Is there a mug in here?", turns.get(0).getAsJsonObject().get("question").getAsString());
        assertEquals("What colour is it?", turns.get(1).getAsJsonObject().get("question").getAsString());

        Files.writeString(file, "{\"question\": \"Is there a mug in here?\"}\n{\"question\": \n");
        assertOneLine(model, "turns.jsonl: line 2: not a JSON object: {\"question\":", "--task", "dialogue", "--turns",
                file.toString());
        Files.writeString(file, "[\"Is there a mug?\"]\n");
        assertOneLine(model, "turns.jsonl: line 1: not a JSON object: [\"Is there a mug?\"]", "--task", "dialogue", "--turns",
                file.toString());
        Files.writeString(file, "{\"question\": \"Is there a mug?\"}\n{\"text\": \"What colour is it?\"}\n");
        assertOneLine(model, "turns.jsonl: line 2: no \"question\" (or \"human\") text", "--task", "dialogue", "--turns",
                file.toString());
        Files.writeString(file, "{\"question\": 3}\n");
        assertOneLine(model, "turns.jsonl: line 1: no \"question\" (or \"human\") text", "--task", "dialogue", "--turns",
                file.toString());
        Files.writeString(file, "\n\n");
        assertOneLine(model, "turns.jsonl: no turns (one JSON object a line with a \"question\")", "--task", "dialogue",
                "--turns", file.toString());
        Path missing = tmp.resolve("missing.jsonl");
        assertOneLine(model, missing + ": not found", "--task", "dialogue", "--turns", missing.toString());
    }
}
