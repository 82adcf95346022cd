package io.r1kit.reward;

import io.r1kit.cot.Example;
import io.r1kit.cot.InstructionGenerator;
import io.r1kit.cot.Task;
import io.r1kit.scene.Box3;
import io.r1kit.scene.gen.GeneratedRoom;
import io.r1kit.scene.gen.GeneratorConfig;
import io.r1kit.scene.gen.SceneGenerator;
import io.r1kit.task.BoxCodec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RewardTargetsTest {

    private static final GeneratedRoom ROOM =
            new SceneGenerator(GeneratorConfig.defaults().withPointBudget(6000)).generate(3);
    private static final List<Example> EXAMPLES = InstructionGenerator.generate(ROOM, 3);

    private static Example first(Task task) {
        return EXAMPLES.stream().filter(e -> e.task() == task).findFirst().orElseThrow(() -> new AssertionError("no " + task));
    }

    @Test
    void groundingIsScoredOnTheTargetObjectsBox() {
        Example g = first(Task.GROUNDING);
        RewardTarget t = RewardTargets.of(g, ROOM.scene());
        assertNull(t.reference());
        assertEquals(ROOM.scene().object(g.target()).orElseThrow().box(), t.box());
        assertEquals(ROOM.scene().bounds(), t.bounds());
        // The example's own answer is that box on the grid: a perfect reply scores 1 + the IoU that the grid keeps
        // (a few centimetres of rounding weigh on thin objects).
        String reply = "<think>It is the one named.</think><answer>" + g.answer() + "</answer>";
        RewardScore s = RewardSet.of(new FormatReward(), new PerceptionReward(), new SemanticReward(new WordEmbedder()))
                .score(reply, t);
        assertEquals(List.of("format", "perception"), List.copyOf(s.parts().keySet()));
        Box3 grid = new BoxCodec(t.bounds()).decode(g.answer());
        assertEquals(grid.iou(t.box()), s.part("perception").orElseThrow(), 1e-9);
        assertTrue(s.part("perception").orElseThrow() > 0.5, "grid IoU " + s.part("perception"));
    }

    @Test
    void captionsQuestionsAndReasoningAreScoredOnTheReference() {
        for (Task task : List.of(Task.DENSE_CAPTION, Task.OBJECT_CAPTION, Task.QA, Task.REASONING)) {
            Example e = first(task);
            RewardTarget t = RewardTargets.of(e, ROOM.scene());
            assertEquals(e.answer(), t.reference(), task.toString());
            // The engine's reasoning answers name no box, so reasoning gets no perception reward either.
            assertNull(t.box(), task.toString());
        }
    }

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
    void wrongSceneOrObjectIsAClearError() {
        GeneratedRoom other = new SceneGenerator(GeneratorConfig.defaults().withPointBudget(6000)).generate(4);
        Example g = first(Task.GROUNDING);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RewardTargets.of(g, other.scene()));
        assertEquals("the example is about scene " + ROOM.scene().id() + ", not " + other.scene().id(), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RewardTargets.ofObject(ROOM.scene(), 999, "x"));
        assertTrue(e.getMessage().startsWith("scene " + ROOM.scene().id() + " has no object 999 (ids: 1, 2, "), e.getMessage());
    }
}
