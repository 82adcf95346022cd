package io.r1kit.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.r1kit.model.vlm.NanoModel;
import io.r1kit.model.vlm.VlmConfig;
import io.r1kit.train.TinyCheckpoint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static io.r1kit.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the {@code r1kit ask} tests check of every run: the answer's lines and JSON fields, one-line errors. */
final class AskChecks {

    static final String BOX = "\\(-?[0-9.]+, -?[0-9.]+, -?[0-9.]+\\) [0-9.]+ x [0-9.]+ x [0-9.]+";
    /** The lines an answer may have after its question: steps, the answer, its boxes, the note. */
    static final String ANSWER_LINE = "(step \\d+ +.*|answer   .*|box      (" + BOX + "|none \\(.+\\))|note     .+)";

    private AskChecks() {}

    /** The JSON object of one run, checked for the fields every answer has. */
    static JsonObject header(String out, String scene, String task) {
        JsonObject o = JsonParser.parseString(out).getAsJsonObject();
        assertEquals(scene, o.get("scene").getAsString());
        assertEquals(task, o.get("task").getAsString());
        assertTrue(o.get("model").isJsonPrimitive(), out);
        assertTrue(o.get("objects").getAsInt() >= 0, out);
        assertTrue(o.get("objects_are_proposals").isJsonPrimitive(), out);
        return o;
    }

    /** question (or null), reply, steps (possibly empty), answer, boxes of six numbers, note ("" when well formed). */
    static void assertAnswer(JsonObject a) {
        for (String field : List.of("question", "reply", "steps", "answer", "boxes", "note")) {
            assertTrue(a.has(field), field + " missing from " + a);
        }
        assertTrue(a.get("reply").isJsonPrimitive() && a.get("answer").isJsonPrimitive(), a.toString());
        a.getAsJsonArray("steps").forEach(s -> assertFalse(s.getAsString().isBlank(), a.toString()));
        a.getAsJsonArray("boxes").forEach(b -> assertEquals(6, b.getAsJsonArray().size()));
        String note = a.get("note").getAsString();
        if (!a.get("reply").getAsString().strip().startsWith("<think>")) {
            assertTrue(note.startsWith("not in the reasoning format ("), a.toString());
        }
    }

    static void assertAnswerLines(List<String> lines) {
        assertFalse(lines.isEmpty());
        for (String l : lines) {
            assertTrue(l.matches(ANSWER_LINE), "unexpected line \"" + l + "\" in " + lines);
        }
        assertTrue(lines.stream().filter(l -> l.startsWith("note")).count() <= 1, lines.toString());
    }

    /** Run {@code model} with --room bedroom:7: exit 1, nothing out, the error one line. */
    static void assertOneLine(String model, String message, String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "ask";
        all[1] = "--room";
        all[2] = "bedroom:7";
        all[3] = "--model";
        all[4] = model;
        System.arraycopy(args, 0, all, 5, args.length);
        MainTest.Result r = run(all);
        assertEquals(1, r.code(), Arrays.toString(all) + ": " + r.out());
        assertEquals("", r.out());
        assertEquals("r1kit: " + message + "\n", r.err());
    }

    static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    static int lastIndexOf(List<String> lines, String prefix) {
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                at = i;
            }
        }
        return at;
    }

    /** The tiny checkpoint as one trained before task prompts: the same weights, {@code task_prompts} false. */
    static Path plainCopy(Path dir) throws Exception {
        Files.createDirectories(dir);
        for (String f : NanoModel.FILES) {
            Files.copy(TinyCheckpoint.dir().resolve(f), dir.resolve(f));
        }
        JsonObject vlm = JsonParser.parseString(Files.readString(dir.resolve(VlmConfig.FILE))).getAsJsonObject();
        vlm.addProperty("task_prompts", false);
        Files.writeString(dir.resolve(VlmConfig.FILE), vlm.toString());
        return dir;
    }
}
