package io.r1kit.task;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskQueryTest {

    @Test
    void eachTaskButDenseCaptionNeedsText() {
        assertEquals("object-caption needs an object: its id or its box", refused(Task.OBJECT_CAPTION, ""));
        assertEquals("grounding needs a description of the object to find, e.g. \"the red chair\"",
                refused(Task.GROUNDING, null));
        assertEquals("qa needs a question", refused(Task.QA, "  "));
        assertEquals("dialogue needs a question", refused(Task.DIALOGUE, "\n"));
        assertEquals("reasoning needs a question", refused(Task.REASONING, ""));
        assertEquals("planning needs a goal, e.g. \"I want to read a book.\"", refused(Task.PLANNING, ""));
        assertEquals("no text", TaskQuery.needs(Task.DENSE_CAPTION));

        TaskQuery dense = TaskQuery.of(Task.DENSE_CAPTION, null);
        assertEquals("", dense.text());
        assertTrue(dense.earlier().isEmpty());
        assertEquals("", TaskQuery.of(Task.DENSE_CAPTION, "  ").text());
        assertEquals("the lamp", TaskQuery.of(Task.GROUNDING, "  the lamp\n").text(), "the text is stripped");
    }

    @Test
    void onlyADialogueHasEarlierTurns() {
        List<TaskPrompt.Turn> earlier = List.of(new TaskPrompt.Turn("Is there a bed?", "Yes."));
        for (Task t : Task.values()) {
            if (t != Task.DIALOGUE) {
                assertEquals("only a dialogue has earlier turns, not " + t.slug(), assertThrows(
                        IllegalArgumentException.class, () -> new TaskQuery(t, earlier, "x")).getMessage());
            }
        }
        assertEquals(1, new TaskQuery(Task.DIALOGUE, earlier, "What colour is it?").earlier().size());
        assertEquals("dialogue needs a question",
                assertThrows(IllegalArgumentException.class, () -> new TaskQuery(Task.DIALOGUE, earlier, "")).getMessage());
    }

    @Test
    void theEarlierTurnsAreACopy() {
        List<TaskPrompt.Turn> earlier = new ArrayList<>(List.of(new TaskPrompt.Turn("Is there a bed?", "Yes.")));
        TaskQuery q = new TaskQuery(Task.DIALOGUE, earlier, "What colour is it?");
        earlier.add(new TaskPrompt.Turn("More?", "No."));
        assertEquals(1, q.earlier().size());
        String prompt = q.prompt();
        assertThrows(UnsupportedOperationException.class, () -> q.earlier().add(new TaskPrompt.Turn("a", "b")));
        assertEquals(List.of(new TaskPrompt.Turn("Is there a bed?", "Yes.")), q.earlier());
        assertEquals(prompt, q.prompt(), "the query's prompt cannot be changed from outside");
        assertThrows(NullPointerException.class, () -> TaskQuery.of(null, "x"));
        assertThrows(NullPointerException.class, () -> new TaskQuery(Task.DIALOGUE, null, "x"));
    }

    @Test
    void thePromptIsTaskPromptChat() {
        List<TaskPrompt.Turn> earlier = List.of(new TaskPrompt.Turn("Is there a bed?", "Yes."));
        assertEquals(TaskPrompt.chat(Task.DIALOGUE, earlier, "What colour is it?"),
                new TaskQuery(Task.DIALOGUE, earlier, "What colour is it?").prompt());
        assertEquals(TaskPrompt.prompt(Task.QA, "How many beds?"), TaskQuery.of(Task.QA, " How many beds? ").prompt());
    }

    private static String refused(Task t, String text) {
        return assertThrows(IllegalArgumentException.class, () -> TaskQuery.of(t, text)).getMessage();
    }
}
