package io.r1kit.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.r1kit.facade.AnswerText;
import io.r1kit.model.vlm.VlmAsk;
import io.r1kit.scene.Box3;
import io.r1kit.scene.PointCloud;
import io.r1kit.scene.Scene;
import io.r1kit.scene.SceneObject;
import io.r1kit.task.BoxCodec;
import io.r1kit.task.Task;
import io.r1kit.task.TaskAnswer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The layout of {@code r1kit ask}'s answers, on replies written by hand. */
class AskOutputTest {

    private static final Box3 BOUNDS = Box3.ofMinMax(0, 0, 0, 5.1f, 5.1f, 2.55f);
    private static final BoxCodec CODEC = new BoxCodec(BOUNDS);
    private static final SceneObject CHAIR = new SceneObject(1, "chair", 5, Box3.ofMinMax(1, 1, 0, 2, 2, 1), new int[0]);
    private static final SceneObject TABLE = new SceneObject(2, "table", 7, Box3.ofMinMax(3, 3, 0, 4, 4, 1), new int[0]);
    private static final Scene SCENE = Scene.builder("hand")
            .points(new PointCloud(new float[] {0, 0, 0, 5.1f, 5.1f, 2.55f}, new float[6], null))
            .objects(List.of(CHAIR, TABLE)).build();

    @Test
    void anAnswerIsItsQuestionStepsAnswerBoxesThenNote() {
        String chair = CODEC.encode(CHAIR.box());
        TaskAnswer a = TaskAnswer.read(Task.QA, "<think>Step 1: A chair stands\nby the wall. Step 2: It is alone.</think>"
                + "<answer>one, at " + chair + "</answer>", BOUNDS);
        StringBuilder sb = new StringBuilder();
        AnswerText.text(sb, "question", "How many chairs?", a, true);
        AnswerText.note(sb, a);
        assertEquals("question How many chairs?\n"
                + "step 1   A chair stands by the wall.\n"
                + "step 2   It is alone.\n"
                + "answer   one, at " + chair + "\n"
                + "box      (1.50, 1.50, 0.50) 1.00 x 1.00 x 1.00\n", sb.toString());

        JsonObject j = AskOutput.json("How many chairs?", a);
        assertEquals("How many chairs?", j.get("question").getAsString());
        assertEquals(a.reply(), j.get("reply").getAsString());
        assertEquals(2, j.getAsJsonArray("steps").size());
        assertEquals("A chair stands\nby the wall.", j.getAsJsonArray("steps").get(0).getAsString(), "JSON keeps the text");
        assertEquals(1, j.getAsJsonArray("boxes").size());
        assertEquals(6, j.getAsJsonArray("boxes").get(0).getAsJsonArray().size());
        assertEquals("", j.get("note").getAsString());

        TaskAnswer plain = TaskAnswer.read(Task.QA, "one", BOUNDS);
        StringBuilder p = new StringBuilder();
        AnswerText.text(p, "turn 2", "How many chairs?", plain, true);
        AnswerText.note(p, plain);
        assertEquals("turn 2   How many chairs?\nanswer   one\nnote     not in the reasoning format (no <think> tag)\n",
                p.toString());
        JsonObject pj = JsonParser.parseString(AskOutput.pretty(AskOutput.json(null, plain))).getAsJsonObject();
        assertTrue(pj.get("question").isJsonNull(), "nulls are written");
        assertEquals(0, pj.getAsJsonArray("steps").size());
        assertTrue(AskOutput.pretty(AskOutput.json(null, plain)).contains("\"note\": \"not in the reasoning format (no <think> tag)\""));
    }

