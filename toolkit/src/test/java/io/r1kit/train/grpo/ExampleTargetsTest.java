package io.r1kit.train.grpo;

import io.r1kit.cot.tasks.Example;
import io.r1kit.cot.tasks.InstructionGenerator;
import io.r1kit.reward.FormatReward;
import io.r1kit.reward.PerceptionReward;
import io.r1kit.reward.RewardScore;
import io.r1kit.reward.RewardSet;
import io.r1kit.reward.RewardTarget;
import io.r1kit.reward.RewardTargets;
import io.r1kit.reward.SemanticReward;
import io.r1kit.scene.Box3;
import io.r1kit.scene.gen.GeneratedRoom;
import io.r1kit.scene.gen.GeneratorConfig;
import io.r1kit.scene.gen.SceneGenerator;
import io.r1kit.task.BoxCodec;
import io.r1kit.task.Task;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExampleTargetsTest {

    private static final GeneratedRoom ROOM =
            new SceneGenerator(GeneratorConfig.defaults().withPointBudget(6000)).generate(3);
    private static final List<Example> EXAMPLES = InstructionGenerator.generate(ROOM, 3);

    private static Example first(Task task) {
        return EXAMPLES.stream().filter(e -> e.task() == task).findFirst().orElseThrow(() -> new AssertionError("no " + task));
    }

    @Test
    void groundingIsScoredOnTheTargetObjectsBox() {
        Example g = first(Task.GROUNDING);
        RewardTarget t = ExampleTargets.of(g, ROOM.scene());
        assertNull(t.reference());
        assertEquals(ROOM.scene().object(g.target()).orElseThrow().box(), t.box());
        assertEquals(ROOM.scene().bounds(), t.bounds());
        // The example's own answer is that box on the grid: a perfect reply scores 1 + the IoU that the grid keeps
        // (a few centimetres of rounding weigh on thin objects).
        String reply = "<think>It is the one named.</think><answer>" + g.answer() + "</answer>";
        RewardScore s = RewardSet.of(new FormatReward(), new PerceptionReward(), new SemanticReward(new GrpoRewardsTest.LoHiEmbedder()))
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
            RewardTarget t = ExampleTargets.of(e, ROOM.scene());
            assertEquals(e.answer(), t.reference(), task.toString());
            // The engine's reasoning answers name no box, so reasoning gets no perception reward either.
            assertNull(t.box(), task.toString());
            // a whole room's captions are read over the scene bounds (the captions reward matches their boxes)
            assertEquals(task == Task.DENSE_CAPTION ? ROOM.scene().bounds() : null, t.bounds(), task.toString());
        }
    }

    @Test
    void wrongSceneOrObjectIsAClearError() {
        GeneratedRoom other = new SceneGenerator(GeneratorConfig.defaults().withPointBudget(6000)).generate(4);
        Example g = first(Task.GROUNDING);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExampleTargets.of(g, other.scene()));
        assertEquals("the example is about scene " + ROOM.scene().id() + ", not " + other.scene().id(), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RewardTargets.ofObject(ROOM.scene(), 999, "x"));
        assertTrue(e.getMessage().startsWith("scene " + ROOM.scene().id() + " has no object 999 (ids: 1, 2, "), e.getMessage());
    }
}
