package io.r1kit.task;

import io.r1kit.scene.Box3;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Replies read as task results: well formed or not, never an exception. */
class TaskAnswerTest {

    private static final Box3 BOUNDS = Box3.ofMinMax(0, 0, 0, 5.1f, 5.1f, 2.55f);
    private static final BoxCodec CODEC = new BoxCodec(BOUNDS);
    private static final String A = "<obj>75, 75, 50, 50, 50, 100</obj>";
    private static final String B = "<obj>200, 30, 20, 40, 60, 40</obj>";

    @Test
    void aWellFormedReplyIsCutIntoItsSteps() {
        String reply = "<think>Step 1: The room has two chairs. Step 2: Both stand by the desk.</think>"
                + "<answer>two</answer><|im_end|>";
        TaskAnswer a = TaskAnswer.read(Task.QA, reply, BOUNDS);
        assertEquals(Task.QA, a.task());
        assertEquals("<think>Step 1: The room has two chairs. Step 2: Both stand by the desk.</think><answer>two</answer>",
                a.reply(), "the end token is dropped");
        assertEquals(List.of("The room has two chairs.", "Both stand by the desk."), a.steps());
        assertEquals("two", a.answer());
        assertTrue(a.boxes().isEmpty());
        assertTrue(a.captions().isEmpty());
        assertEquals("", a.note());
        assertTrue(a.wellFormed());
        assertEquals("qa\n  1. The room has two chairs.\n  2. Both stand by the desk.\n  answer: two", a.toString());
    }

    @Test
    void stepCuesAreReadWhateverTheirCaseAndReasoningWithoutCuesIsOneStep() {
        assertEquals(List.of("a.", "b."), TaskAnswer.read(Task.QA, "<think>step 1: a. STEP 2 : b.</think><answer>x</answer>",
                null).steps());
        assertEquals(List.of("The mug is on the desk, so it is near."),
                TaskAnswer.read(Task.QA, "<think>The mug is on the desk, so it is near.</think><answer>yes</answer>", null)
                        .steps());
    }

    @Test
    void aReplyWithoutTagsIsTheAnswerWithANote() {
        TaskAnswer a = TaskAnswer.read(Task.QA, "there are two chairs", BOUNDS);
        assertEquals("there are two chairs", a.answer());
        assertTrue(a.steps().isEmpty());
        assertEquals("not in the reasoning format (no <think> tag)", a.note());
        assertFalse(a.wellFormed());
        assertEquals("qa\n  answer: there are two chairs\n  note: not in the reasoning format (no <think> tag)",
                a.toString());
    }

    @Test
    void anAnswerBlockAloneIsTheAnswer() {
        TaskAnswer a = TaskAnswer.read(Task.GROUNDING, "<answer>" + A + "</answer>", BOUNDS);
        assertEquals(A, a.answer());
        assertTrue(a.steps().isEmpty());
        assertEquals("not in the reasoning format (no <think> tag)", a.note());
        assertEquals(List.of(CODEC.decode(A)), a.boxes());
        assertEquals(CODEC.decode(A), a.box().orElseThrow());
    }

    @Test
    void anUnfinishedReplyKeepsItsStepsAndWhatItAnswered() {
        TaskAnswer a = TaskAnswer.read(Task.QA, "<think>Step 1: two chairs.</think><answer>two", BOUNDS);
        assertEquals(List.of("two chairs."), a.steps());
        assertEquals("two", a.answer());
        assertEquals("not in the reasoning format (no </answer> tag)", a.note());
        TaskAnswer cut = TaskAnswer.read(Task.QA, "<think>Step 1: two chairs. Step 2: one", BOUNDS);
        assertEquals(List.of("two chairs.", "one"), cut.steps());
        assertEquals("Step 1: two chairs. Step 2: one", cut.answer(), "no answer block: the whole text, tags dropped");
        assertEquals("not in the reasoning format (no </think> tag)", cut.note());
    }

