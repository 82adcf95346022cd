package io.r1kit.reward;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FormatRewardTest {

    private final FormatReward format = new FormatReward();

    @Test
    void wellFormedReasoningScoresOneWithNoReason() {
        String ok = "<think>The chair is by the desk.</think>\n<answer>the chair</answer>";
        assertEquals(1.0, format.score(ok, null));
        assertEquals("", format.reason(ok));
        assertEquals(1.0, format.score("  <think>a</think> <answer>b</answer>\n", RewardTarget.ofReference("b")));
    }

    @Test
    void eachFlawScoresZeroAndSaysWhy() {
        String[][] cases = {
            {"the chair", "no <think> tag"},
            {"<think>a</think>", "no <answer> tag"},
            {"<think>a</think><answer>b</answer><answer>c</answer>", "<answer> appears more than once"},
            {"<answer>b</answer><think>a</think>", "<answer> comes before </think>"},
            {"So: <think>a</think><answer>b</answer>", "text before <think>"},
            {"<think>a</think> so <answer>b</answer>", "text between </think> and <answer>"},
            {"<think>a</think><answer>b</answer> done", "text after </answer>"},
            {"<think> </think><answer>b</answer>", "empty <think>"},
            {"<think>a</think><answer></answer>", "empty <answer>"},
        };
        for (String[] c : cases) {
            assertEquals(0.0, format.score(c[0], null), c[0]);
            assertEquals(c[1], format.reason(c[0]), c[0]);
        }
        assertEquals("no text", format.reason(null));
    }
}