    @Test
    void groundingNamesTheObjectTheBoxOverlapsMost() {
        TaskAnswer a = TaskAnswer.read(Task.GROUNDING, "<think>Step 1: the chair.</think><answer>"
                + CODEC.encode(CHAIR.box()) + "</answer>", BOUNDS);
        StringBuilder sb = new StringBuilder();
        JsonObject j = new JsonObject();
        AskOutput.grounding(VlmAsk.Grounded.of(SCENE, "q", a), sb, j);
        assertTrue(sb.toString().matches("box      \\(1\\.50, 1\\.50, 0\\.50\\) 1\\.00 x 1\\.00 x 1\\.00\n"
                + "nearest  1 chair, IoU (0\\.9\\d\\d|1\\.000)\n"), sb.toString());
        assertEquals(1, j.getAsJsonObject("nearest").get("id").getAsInt());
        assertTrue(j.getAsJsonObject("nearest").get("iou").getAsDouble() > 0.9);

        TaskAnswer away = TaskAnswer.read(Task.GROUNDING, CODEC.encode(Box3.ofMinMax(0, 4.5f, 0, 0.5f, 5, 1)), BOUNDS);
        StringBuilder none = new StringBuilder();
        JsonObject nj = new JsonObject();
        AskOutput.grounding(VlmAsk.Grounded.of(SCENE, "q", away), none, nj);
        assertTrue(none.toString().endsWith("nearest  none (the box overlaps no object)\n"), none.toString());
        assertTrue(nj.get("nearest").isJsonNull());

        StringBuilder noBox = new StringBuilder();
        JsonObject bj = new JsonObject();
        AskOutput.grounding(VlmAsk.Grounded.of(SCENE, "q", TaskAnswer.read(Task.GROUNDING, "the chair", BOUNDS)), noBox, bj);
        assertEquals("box      none (the answer holds no readable <obj> box)\n", noBox.toString());
        assertTrue(bj.get("box").isJsonNull());
        assertTrue(SCENE.mostOverlapped(Box3.ofMinMax(0, 4.5f, 0, 0.5f, 5, 1)).isEmpty());
    }

    @Test
    void aRoomsDenseCaptionIsARowPerBox() {
        TaskAnswer a = TaskAnswer.read(Task.DENSE_CAPTION, "<think>Step 1: two objects.</think><answer>"
                + CODEC.encode(CHAIR.box()) + " A red chair. " + CODEC.encode(Box3.ofMinMax(0, 4.5f, 0, 0.5f, 5, 1))
                + " A shadow.</answer>", BOUNDS);
        StringBuilder sb = new StringBuilder();
        var rows = AskOutput.captions(VlmAsk.captions(SCENE, a), true, sb);
        assertEquals(2, rows.size());
        String[] lines = sb.toString().split("\n");
        assertTrue(lines[0].matches(" +1  chair +\\(1\\.50, 1\\.50, 0\\.50\\) 1\\.00 x 1\\.00 x 1\\.00 +A red chair\\."),
                lines[0]);
        assertTrue(lines[1].matches(" +-  \\(no object\\) +\\(.+\\) .+ +A shadow\\."), lines[1]);
        JsonObject first = rows.get(0).getAsJsonObject();
        assertEquals(1, first.get("id").getAsInt());
        assertEquals("chair", first.get("label").getAsString());
        assertEquals("A red chair.", first.get("caption").getAsString());
        JsonObject second = rows.get(1).getAsJsonObject();
        assertTrue(second.get("id").isJsonNull() && second.get("label").isJsonNull());
        assertEquals(0, second.get("iou").getAsDouble());
    }

    @Test
    void aTurnsFileIsOneQuestionALine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("t.jsonl");
        Files.writeString(f, "{\"question\": \" Is there a mug? \"}\n\n{\"human\": \"What colour is it?\"}\n");
        assertEquals(List.of("Is there a mug?", "What colour is it?"), AskOutput.turns(f));
        Files.writeString(f, "{\"question\": \"\"}\n");
        assertEquals("t.jsonl: line 1: no \"question\" (or \"human\") text",
                org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> AskOutput.turns(f))
                        .getMessage());
        assertEquals("a b c", AnswerText.line(" a\n b \r\n c "));
    }
}
