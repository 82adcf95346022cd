package io.r1kit.data;

import io.r1kit.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class Sqa3dTest {

    private static final Path QUESTIONS = SharedData.path("annotations/sqa3d_questions_test.sample.json");
    private static final Path ANNOTATIONS = SharedData.path("annotations/sqa3d_annotations_test.sample.json");

    @Test
    void joinsAllSharedQuestionsWithTheirAnnotations() throws Exception {
        List<Sqa3dEntry> all = Sqa3d.read(QUESTIONS, ANNOTATIONS);
        assertEquals(100, all.size());
        assertEquals(100, Sqa3d.readAnnotations(ANNOTATIONS).size());
        Sqa3dEntry first = all.get(0);
        assertEquals(220602000002L, first.questionId());
        assertEquals("scene0050_00", first.sceneId());
        assertEquals("I am standing by the ottoman on my right facing a couple of toolboxes.", first.question().situation());
        assertEquals(List.of(
                "I just placed two backpacks on the ottoman on my right side before I went to play the piano in front of me to the right.",
                "I stood up from the ottoman and walked over to the piano ahead of me."),
                first.question().alternativeSituations());
        assertEquals("What instrument in front of me is ebony and ivory?", first.question().question());
        assertEquals("piano", first.answer());
        assertEquals(List.of(new Sqa3dAnnotation.Answer("piano", "yes", 1)), first.annotation().answers());
        assertEquals(new Sqa3dAnnotation.Position(0.7110268899979686, -0.03219739162793617, 0), first.annotation().position());
        assertEquals(new Sqa3dAnnotation.Rotation(0, 0, -0.9995736030415032, -0.02919952230128897), first.annotation().rotation());
        assertEquals("N/A", first.annotation().questionType());
        assertEquals("other", first.annotation().answerType());
        // The sample has one question with no alternative situation and one with a single one.
        assertEquals(List.of(), all.get(23).question().alternativeSituations());
        assertEquals(1, all.get(30).question().alternativeSituations().size());
        assertEquals(50, all.stream().map(Sqa3dEntry::sceneId).distinct().count());
        assertEquals("different table", all.get(99).answer());
    }

    private static final String QUESTION = "{\"scene_id\": \"%s\", \"situation\": \"I sit.\", "
            + "\"alternative_situation\": [], \"question\": \"What is left?\", \"question_id\": %d}";
    private static final String ANNOTATION = "{\"scene_id\": \"%s\", \"question_type\": \"N/A\", \"answer_type\": \"other\", "
            + "\"question_id\": %d, \"answers\": [{\"answer\": \"bed\", \"answer_confidence\": \"yes\", \"answer_id\": 1}], "
            + "\"rotation\": {\"_x\": 0, \"_y\": 0, \"_z\": 0, \"_w\": 1}, \"position\": {\"x\": 1, \"y\": 2, \"z\": 0}}";

    private static String joinError(Path dir, String questions, String annotations) throws Exception {
        Path q = Files.writeString(dir.resolve("q.json"), "{\"questions\": [" + questions + "]}");
        Path a = Files.writeString(dir.resolve("a.json"), "{\"annotations\": [" + annotations + "]}");
        return assertThrows(DataFormatException.class, () -> Sqa3d.read(q, a)).getMessage();
    }

    @Test
    void idsThatDoNotMatchAreErrors(@TempDir Path dir) throws Exception {
        String q1 = String.format(QUESTION, "s1", 1);
        String q2 = String.format(QUESTION, "s1", 2);
        String a1 = String.format(ANNOTATION, "s1", 1);
        String a2 = String.format(ANNOTATION, "s1", 2);
        assertEquals("q.json: record 1: question 2 has no annotation in a.json", joinError(dir, q1 + "," + q2, a1));
        assertEquals("a.json: record 1: annotation for question 2 matches no question in q.json", joinError(dir, q1, a1 + "," + a2));
        assertEquals("a.json: record 1: second annotation for question 1 (first in record 0)", joinError(dir, q1, a1 + "," + a1));
        assertEquals("q.json: record 1: question id 1 repeats record 0", joinError(dir, q1 + "," + q1, a1));
        assertEquals("q.json: record 0: question 1 is in s1 but its annotation says s2",
                joinError(dir, q1, String.format(ANNOTATION, "s2", 1)));
    }

    @Test
    void badAnnotationsNameTheNestedField(@TempDir Path dir) throws Exception {
        String q1 = String.format(QUESTION, "s1", 1);
        String a1 = String.format(ANNOTATION, "s1", 1);
        assertEquals("a.json: record 0: field \"rotation._w\" should be a number, got \"1\"",
                joinError(dir, q1, a1.replace("\"_w\": 1", "\"_w\": \"1\"")));
        assertEquals("a.json: record 0: missing field \"answers[0].answer_confidence\"",
                joinError(dir, q1, a1.replace("\"answer_confidence\": \"yes\", ", "")));
        assertEquals("a.json: record 0: field \"answers\" is empty",
                joinError(dir, q1, a1.replaceAll("\\[\\{\"answer\".*?\\}\\]", "[]")));
        Path noList = Files.writeString(dir.resolve("n.json"), "{\"info\": {}}");
        assertEquals("n.json: missing top-level field \"questions\"",
                assertThrows(DataFormatException.class, () -> Sqa3d.readQuestions(noList)).getMessage());
    }
}
