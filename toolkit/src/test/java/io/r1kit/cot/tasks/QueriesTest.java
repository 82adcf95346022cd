package io.r1kit.cot.tasks;

import io.r1kit.data.DialogueTurn;
import io.r1kit.scene.gen.GeneratedRoom;
import io.r1kit.scene.gen.RoomObject;
import io.r1kit.task.Task;
import io.r1kit.task.TaskAnswer;
import io.r1kit.task.TaskPrompt;
import io.r1kit.task.TaskQuery;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the model is asked for each data-engine example of a generated room. */
class QueriesTest {

    private static final long SEED = 7;
    private static final GeneratedRoom ROOM = Rooms.first(1).get(0);
    private static final SceneContext CONTEXT = InstructionGenerator.context(ROOM, SEED);
    private static final List<Example> EXAMPLES = InstructionGenerator.generate(ROOM, SEED);

    @Test
    void groundingQaAndReasoningKeepTheirQuestion() {
        Set<Task> seen = EnumSet.noneOf(Task.class);
        for (Example e : EXAMPLES) {
            if (e.task() == Task.GROUNDING || e.task() == Task.QA || e.task() == Task.REASONING) {
                TaskQuery q = Queries.of(e, CONTEXT);
                assertEquals(e.task(), q.task());
                assertEquals(e.question().strip(), q.text());
                assertTrue(q.earlier().isEmpty());
                assertEquals(TaskPrompt.prompt(e.task(), e.question()), q.prompt());
                seen.add(e.task());
            }
        }
        assertEquals(EnumSet.of(Task.GROUNDING, Task.QA, Task.REASONING), seen);
    }

    @Test
    void anObjectCaptionAsksWithTheTargetsBoxTag() {
        List<Example> captions = EXAMPLES.stream().filter(e -> e.task() == Task.OBJECT_CAPTION).toList();
        assertFalse(captions.isEmpty());
        for (Example e : captions) {
            TaskQuery q = Queries.of(e, CONTEXT);
            String tag = CONTEXT.codec().encode(CONTEXT.object(e.target()).box());
            assertEquals(TaskQuery.of(Task.OBJECT_CAPTION, tag), q);
            assertTrue(q.text().matches("<obj>\\d+, \\d+, \\d+, \\d+, \\d+, \\d+</obj>"), q.text());
            assertEquals("<|im_start|>user\nDescribe this object of the room.\n" + tag + "<|im_end|>\n"
                    + "<|im_start|>assistant\n", q.prompt());
        }
        Example untargeted = new Example(CONTEXT.sceneId(), Task.OBJECT_CAPTION, null, "Describe the lamp.", "A lamp.",
                "A lamp.", List.of(), List.of());
        assertEquals("an object caption example needs its object: \"Describe the lamp.\"",
                assertThrows(IllegalArgumentException.class, () -> Queries.of(untargeted, CONTEXT)).getMessage());
    }

    @Test
    void planningDropsTheSpeakerMarkers() {
        List<Example> plans = EXAMPLES.stream().filter(e -> e.task() == Task.PLANNING).toList();
        assertFalse(plans.isEmpty());
        for (Example e : plans) {
            assertTrue(e.question().startsWith("### human: "), e.question());
            TaskQuery q = Queries.of(e, CONTEXT);
            assertFalse(q.text().contains("###"), q.text());
            assertEquals(e.question().replace("### human:", "").replace("### assistant:", "").strip(), q.text());
            assertTrue(q.earlier().isEmpty());
        }
        assertEquals("I want to read a book.", Queries.unmarked("### human: I want to read a book. ### assistant:"));
        assertEquals("I want to read a book.", Queries.unmarked("I want to read a book."));
    }

