package io.r1kit.data;

import io.r1kit.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static io.r1kit.data.AnnotationFormat.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AnnotationFormatTest {

    @Test
    void releaseFileNames() {
        assertEquals(Optional.of(SCANREFER), fromFileName("ScanRefer_filtered_val.json"));
        assertEquals(Optional.of(NR3D), fromFileName("nr3d.csv"));
        assertEquals(Optional.of(NR3D), fromFileName("sr3d+.csv"));
        assertEquals(Optional.of(SCANQA), fromFileName("ScanQA_v1.0_test_wo_obj.json"));
        assertEquals(Optional.of(SQA3D_QUESTIONS), fromFileName("sqa3d_questions_test.sample.json"));
        assertEquals(Optional.of(SQA3D_QUESTIONS), fromFileName("v1_balanced_questions_test_scannetv2.json"));
        assertEquals(Optional.of(SQA3D_ANNOTATIONS), fromFileName("v1_balanced_sqa_annotations_test_scannetv2.json"));
        assertEquals(Optional.of(THREE_D_LLM), fromFileName("3d_llm_embodied_dialogue_filtered_train.json"));
        assertEquals(Optional.of(SCENE30K), fromFileName("scene30k.JSONL"));
        assertEquals(Optional.of(SCENE_CAPTIONS), fromFileName("scene_caption.json"));
        assertEquals(Optional.empty(), fromFileName("data.json"));
        assertEquals(Optional.empty(), fromFileName("scanrefer.csv"));
    }

    @Test
    void sharedFilesAreDetected() throws Exception {
        assertEquals(Optional.of(THREE_D_LLM), detect(SharedData.path("annotations/3d_llm_planning_filtered_val.sample.json")));
        assertEquals(Optional.of(SQA3D_ANNOTATIONS), detect(SharedData.path("annotations/sqa3d_annotations_test.sample.json")));
    }

    @Test
    void contentDecidesWhenTheNameDoesNot(@TempDir Path dir) throws Exception {
        for (String name : new String[] {"ScanRefer_filtered_val.json", "ScanQA_v1.0_val.json", "nr3d.csv",
                "scene30k_sample.jsonl", "scene_caption.json"}) {
            Path copy = Files.copy(Fixtures.path(name), dir.resolve("renamed-" + name.hashCode()));
            assertEquals(fromFileName(name), detect(copy), name);
        }
        String questions = Files.readString(SharedData.path("annotations/sqa3d_questions_test.sample.json"));
        assertEquals(Optional.of(SQA3D_QUESTIONS), fromContent(questions));
        String llm = Files.readString(SharedData.path("annotations/3d_llm_dialogue_filtered_val.sample.json"));
        assertEquals(Optional.of(THREE_D_LLM), fromContent(llm));
        assertEquals(Optional.empty(), fromContent("{\"a\": 1}"));
        assertEquals(Optional.empty(), fromContent("[1, 2"));
        assertEquals(Optional.empty(), fromContent("x,y\n1,2\n"));
    }

    @Test
    void emptyFileIsAnErrorNotAGuess(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("unknown.dat"), "");
        assertEquals("unknown.dat: empty file", assertThrows(DataFormatException.class, () -> detect(f)).getMessage());
    }

    @Test
    void readDispatchesToTheReader() throws Exception {
        assertEquals(4, SCANREFER.read(Fixtures.path("ScanRefer_filtered_val.json")).size());
        assertEquals(100, SQA3D_QUESTIONS.read(SharedData.path("annotations/sqa3d_questions_test.sample.json")).size());
        assertEquals(2, SCENE_CAPTIONS.read(Fixtures.path("scene_caption.json")).size());
    }
}
