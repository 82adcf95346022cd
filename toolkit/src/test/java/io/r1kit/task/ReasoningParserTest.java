package io.r1kit.task;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReasoningParserTest {

    @Test
    void splitsThinkAndAnswer() {
        ReasoningParser.Result r = ReasoningParser.parse("  <think> Step 1: two chairs.\n</think>\n<answer>two </answer>\n");
        assertTrue(r.valid());
        assertEquals(new ReasonedReply("Step 1: two chairs.", "two"), r.reasoning().orElseThrow());
        assertEquals("<think>a</think><answer>b</answer>", new ReasonedReply("a", "b").text());
    }

    @Test
    void saysWhyATextIsNotInTheFormat() {
        assertEquals("no <think> tag", reason("two"));
        assertEquals("no </answer> tag", reason("<think>a</think><answer>b"));
        assertEquals("<think> appears more than once", reason("<think>a<think></think><answer>b</answer>"));
        assertEquals("</think> comes before <think>", reason("</think><think><answer>b</answer>"));
        assertEquals("<answer> comes before </think>", reason("<think>a<answer></think>b</answer>"));
        assertEquals("text before <think>", reason("Sure! <think>a</think><answer>b</answer>"));
        assertEquals("text between </think> and <answer>", reason("<think>a</think> so <answer>b</answer>"));
        assertEquals("text after </answer>", reason("<think>a</think><answer>b</answer> bye"));
        assertEquals("empty <think>", reason("<think> </think><answer>b</answer>"));
        assertEquals("empty <answer>", reason("<think>a</think><answer>\n</answer>"));
        assertEquals("no text", ReasoningParser.parse(null).reason());
        assertFalse(ReasoningParser.parse("").valid());
    }

    private static String reason(String text) {
        return ReasoningParser.parse(text).reason();
    }
}
