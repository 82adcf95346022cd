package io.r1kit.reward;

import io.r1kit.scene.Box3;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RewardSetTest {

    private static final Box3 BOUNDS = Box3.ofMinMax(0, 0, 0, 5.1f, 5.1f, 2.55f);
    private static final Box3 GT = Box3.ofMinMax(1, 1, 0, 2, 2, 1);
    private final RewardSet rewards = RewardSet.of(new FormatReward(), new PerceptionReward(),
            new SemanticReward(new WordEmbedder()));

    @Test
    void sumsOnlyTheRewardsThatApply() {
        String reply = "<think>By the wall.</think><answer><obj>100, 75, 50, 50, 50, 100</obj></answer>";
        RewardScore box = rewards.score(reply, RewardTarget.ofBox(GT, BOUNDS));
        assertEquals(List.of("format", "perception"), List.copyOf(box.parts().keySet()));
        assertEquals(1.0 + 1.0 / 3, box.total(), 1e-5);
        assertTrue(box.part("semantic").isEmpty());

        RewardScore text = rewards.score("<think>Count.</think><answer>two chairs</answer>",
                RewardTarget.ofReference("two chairs"));
        assertEquals(List.of("format", "semantic"), List.copyOf(text.parts().keySet()));
        assertEquals(2.0, text.total(), 1e-9);

        RewardScore both = rewards.score("three", new RewardTarget("two chairs", GT, BOUNDS));
        assertEquals(List.of("format", "perception", "semantic"), List.copyOf(both.parts().keySet()));
        assertEquals(0.0, both.total(), 1e-9);
    }

    @Test
    void refusesDuplicateNamesAnEmptySetAndATargetNoRewardFits() {
        IllegalArgumentException dup = assertThrows(IllegalArgumentException.class,
                () -> RewardSet.of(new FormatReward(), new FormatReward()));
        assertEquals("two rewards of the set have the same name", dup.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RewardSet(List.of()));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> RewardSet.of(new PerceptionReward()).score("x", RewardTarget.ofReference("a")));
        assertEquals("none of the rewards [perception] applies to a target with neither a reference nor a box",
                none.getMessage());
    }
}
