package io.r1kit.data;

import io.r1kit.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnnotationSummaryTest {

    @Test
    void countsTheDialogueSample() throws Exception {
        AnnotationSummary s = AnnotationSummary.read(SharedData.path("annotations/3d_llm_dialogue_filtered_val.sample.json"));
        assertEquals(AnnotationFormat.THREE_D_LLM, s.format());
        assertEquals(60, s.records());
        assertEquals(11, s.scenes());
        assertEquals(7, s.perScene().get("scene0605_00"));
        assertEquals(5, s.perScene().get("scene0611_00"));
        assertTrue(s.toText().startsWith("3D-LLM: 60 records, 11 scenes (per scene: min 1, max 7, mean 5.5)\n"
                + "  scene0605_00  7\n  scene0611_00  5\n"), s.toText());
    }

    @Test
    void smallFixtureInFullTextAndJson() throws Exception {
        AnnotationSummary s = AnnotationSummary.read(Fixtures.path("ScanRefer_filtered_val.json"));
        assertEquals("ScanRefer: 4 records, 2 scenes (per scene: min 1, max 3, mean 2.0)\n"
                + "  scene0001_00  3\n  scene0002_00  1\n", s.toText());
        assertEquals("{\"format\":\"scanrefer\",\"records\":4,\"scenes\":2,"
                + "\"per_scene\":{\"scene0001_00\":3,\"scene0002_00\":1}}", s.toJson());
    }

    @Test
    void otherSharedFiles() throws Exception {
        assertEquals(50, AnnotationSummary.read(SharedData.path("annotations/sqa3d_questions_test.sample.json")).scenes());
        AnnotationSummary planning = AnnotationSummary.read(SharedData.path("annotations/3d_llm_planning_filtered_val.sample.json"));
        assertEquals(7, planning.scenes());
        assertEquals(16, planning.perScene().get("scene0605_00"));
        assertEquals(Map.of("scene0001_00", 2, "scene0002_00", 1),
                AnnotationSummary.of(AnnotationFormat.SCENE30K, Scene30k.read(Fixtures.path("scene30k_sample.jsonl"))).perScene());
    }

    @Test
    void emptyListAndUnknownFormat(@TempDir Path dir) throws Exception {
        assertEquals("Nr3D: 0 records, 0 scenes\n", AnnotationSummary.of(AnnotationFormat.NR3D, List.of()).toText());
        Path f = Files.writeString(dir.resolve("other.json"), "{\"a\": 1}");
        assertEquals("other.json: not a known annotation format (ScanRefer, Nr3D, ScanQA, SQA3D, 3D-LLM, Scene-30K)",
                assertThrows(DataFormatException.class, () -> AnnotationSummary.read(f)).getMessage());
    }
}
