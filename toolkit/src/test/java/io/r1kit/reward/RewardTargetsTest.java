package io.r1kit.reward;

import io.r1kit.scene.Box3;
import io.r1kit.scene.gen.GeneratedRoom;
import io.r1kit.scene.gen.GeneratorConfig;
import io.r1kit.scene.gen.SceneGenerator;
import io.r1kit.task.Task;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RewardTargetsTest {

    @Test
    void reasoningKeepsABoxItIsGivenAndOtherTasksDropIt() {
        Box3 bounds = Box3.ofMinMax(0, 0, 0, 4, 4, 3);
        Box3 box = Box3.ofMinMax(1, 1, 0, 2, 2, 1);
        assertEquals(new RewardTarget("the lamp", box, bounds), RewardTargets.forTask(Task.REASONING, "the lamp", box, bounds));
        assertEquals(RewardTarget.ofReference("the lamp"), RewardTargets.forTask(Task.QA, "the lamp", box, bounds));
        assertEquals(RewardTarget.ofBox(box, bounds), RewardTargets.forTask(Task.GROUNDING, "the lamp", box, bounds));
        assertEquals("dialogue is scored on a reference answer: give the answer",
                assertThrows(IllegalArgumentException.class, () -> RewardTargets.forTask(Task.DIALOGUE, null, box, bounds))
                        .getMessage());
    }

    @Test
    void anUnknownObjectIsAClearError() {
        GeneratedRoom room = new SceneGenerator(GeneratorConfig.defaults().withPointBudget(6000)).generate(3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RewardTargets.ofObject(room.scene(), 999, "x"));
        assertTrue(e.getMessage().startsWith("scene " + room.scene().id() + " has no object 999 (ids: 1, 2, "), e.getMessage());
    }
}
