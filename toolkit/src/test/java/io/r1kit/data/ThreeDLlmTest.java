package io.r1kit.data;

import io.r1kit.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.r1kit.data.DialogueTurn.Speaker.ASSISTANT;
import static io.r1kit.data.DialogueTurn.Speaker.HUMAN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ThreeDLlmTest {

    private static List<ThreeDLlmEntry> read(String name) throws Exception {
        return ThreeDLlm.read(SharedData.path("annotations/" + name));
    }

    @Test
    void dialogueSample() throws Exception {
        List<ThreeDLlmEntry> all = read("3d_llm_dialogue_filtered_val.sample.json");
        assertEquals(60, all.size());
        ThreeDLlmEntry first = all.get(0);
        assertEquals("scene0624_00", first.sceneId());
        assertEquals(List.of("Yes, it seems like a well-equipped space. I noticed there are several chairs and seats as well."),
                first.answers());
        assertEquals(List.of(new DialogueTurn(HUMAN, "Wow, this room has quite a few objects! I see some walls, desks, "
                + "chairs, and even a blackboard.")), first.turns());

        List<DialogueTurn> third = all.get(2).turns();
        assertEquals(List.of(HUMAN, ASSISTANT, HUMAN, ASSISTANT, HUMAN), third.stream().map(DialogueTurn::speaker).toList());
        assertEquals("Yes, it seems like a well-equipped space. I noticed there are several chairs and seats as well.",
                third.get(1).text());
        assertEquals("Absolutely. It looks like the chairs are placed around the desks and the seats are scattered "
                + "throughout the room.", third.get(4).text());
        // Marker counts in the sample are 2 (x11), 4, 6, 8, 10 (x10 each), 12 (x6), 14 (x3): each prompt
        // has one turn per marker except the final answer cue, 356 turns in all.
        assertEquals(356, all.stream().mapToInt(e -> e.turns().size()).sum());
    }

    @Test
    void planningQaAndDescriptionSamples() throws Exception {
        List<ThreeDLlmEntry> planning = read("3d_llm_planning_filtered_val.sample.json");
        assertEquals(60, planning.size());
        assertEquals("scene0615_00", planning.get(0).sceneId());
        assertEquals(List.of("open the cabinets"), planning.get(0).answers());
        // Planning prompts have no closing "### assistant:" cue: one human turn each.
        assertEquals(List.of(new DialogueTurn(HUMAN, "i want to organize the office supplies. i have done these things: "
                + "1. go to the kitchen cabinets. what should i do next?")), planning.get(0).turns());
        assertEquals(60, planning.stream().mapToInt(e -> e.turns().size()).sum());

        List<ThreeDLlmEntry> qa = read("3d_llm_question_answer_val.sample.json");
        assertEquals(60, qa.size());
        assertEquals(new ThreeDLlmEntry("### human: I am sitting on an office chair at a desk, and there is a recycling "
                + "bin on my right. What object is on my left? ### assistant:", List.of("another office chair,"),
                "scene0611_00"), qa.get(0));

        List<ThreeDLlmEntry> description = read("3d_llm_scene_description_val.sample.json");
        assertEquals(60, description.size());
        assertEquals("### human: Describe the room. ### assistant:", description.get(0).question());
        assertEquals("scene0624_00", description.get(0).sceneId());
        assertEquals(50, description.stream().map(ThreeDLlmEntry::sceneId).distinct().count());
    }

    @Test
    void splitHandlesCaseSpacingAndPlainText() {
        assertEquals(List.of(new DialogueTurn(HUMAN, "hi"), new DialogueTurn(ASSISTANT, "hello ### there")),
                DialogueTurn.split("###Human:hi  ###  ASSISTANT :  hello ### there"));
        assertEquals(List.of(new DialogueTurn(HUMAN, "Describe the room.")), DialogueTurn.split("Describe the room."));
        assertEquals("text before the first speaker marker: \"hello\"",
                assertThrows(IllegalArgumentException.class, () -> DialogueTurn.split("hello ### human: hi")).getMessage());
        assertEquals("empty human turn 2", assertThrows(IllegalArgumentException.class,
                () -> DialogueTurn.split("### human: a ### human: ### assistant:")).getMessage());
    }

    @Test
    void badRecordsNameTheRecord(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("3d_llm_x.json"),
                "[{\"question\": \"hi ### human: there\", \"answers\": [\"a\"], \"scene_id\": \"s\"}]");
        assertEquals("3d_llm_x.json: record 0: field \"question\": text before the first speaker marker: \"hi\"",
                assertThrows(DataFormatException.class, () -> ThreeDLlm.read(f)).getMessage());
        Path g = Files.writeString(dir.resolve("3d_llm_y.json"),
                "[{\"question\": \"### human: q\", \"answers\": [], \"scene_id\": \"s\"}]");
        assertEquals("3d_llm_y.json: record 0: field \"answers\" is empty",
                assertThrows(DataFormatException.class, () -> ThreeDLlm.read(g)).getMessage());
        Path h = Files.writeString(dir.resolve("3d_llm_z.json"), "[{\"question\": \"### human: q\", \"answers\": [\"a\"]}]");
        assertEquals("3d_llm_z.json: record 0: missing field \"scene_id\"",
                assertThrows(DataFormatException.class, () -> ThreeDLlm.read(h)).getMessage());
    }
}
