package io.r1kit.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.r1kit.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code model evaluate} on a few questions of chosen tasks, with every reply written out. */
class ModelEvaluateCommandTest {

    @Test
    void evaluatesTheChosenTasksAndWritesEveryReply(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("answers.jsonl");
        MainTest.Result r = run("model", "evaluate", "--rooms", "2", "--per-task", "3", "--tasks", "qa,grounding",
                "--answers", file.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject report = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(List.of("grounding", "qa"), List.copyOf(report.getAsJsonObject("tasks").keySet()));
        List<String> lines = Files.readAllLines(file);
        assertEquals(6, lines.size(), String.join("\n", lines));
        for (String line : lines) {
            JsonObject o = JsonParser.parseString(line).getAsJsonObject();
            for (String key : List.of("model", "room", "scene", "task", "question", "reference", "reply", "answer")) {
                assertTrue(o.has(key), key + " in " + line);
            }
            assertEquals(o.get("task").getAsString().equals("qa"), o.has("type"), line);
            assertFalse(o.get("reply").getAsString().isEmpty(), line);
        }
        // three questions of each task, QA's among them
        long asked = lines.stream().filter(l -> l.contains("\"task\":\"qa\"")).count();
        assertEquals(3, asked);
        assertTrue(r.err().contains("answers: " + file), r.err());
    }

    @Test
    void refusesAnUnknownTaskAndAMissingFolderInOneLine(@TempDir Path tmp) {
        MainTest.Result bad = run("model", "evaluate", "--rooms", "1", "--tasks", "qa,captions");
        assertTrue(bad.code() != 0, bad.err());
        assertTrue(bad.err().contains("unknown task 'captions' (known: dense-caption, object-caption"), bad.err());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
        Path nowhere = tmp.resolve("no/such/answers.jsonl");
        MainTest.Result missing = run("model", "evaluate", "--rooms", "1", "--answers", nowhere.toString());
        assertTrue(missing.code() != 0, missing.err());
        assertTrue(missing.err().contains("--answers " + nowhere + ": the folder " + nowhere.getParent()
                + " does not exist"), missing.err());
    }

    @Test
    void refusesAMissingSecondModelBeforeAnsweringWithTheFirst(@TempDir Path tmp) {
        Path gone = tmp.resolve("grpo-run");
        MainTest.Result r = run("model", "evaluate", "--rooms", "1", "--compare", gone.toString());
        assertTrue(r.code() != 0, r.err());
        assertTrue(r.err().contains(gone + ": not a checkpoint folder (no tokenizer.json)"), r.err());
        assertFalse(r.err().contains("answered"), "the first model answered before the refusal: " + r.err());
    }
}
