package io.r1kit.task;

import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The exact ChatML the nano model is trained and asked on. */
class TaskPromptTest {

    private static final Map<Task, String> INSTRUCTION = new EnumMap<>(Map.of(
            Task.DENSE_CAPTION, "Describe each object of the room with its box.",
            Task.OBJECT_CAPTION, "Describe this object of the room.",
            Task.GROUNDING, "Find the object described and answer with its box.",
            Task.QA, "Answer the question about the room.",
            Task.DIALOGUE, "Talk with me about the room.",
            Task.REASONING, "Reason about the room to answer.",
            Task.PLANNING, "Plan the steps to do this in the room."));

    private static final Map<Task, String> TEXT = new EnumMap<>(Map.of(
            Task.DENSE_CAPTION, "",
            Task.OBJECT_CAPTION, "<obj>75, 75, 50, 50, 50, 100</obj>",
            Task.GROUNDING, "the red chair",
            Task.QA, "How many chairs are there?",
            Task.DIALOGUE, "Is there a mug in here?",
            Task.REASONING, "Can I sit next to the desk?",
            Task.PLANNING, "I want to read a book."));

    @Test
    void eachTaskHasItsInstructionAndSlug() {
        assertEquals(7, Task.values().length);
        for (Task t : Task.values()) {
            assertEquals(INSTRUCTION.get(t), t.instruction(), t.name());
            assertEquals(t, Task.fromSlug(t.slug()));
        }
        assertEquals("dense-caption", Task.DENSE_CAPTION.slug());
        assertEquals("object-caption", Task.OBJECT_CAPTION.slug());
        assertEquals("unknown task 'caption' (known: dense-caption, object-caption, grounding, qa, dialogue, reasoning, "
                + "planning)", assertThrows(IllegalArgumentException.class, () -> Task.fromSlug("caption")).getMessage());
    }

    @Test
    void theMessageIsTheInstructionThenTheText() {
        for (Task t : Task.values()) {
            String text = TEXT.get(t);
            String expected = text.isEmpty() ? INSTRUCTION.get(t) : INSTRUCTION.get(t) + "\n" + text;
            assertEquals(expected, TaskPrompt.message(t, text), t.name());
            assertEquals(expected, TaskPrompt.message(t, "  " + text + "\n"), "the text is stripped");
        }
        assertEquals("Describe each object of the room with its box.", TaskPrompt.message(Task.DENSE_CAPTION, null));
        assertEquals("Answer the question about the room.", TaskPrompt.message(Task.QA, "   "));
        assertThrows(NullPointerException.class, () -> TaskPrompt.message(null, "x"));
    }

    @Test
    void thePromptOfEachTaskIsOneUserTurnThenTheAssistantCue() {
        assertEquals("<|im_start|>user\nDescribe each object of the room with its box.<|im_end|>\n"
                + "<|im_start|>assistant\n", TaskPrompt.prompt(Task.DENSE_CAPTION, ""));
        assertEquals("<|im_start|>user\nDescribe this object of the room.\n<obj>75, 75, 50, 50, 50, 100</obj><|im_end|>\n"
                + "<|im_start|>assistant\n", TaskPrompt.prompt(Task.OBJECT_CAPTION, TEXT.get(Task.OBJECT_CAPTION)));
        assertEquals("<|im_start|>user\nFind the object described and answer with its box.\nthe red chair<|im_end|>\n"
                + "<|im_start|>assistant\n", TaskPrompt.prompt(Task.GROUNDING, "the red chair"));
        assertEquals("<|im_start|>user\nAnswer the question about the room.\nHow many chairs are there?<|im_end|>\n"
                + "<|im_start|>assistant\n", TaskPrompt.prompt(Task.QA, "How many chairs are there?"));
        assertEquals("<|im_start|>user\nTalk with me about the room.\nIs there a mug in here?<|im_end|>\n"
                + "<|im_start|>assistant\n", TaskPrompt.prompt(Task.DIALOGUE, "Is there a mug in here?"));
        assertEquals("<|im_start|>user\nReason about the room to answer.\nCan I sit next to the desk?<|im_end|>\n"
                + "<|im_start|>assistant\n", TaskPrompt.prompt(Task.REASONING, "Can I sit next to the desk?"));
        assertEquals("<|im_start|>user\nPlan the steps to do this in the room.\nI want to read a book.<|im_end|>\n"
                + "<|im_start|>assistant\n", TaskPrompt.prompt(Task.PLANNING, "I want to read a book."));
        for (Task t : Task.values()) {
            assertEquals(TaskPrompt.chat(t, List.of(), TEXT.get(t)), TaskPrompt.prompt(t, TEXT.get(t)));
            assertEquals(TaskPrompt.prompt(t, TEXT.get(t)), TaskQuery.of(t, TEXT.get(t)).prompt());
        }
    }

    @Test
    void aDialogueRepeatsEachEarlierTurnWithTheAnswerGiven() {
        List<TaskPrompt.Turn> earlier = List.of(new TaskPrompt.Turn("Is there a mug in here?", "Yes, on the desk."),
                new TaskPrompt.Turn("What colour is it?", "It is yellow."));
        assertEquals("<|im_start|>user\nTalk with me about the room.\nIs there a mug in here?<|im_end|>\n"
                + "<|im_start|>assistant\nYes, on the desk.<|im_end|>\n"
                + "<|im_start|>user\nTalk with me about the room.\nWhat colour is it?<|im_end|>\n"
                + "<|im_start|>assistant\nIt is yellow.<|im_end|>\n"
                + "<|im_start|>user\nTalk with me about the room.\nWhat is next to it?<|im_end|>\n"
                + "<|im_start|>assistant\n", TaskPrompt.chat(Task.DIALOGUE, earlier, "What is next to it?"));
        assertEquals(TaskPrompt.chat(Task.DIALOGUE, earlier, "What is next to it?"),
                new TaskQuery(Task.DIALOGUE, earlier, "What is next to it?").prompt());
        assertThrows(NullPointerException.class, () -> new TaskPrompt.Turn(null, "a"));
        assertThrows(NullPointerException.class, () -> new TaskPrompt.Turn("q", null));
    }

    @Test
    void thePlainFormatIsTheQuestionAlone() {
        assertEquals("<|im_start|>user\nHow many chairs are there?<|im_end|>\n<|im_start|>assistant\n",
                TaskPrompt.question("How many chairs are there?"));
        assertEquals("<|im_start|>user\n<|im_end|>\n<|im_start|>assistant\n", TaskPrompt.question(""));
        assertThrows(NullPointerException.class, () -> TaskPrompt.question(null));
        assertEquals("Describe the object at <obj>1, 2, 3, 4, 5, 6</obj>.",
                TaskPrompt.denseCaption("<obj>1, 2, 3, 4, 5, 6</obj>"));
        assertEquals("Find the red chair.", TaskPrompt.grounding(" the red chair "));
        assertEquals("Which chair is red?", TaskPrompt.grounding("Which chair is red?"));
        assertEquals("Find the chair by the door.", TaskPrompt.grounding("Find the chair by the door."));
    }

    @Test
    void repliesEndWithTheEndToken() {
        assertEquals("<think>a</think><answer>b</answer><|im_end|>", TaskPrompt.answer("<think>a</think><answer>b</answer>"));
        assertEquals("two", TaskPrompt.stripEnd(" two <|im_end|>\n"));
        assertEquals("two", TaskPrompt.stripEnd("two"));
        assertEquals("<|im_start|>", TaskPrompt.START);
        assertEquals("<|im_end|>", TaskPrompt.END);
    }
}
