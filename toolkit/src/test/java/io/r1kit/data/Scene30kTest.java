package io.r1kit.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class Scene30kTest {

    @Test
    void readsTheFixtureSkippingBlankLines() throws Exception {
        List<Scene30kRecord> all = Scene30k.read(Fixtures.path("scene30k_sample.jsonl"));
        assertEquals(3, all.size());
        assertEquals(new Scene30kRecord("scene0001_00", "Which object is closest to the desk lamp?",
                "<think>The desk lamp sits on the desk; the monitor is beside it, the chair is further away.</think>"
                        + "<answer>the monitor</answer>"), all.get(0));
        assertEquals("scene0002_00", all.get(1).sceneId());
        assertEquals("Ünïcode \"quoted\" question?", all.get(2).question());
    }

    @Test
    void writeThenReadGivesTheSameRecords(@TempDir Path dir) throws Exception {
        List<Scene30kRecord> records = Scene30k.read(Fixtures.path("scene30k_sample.jsonl"));
        Path out = dir.resolve("copy.jsonl");
        Scene30k.write(out, records);
        assertEquals(records, Scene30k.read(out));
        List<String> lines = Files.readAllLines(out);
        assertEquals(3, lines.size());
        // Field order is fixed and HTML characters stay as they are.
        assertEquals("{\"scene_id\":\"scene0001_00\",\"question\":\"Ünïcode \\\"quoted\\\" question?\","
                + "\"cot\":\"<think>a & b < c</think><answer>yes</answer>\"}", lines.get(2));
    }

    @Test
    void badLinesNameTheLineNumber(@TempDir Path dir) throws Exception {
        String good = "{\"scene_id\": \"s\", \"question\": \"q\", \"cot\": \"c\"}";
        assertEquals("b.jsonl: line 3: bad JSON at column 21: unterminated string at the end of the line (truncated line?)",
                message(dir, "b.jsonl", good + "\n\n{\"scene_id\": \"s\", \"q\n" + good + "\n"));
        assertEquals("c.jsonl: line 2: missing field \"cot\"",
                message(dir, "c.jsonl", good + "\n{\"scene_id\": \"s\", \"question\": \"q\"}\n"));
        assertEquals("d.jsonl: line 1: field \"question\" should be a string, got an array",
                message(dir, "d.jsonl", "{\"scene_id\": \"s\", \"question\": [\"q\"], \"cot\": \"c\"}"));
        assertEquals("e.jsonl: line 1: expected a JSON object, got 5", message(dir, "e.jsonl", "5\n"));
        assertEquals("f.jsonl: empty file", message(dir, "f.jsonl", "\n\n"));
    }

    private static String message(Path dir, String name, String text) throws Exception {
        Path f = Files.writeString(dir.resolve(name), text);
        return assertThrows(DataFormatException.class, () -> Scene30k.read(f)).getMessage();
    }
}