    @Test
    void anUnreadableBoxIsNotedAndTheOthersKept() {
        String reply = "<think>Step 1: the lamp.</think><answer>" + A + " and <obj>300, 1, 1, 1, 1, 1</obj></answer>";
        TaskAnswer a = TaskAnswer.read(Task.GROUNDING, reply, BOUNDS);
        assertEquals(List.of(CODEC.decode(A)), a.boxes());
        assertEquals("1 box does not read as six values 0..255", a.note());
        assertFalse(a.wellFormed());
        assertEquals(List.of("the lamp."), a.steps());

        TaskAnswer two = TaskAnswer.read(Task.GROUNDING, "<think>x</think><answer><obj>1, 2</obj> " + B
                + " <obj>a, b, c, d, e, f</obj></answer>", BOUNDS);
        assertEquals(List.of(CODEC.decode(B)), two.boxes());
        assertEquals("2 boxes do not read as six values 0..255", two.note());

        TaskAnswer both = TaskAnswer.read(Task.GROUNDING, "<obj>1, 2</obj>", BOUNDS);
        assertEquals("not in the reasoning format (no <think> tag); 1 box does not read as six values 0..255", both.note());
        assertTrue(both.boxes().isEmpty());
        assertTrue(both.box().isEmpty());
    }

    @Test
    void aDenseCaptionIsSplitIntoABoxAndCaptionEach() {
        String reply = "<think>Step 1: a door and a bed.</think><answer>" + A + " A grey door in the near wall. " + B
                + " A bed by the wall.</answer>";
        TaskAnswer a = TaskAnswer.read(Task.DENSE_CAPTION, reply, BOUNDS);
        assertTrue(a.wellFormed(), a.note());
        assertEquals(List.of(new TaskAnswer.BoxCaption(CODEC.decode(A), "A grey door in the near wall."),
                new TaskAnswer.BoxCaption(CODEC.decode(B), "A bed by the wall.")), a.captions());
        assertEquals(List.of(CODEC.decode(A), CODEC.decode(B)), a.boxes());
        assertEquals(List.of("a door and a bed."), a.steps());
        // the same answer read for another task names its boxes but has no captions
        assertTrue(TaskAnswer.read(Task.QA, reply, BOUNDS).captions().isEmpty());
        assertEquals(2, TaskAnswer.read(Task.QA, reply, BOUNDS).boxes().size());
        // a plain-format dense caption is read too, with its note
        TaskAnswer plain = TaskAnswer.read(Task.DENSE_CAPTION, A + " A grey door.", BOUNDS);
        assertEquals(List.of(new TaskAnswer.BoxCaption(CODEC.decode(A), "A grey door.")), plain.captions());
        assertFalse(plain.wellFormed());
    }

    @Test
    void noReplyIsAnEmptyAnswerWithANote() {
        for (String reply : new String[] {null, "", "  ", "<|im_end|>"}) {
            TaskAnswer a = TaskAnswer.read(Task.QA, reply, BOUNDS);
            assertEquals("", a.reply());
            assertEquals("", a.answer());
            assertTrue(a.steps().isEmpty());
            assertTrue(a.boxes().isEmpty());
            assertEquals("not in the reasoning format (no <think> tag)", a.note(), String.valueOf(reply));
        }
    }

    @Test
    void withoutBoundsNoBoxIsRead() {
        String reply = "<think>Step 1: x.</think><answer>" + A + " A door. <obj>300, 1, 1, 1, 1, 1</obj></answer>";
        TaskAnswer a = TaskAnswer.read(Task.DENSE_CAPTION, reply, null);
        assertTrue(a.boxes().isEmpty());
        assertTrue(a.captions().isEmpty());
        assertTrue(a.wellFormed(), "boxes are not read, so none is noted");
        assertEquals(A + " A door. <obj>300, 1, 1, 1, 1, 1</obj>", a.answer());
    }
}
