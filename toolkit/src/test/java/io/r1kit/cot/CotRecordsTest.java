package io.r1kit.cot;

import io.r1kit.cot.filter.FilterConfig;
import io.r1kit.cot.filter.Reanswerer;
import io.r1kit.cot.tasks.Rooms;
import io.r1kit.data.Scene30k;
import io.r1kit.data.Scene30kRecord;
import io.r1kit.scene.gen.SceneGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CotRecordsTest {

    @Test
    void targetIdsRoundTripAndNameTheTargetObject(@TempDir Path dir) throws Exception {
        DataEngine engine = new DataEngine(Rooms.GENERATOR, new GraphCotWriter(1), FilterConfig.defaults(), Reanswerer.CONCLUSION);
        DataEngine.SceneData d = engine.scene(2);
        SceneGraph g = d.room().graph();
        List<CotRecord> records = d.records();
        Path f = dir.resolve("x.jsonl");
        CotRecords.write(f, records);
        List<CotRecord> back = CotRecords.read(f);
        assertEquals(records, back);
        int withIds = 0;
        for (CotRecord r : back) {
            if (!r.targetIds().isEmpty()) {
                withIds++;
                // The main target id is the object whose label the record names.
                assertEquals(r.target(), g.object(r.targetIds().get(0)).orElseThrow().label(), r.toString());
            }
        }
        assertTrue(withIds > records.size() / 2, withIds + " of " + records.size());
        assertTrue(Files.readAllLines(f).get(0).contains("\"target_ids\":["), Files.readAllLines(f).get(0));
        // The public reader ignores the extra field.
        assertEquals(records.stream().map(CotRecord::toScene30k).toList(), Scene30k.read(f));
    }

    @Test
    void filesWithoutTargetIdsStillLoad(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("old.jsonl");
        Files.writeString(f, "{\"scene_id\":\"office-0001\",\"question\":\"q?\",\"cot\":\"<think>a</think><answer>b</answer>\","
                + "\"task\":\"qa\",\"question_type\":\"count\",\"target\":\"mug\",\"short_answer\":true,\"filters\":{}}\n");
        CotRecord r = CotRecords.read(f).get(0);
        assertEquals(List.of(), r.targetIds());
        assertEquals("mug", r.target());
        assertEquals(List.of(new Scene30kRecord("office-0001", "q?", "<think>a</think><answer>b</answer>")), Scene30k.read(f));
    }

    @Test
    void targetIdsThatAreNotAnArrayAreOneLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.jsonl");
        Files.writeString(f, "{\"scene_id\":\"a\",\"question\":\"q\",\"cot\":\"c\",\"target_ids\":5}\n");
        IOException e = assertThrows(IOException.class, () -> CotRecords.read(f));
        assertEquals("bad.jsonl: line 1: \"target_ids\" must be an array of object ids", e.getMessage());
    }
}
