package io.r1kit.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ScanQaTest {

    @Test
    void readsTheValidationFixture() throws Exception {
        List<ScanQaEntry> all = ScanQa.read(Fixtures.path("ScanQA_v1.0_val.json"));
        assertEquals(3, all.size());
        assertEquals(new ScanQaEntry("val-scene0003_00-0", "scene0003_00",
                "What is in the middle of the room between the two couches?",
                List.of("brown wooden table", "wooden table"), List.of(7), List.of("table")), all.get(0));
        assertEquals(List.of(3, 9), all.get(1).objectIds());
        assertEquals("scene0004_00", all.get(2).sceneId());
    }

    @Test
    void testSplitHasNoAnswers() throws Exception {
        List<ScanQaEntry> all = ScanQa.read(Fixtures.path("ScanQA_v1.0_test_w_obj.json"));
        assertEquals(2, all.size());
        assertEquals(List.of(), all.get(0).answers());
        assertEquals(List.of(8, 10), all.get(1).objectIds());
        assertEquals(List.of("towel", "towel"), all.get(1).objectNames());
    }

    @Test
    void presentFieldsMustHaveTheirType(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("q.json"), "[{\"question_id\": \"q0\", \"scene_id\": \"s\", "
                + "\"question\": \"?\", \"answers\": \"yes\"}]");
        assertEquals("q.json: record 0: field \"answers\" should be a list of strings, got \"yes\"",
                assertThrows(DataFormatException.class, () -> ScanQa.read(f)).getMessage());
        Path g = Files.writeString(dir.resolve("r.json"), "[{\"question_id\": 3, \"scene_id\": \"s\", \"question\": \"?\"}]");
        assertEquals("r.json: record 0: field \"question_id\" should be a string, got 3",
                assertThrows(DataFormatException.class, () -> ScanQa.read(g)).getMessage());
        Path h = Files.writeString(dir.resolve("s.json"), "[{\"question_id\": \"q0\", \"scene_id\": \"s\", "
                + "\"question\": \"?\", \"answers\": \"\\u001b[2J" + "x".repeat(5_000) + "\"}]");
        assertEquals("s.json: record 0: field \"answers\" should be a list of strings, got \"?[2J" + "x".repeat(53)
                + "...\"", assertThrows(DataFormatException.class, () -> ScanQa.read(h)).getMessage());
    }
}
