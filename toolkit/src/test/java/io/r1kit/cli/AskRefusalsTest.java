package io.r1kit.cli;

import com.google.gson.JsonObject;
import io.r1kit.SharedData;
import io.r1kit.model.vlm.NanoModel;
import io.r1kit.scene.ply.PlyFormat;
import io.r1kit.scene.ply.PlyWriter;
import io.r1kit.train.TinyCheckpoint;
import io.r1kit.train.TrainingRooms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.r1kit.cli.AskChecks.*;
import static io.r1kit.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code r1kit ask}'s refusals and arguments: bad input is one line before anything loads, the shipped model
 * answers (or the error says how to train one), and {@code --room} makes the first positional the TEXT.
 */
class AskRefusalsTest {

    private final String model = TinyCheckpoint.dir().toString();

    @Test
    void badInputIsOneLineBeforeAnythingIsLoaded() {
        assertOneLine(model, "--object is for --task object-caption, not qa", "--task", "qa", "--object", "3", "How many beds?");
        assertOneLine(model, "--turn is for --task dialogue, not grounding", "--task", "grounding", "--turn", "hi", "the lamp");
        assertOneLine(model, "--turns is for --task dialogue, not qa", "--task", "qa", "--turns", "t.jsonl", "How many beds?");
        assertOneLine(model, "--task object-caption needs --object ID, e.g. r1kit ask --room bedroom:7 --task object-caption "
                + "--object 1", "--task", "object-caption");
        assertOneLine(model, "--task object-caption takes --object ID, not TEXT (got \"the bed\")", "--task", "object-caption",
                "--object", "3", "the bed");
        assertOneLine(model, "--task dense-caption takes no TEXT (it captions every object), got \"the bed\"", "--task",
                "dense-caption", "the bed");
        assertOneLine(model, "--task dialogue needs TEXT, --turn TEXT (repeated) or --turns FILE.jsonl, e.g. r1kit ask --room "
                + "bedroom:7 --task dialogue --turn \"Is there a mug in here?\" --turn \"What colour is it?\"",
                "--task", "dialogue");
        assertOneLine(model, "--task dialogue takes TEXT, --turn TEXT (repeated) or --turns FILE, one of them", "--task",
                "dialogue", "--turn", "Is there a bed?", "What colour is it?");
        assertOneLine(model, "--task dialogue takes TEXT, --turn TEXT (repeated) or --turns FILE, one of them", "--task",
                "dialogue", "--turn", "Is there a bed?", "--turns", "t.jsonl");
        assertOneLine(model, "--turn needs a question, got an empty one", "--task", "dialogue", "--turn", "Hi", "--turn", " ");
        assertOneLine(model, "--task qa needs TEXT, e.g. r1kit ask --room bedroom:7 --task qa \"How many chairs are there?\"",
                "--task", "qa");
        assertOneLine(model, "--task planning needs TEXT, e.g. r1kit ask --room bedroom:7 --task planning "
                + "\"I want to read a book.\"", "--task", "planning");
        assertOneLine(model, "unknown task 'captions' (known: dense-caption, object-caption, grounding, qa, dialogue, "
                + "reasoning, planning)", "--task", "captions");
    }

    @Test
    void theShippedModelAnswersOrTheErrorSaysHowToTrainOne() {
        String scan = SharedData.path("ply/cube.ply").toString();
        MainTest.Result r = run("ask", scan, "--task", "qa", "--json", "How many chairs are there?");
        if (NanoModel.present()) {
            assertEquals(0, r.code(), r.err());   // this build ships a model: it answers, steps or not
            JsonObject o = header(r.out(), "cube", "qa");
            assertEquals(NanoModel.shipped().get(0), o.get("model").getAsString());
            assertAnswer(o);
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
            assertEquals("question the lamp", lines[2]);
        }
        Path ply = tmp.resolve("room.ply");
        PlyWriter.write(TrainingRooms.room(7).scene().points(), ply, PlyFormat.BINARY_LITTLE_ENDIAN);
        MainTest.Result path = run("ask", ply.toString(), "--task", "grounding", "--model", model, "the lamp");
        assertEquals(0, path.code(), path.err());
        assertEquals("question the lamp", path.out().split("\n")[2]);
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