    @Test
    void aDialogueTakesItsEarlierTurnsFromTheMarkers() {
        List<Example> dialogue = EXAMPLES.stream().filter(e -> e.task() == Task.DIALOGUE).toList();
        assertEquals(Dialogues.PER_SCENE * 3, dialogue.size());
        for (int i = 0; i < dialogue.size(); i++) {
            Example e = dialogue.get(i);
            TaskQuery q = Queries.of(e, CONTEXT);
            assertEquals(Task.DIALOGUE, q.task());
            assertEquals(i % 3, q.earlier().size(), e.question());
            List<DialogueTurn> marked = DialogueTurn.split(e.question());
            assertEquals(marked.get(marked.size() - 1).text(), q.text());
            assertFalse(q.text().contains("###"));
            if (i % 3 > 0) {
                // the turn before is the previous example's question with its reference answer
                Example before = dialogue.get(i - 1);
                TaskPrompt.Turn last = q.earlier().get(q.earlier().size() - 1);
                assertEquals(new TaskPrompt.Turn(Queries.of(before, CONTEXT).text(), before.answer()), last);
                assertTrue(q.prompt().contains(before.answer() + "<|im_end|>"), q.prompt());
            }
        }
        TaskQuery three = Queries.dialogue("### human: Is there a mug in here? ### assistant: Yes, on the desk. "
                + "### human: What colour is it? ### assistant: It is yellow. ### human: What is next to it? ### assistant:");
        assertEquals(new TaskQuery(Task.DIALOGUE, List.of(new TaskPrompt.Turn("Is there a mug in here?", "Yes, on the desk."),
                new TaskPrompt.Turn("What colour is it?", "It is yellow.")), "What is next to it?"), three);
        assertEquals("a dialogue example ends with a human turn: \"### human: Hi ### assistant: Hello\"",
                assertThrows(IllegalArgumentException.class,
                        () -> Queries.dialogue("### human: Hi ### assistant: Hello")).getMessage());
    }

    @Test
    void aPerObjectDenseCaptionIsRefused() {
        Example one = EXAMPLES.stream().filter(e -> e.task() == Task.DENSE_CAPTION).findFirst().orElseThrow();
        assertEquals("dense captioning asks for the whole room: use DenseCaptions.room",
                assertThrows(IllegalArgumentException.class, () -> Queries.of(one, CONTEXT)).getMessage());
    }

    @Test
    void theRoomDenseCaptionAsksNothingButItsInstruction() {
        Example room = DenseCaptions.room(CONTEXT, 8);
        assertEquals(Task.DENSE_CAPTION, room.task());
        assertEquals(DenseCaptions.ROOM_QUESTION, room.question());
        TaskQuery q = Queries.of(room, CONTEXT);
        assertEquals(TaskQuery.of(Task.DENSE_CAPTION, ""), q);
        assertEquals("<|im_start|>user\nDescribe each object of the room with its box.<|im_end|>\n<|im_start|>assistant\n",
                q.prompt());

        // the first 8 objects by id, each its box then one sentence, read back by TaskAnswer as 8 captions
        List<RoomObject> first = CONTEXT.graph().objects().stream().limit(8).toList();
        assertEquals(first.stream().map(RoomObject::id).toList(), room.targets());
        TaskAnswer a = TaskAnswer.read(Task.DENSE_CAPTION, room.answer(), ROOM.scene().bounds());
        assertEquals(first.size(), a.captions().size(), room.answer());
        for (int i = 0; i < first.size(); i++) {
            assertEquals(CONTEXT.codec().decode(CONTEXT.codec().encode(first.get(i).box())), a.captions().get(i).box());
            String caption = a.captions().get(i).caption();
            assertTrue(caption.matches("[A-Z].*\\.") && !caption.contains("<obj>"), caption);
        }
        assertEquals(first.size(), room.answer().split("<obj>", -1).length - 1);
        assertEquals("limit must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> DenseCaptions.room(CONTEXT, 0)).getMessage());
        assertEquals(CONTEXT.graph().objects().size(), DenseCaptions.room(CONTEXT, 1000).targets().size());
    }
}
