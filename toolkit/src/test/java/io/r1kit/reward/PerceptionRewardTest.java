package io.r1kit.reward;

import io.r1kit.scene.Box3;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PerceptionRewardTest {

    // Bounds 5.1 x 5.1 x 2.55 m: one grid step is 0.02 m on x and y, 0.01 m on z, so grid values decode exactly.
    private static final Box3 BOUNDS = Box3.ofMinMax(0, 0, 0, 5.1f, 5.1f, 2.55f);
    /** x 1..2, y 1..2, z 0..1: grid (75, 75, 50, 50, 50, 100). */
    private static final Box3 GT = Box3.ofMinMax(1, 1, 0, 2, 2, 1);
    private static final RewardTarget TARGET = RewardTarget.ofBox(GT, BOUNDS);

    private final PerceptionReward perception = new PerceptionReward();

    @Test
    void theExactTagScoresOne() {
        assertEquals(1.0, perception.score("<obj>75, 75, 50, 50, 50, 100</obj>", TARGET), 1e-5);
    }

    @Test
    void aShiftedBoxScoresItsHandComputedIou() {
        // cx 100 -> 2.0 m: x 1.5..2.5 overlaps 1..2 by 0.5 m; intersection 0.5 m3, union 1 + 1 - 0.5 = 1.5 m3.
        assertEquals(1.0 / 3, perception.score("<obj>100, 75, 50, 50, 50, 100</obj>", TARGET), 1e-5);
        // Half the size, same centre: x 1.25..1.75, y 1.25..1.75, z 0..1 inside GT: 0.25 / 1.
        assertEquals(0.25, perception.score("<obj>75, 75, 50, 25, 25, 100</obj>", TARGET), 1e-5);
        // Far away: no overlap.
        assertEquals(0.0, perception.score("<obj>200, 200, 50, 50, 50, 100</obj>", TARGET));
    }

    @Test
    void theBoxIsReadFromTheAnswerOfAReasoningReply() {
        // A box in <think> is not the answer: the first box of <answer> counts.
        String reply = "<think>Not <obj>200, 200, 50, 50, 50, 100</obj>; the one by the wall.</think>"
                + "<answer>It is at <obj>100, 75, 50, 50, 50, 100</obj>.</answer>";
        assertEquals(1.0 / 3, perception.score(reply, TARGET), 1e-5);
        Box3 b = PerceptionReward.predictedBox(reply, BOUNDS).orElseThrow();
        assertEquals(2.0f, b.cx(), 1e-5f);
        assertEquals(1.0f, b.dx(), 1e-5f);
    }

    @Test
    void noTagOrAMalformedTagScoresZero() {
        assertEquals(0.0, perception.score("<think>a</think><answer>the chair</answer>", TARGET));
        assertEquals(0.0, perception.score("<obj>75, 75, 50, 50, 50, 100, 7</obj>", TARGET));
        assertEquals(0.0, perception.score("<obj>300, 75, 50, 50, 50, 100</obj>", TARGET));
        assertEquals(0.0, perception.score("<obj>75, 75, 50</obj>", TARGET));
        assertTrue(PerceptionReward.predictedBox("<obj>300, 75, 50, 50, 50, 100</obj>", BOUNDS).isEmpty());
    }

    @Test
    void appliesOnlyToATargetWithABox() {
        assertFalse(perception.applies(RewardTarget.ofReference("a chair")));
        assertFalse(perception.applies(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> perception.score("<obj>75, 75, 50, 50, 50, 100</obj>", RewardTarget.ofReference("a chair")));
        assertEquals("the perception reward needs a ground-truth box and scene bounds", e.getMessage());
    }
}
