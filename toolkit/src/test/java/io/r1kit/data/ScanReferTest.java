package io.r1kit.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ScanReferTest {

    @Test
    void readsTheFixture() throws Exception {
        List<ScanReferEntry> all = ScanRefer.read(Fixtures.path("ScanRefer_filtered_val.json"));
        assertEquals(4, all.size());
        ScanReferEntry first = all.get(0);
        assertEquals("scene0001_00", first.sceneId());
        assertEquals(5, first.objectId());
        assertEquals("desk_lamp", first.objectName());
        assertEquals(0, first.annId());
        assertEquals("this is a small lamp on the desk. it is next to the monitor.", first.description());
        assertEquals(16, first.tokens().size());
        assertEquals("monitor", first.tokens().get(14));
        assertEquals("the lamp with the \"bent\" neck, closest to the window.", all.get(1).description());
        assertEquals(1, all.get(1).annId());
        assertEquals(12, all.get(2).objectId());
        assertEquals("the tall bookshelf in the corner — full of books.", all.get(3).description());
    }

    @Test
    void acceptsPlainIntegerIds(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("s.json"), "[{\"scene_id\": \"scene0000_00\", \"object_id\": 7, "
                + "\"object_name\": \"bed\", \"ann_id\": 2, \"description\": \"the bed\", \"token\": [\"the\", \"bed\"]}]");
        ScanReferEntry e = ScanRefer.read(f).get(0);
        assertEquals(7, e.objectId());
        assertEquals(2, e.annId());
    }

    @Test
    void badRecordsNameTheRecordAndField(@TempDir Path dir) throws Exception {
        String ok = "{\"scene_id\": \"s\", \"object_id\": \"1\", \"object_name\": \"bed\", \"ann_id\": \"0\", "
                + "\"description\": \"d\", \"token\": []}";
        Path missing = Files.writeString(dir.resolve("a.json"), "[" + ok + ", {\"scene_id\": \"s\", \"object_id\": \"1\", "
                + "\"object_name\": \"bed\", \"ann_id\": \"0\", \"token\": []}]");
        assertEquals("a.json: record 1: missing field \"description\"",
                assertThrows(DataFormatException.class, () -> ScanRefer.read(missing)).getMessage());
        Path notInt = Files.writeString(dir.resolve("b.json"), "[" + ok.replace("\"object_id\": \"1\"", "\"object_id\": \"1a\"") + "]");
        assertEquals("b.json: record 0: field \"object_id\" should be an integer, got \"1a\"",
                assertThrows(DataFormatException.class, () -> ScanRefer.read(notInt)).getMessage());
        Path fraction = Files.writeString(dir.resolve("c.json"), "[" + ok.replace("\"ann_id\": \"0\"", "\"ann_id\": 0.5") + "]");
        assertEquals("c.json: record 0: field \"ann_id\" should be an integer, got 0.5",
                assertThrows(DataFormatException.class, () -> ScanRefer.read(fraction)).getMessage());
        Path tokens = Files.writeString(dir.resolve("d.json"), "[" + ok.replace("\"token\": []", "\"token\": [\"a\", 3]") + "]");
        assertEquals("d.json: record 0: field \"token\" should be a list of strings, got 3",
                assertThrows(DataFormatException.class, () -> ScanRefer.read(tokens)).getMessage());
        Path notList = Files.writeString(dir.resolve("e.json"), ok);
        assertEquals("e.json: expected a JSON list of records, got an object",
                assertThrows(DataFormatException.class, () -> ScanRefer.read(notList)).getMessage());
        Path notObject = Files.writeString(dir.resolve("f.json"), "[" + ok + ", null]");
        assertEquals("f.json: record 1: expected a JSON object, got null",
                assertThrows(DataFormatException.class, () -> ScanRefer.read(notObject)).getMessage());
    }
}
