package io.r1kit.train.experiment;

import com.google.gson.JsonObject;
import io.r1kit.Provenance;
import io.r1kit.task.Task;
import io.r1kit.train.TrainingRooms;
import io.r1kit.train.grpo.GrpoConfig;
import io.r1kit.train.sft.SftConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How many SFT steps the control gets for a GRPO run's seconds, its recipe, and when a finished one is kept. */
class ControlRecipeTest {

    @Test
    void theShortRunsOverheadsArePaidOnceAndTheRestAtTheWarmRate() {
        // 8 steps in 10 s (warm-up and a held-out pass in them), 24 in 18 s: 0.5 s per warm step
        assertEquals(8 + 180, ControlRecipe.stepsFor(100, 10, 18));
        // the mean of the short run (1.25 s per step) would have given 80 steps: 40% of the seconds lost
        assertEquals(2, ControlRecipe.stepsFor(3, 10, 18));        // never fewer than 2
        // the long run no slower than the short one (jitter): its mean, 9 s / 24 = 0.375 s per step
        assertEquals(267, ControlRecipe.stepsFor(100, 10, 9));
        assertEquals(2, ControlRecipe.stepsFor(0.1, 10, 9));
        assertThrows(IllegalArgumentException.class, () -> ControlRecipe.stepsFor(100, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> ControlRecipe.stepsFor(Double.NaN, 10, 18));
    }

    @Test
    void aBalancedRunsControlRepeatsTheRarerTasks() {
        // the question counts of 20 generated rooms
        Map<Task, Integer> counts = Map.of(Task.DENSE_CAPTION, 20, Task.DIALOGUE, 120, Task.GROUNDING, 275,
                Task.OBJECT_CAPTION, 120, Task.PLANNING, 43, Task.QA, 200, Task.REASONING, 39);
        assertEquals(Map.of("dense-caption", 10, "dialogue", 2, "grounding", 1, "object-caption", 2, "planning", 6,
                "qa", 1, "reasoning", 7), ControlRecipe.balancedRepeats(counts));
        assertEquals(Map.of("qa", 1), ControlRecipe.balancedRepeats(Map.of(Task.QA, 5)));
    }

    @Test
    void theControlOfABalancedRunSeesTheTasksAsItDoes() throws Exception {
        Path base = io.r1kit.train.TinyCheckpoint.dir();
        String recipe = "{\"model\": \"" + base + "\", \"train_rooms\": 3, \"tasks\": [\"grounding\", \"planning\"],"
                + " \"rewards\": {\"grounding\": [\"perception\"], \"planning\": [\"facts\"]}";
        SftConfig plain = ControlRecipe.of(GrpoConfig.fromJson(recipe + "}"), base, 1.0).apply(5);
        SftConfig balanced = ControlRecipe.of(GrpoConfig.fromJson(recipe + ", \"task_sampling\": \"balanced\"}"), base,
                1.0).apply(5);
        int grounding = 0;
        int planning = 0;
        for (long seed = 200_000; seed < 200_003; seed++) {
            var room = TrainingRooms.room(seed);
            for (var e : TrainingRooms.examples(room, seed, balanced.tasks(), balanced.maxObjects())) {
                grounding += e.task() == Task.GROUNDING ? 1 : 0;
                planning += e.task() == Task.PLANNING ? 1 : 0;
            }
        }
        assertEquals(1, balanced.repeats(Task.GROUNDING));
        assertEquals(Math.min(10, Math.round((double) grounding / planning)), balanced.repeats(Task.PLANNING));
        assertEquals(true, balanced.repeats(Task.PLANNING) > 1, grounding + " grounding, " + planning + " plans");
        assertEquals(1, plain.repeats(Task.PLANNING));
        assertEquals(plain.steps(), balanced.steps());
        assertEquals(plain.learningRate(), balanced.learningRate());
        assertEquals(1.0, plain.finalLearningRate());
        // cooled: the same steps, rate and tasks, the rate falling to 0 at the last step
        SftConfig cooled = ControlRecipe.of(GrpoConfig.fromJson(recipe + ", \"task_sampling\": \"balanced\"}"),
                base, 0.0).apply(5);
        assertEquals(0.0, cooled.finalLearningRate());
        assertEquals(balanced.learningRate(), cooled.learningRate());
        assertEquals(balanced.repeats(Task.PLANNING), cooled.repeats(Task.PLANNING));
        assertEquals(5, cooled.steps());
    }

    @Test
    void theControlReadsTheTasksTheAnchorHoldsAsWellAsThoseSampled() throws Exception {
        Path base = io.r1kit.train.TinyCheckpoint.dir();
        String recipe = "{\"model\": \"" + base + "\", \"train_rooms\": 3, \"tasks\": [\"qa\"],"
                + " \"rewards\": {\"qa\": [\"answer\"]}";
        assertEquals(List.of(Task.QA), ControlRecipe.of(GrpoConfig.fromJson(recipe + "}"), base, 1.0).apply(5)
                .tasks());
        SftConfig held = ControlRecipe.of(GrpoConfig.fromJson(recipe + ", \"sft_weight\": 0.2,"
                + " \"sft_tasks\": [\"planning\", \"grounding\"]}"), base, 1.0).apply(5);
        assertEquals(List.of(Task.GROUNDING, Task.QA, Task.PLANNING), held.tasks());
    }

    @Test
    void aFinishedControlIsKeptOnlyForTheSameFinalRate(@TempDir Path tmp) throws Exception {
        assertFalse(ControlRecipe.finished(tmp.resolve("none"), 0.0));
        JsonObject recipe = new JsonObject();
        recipe.addProperty("final_learning_rate", 0.0);
        Provenance.of("steps", 40).with("recipe", recipe).with("wall_seconds", 12.5).write(tmp.resolve("cooled"));
        assertTrue(ControlRecipe.finished(tmp.resolve("cooled"), 0.0));
        String e = assertThrows(IllegalArgumentException.class,
                () -> ControlRecipe.finished(tmp.resolve("cooled"), 1.0)).getMessage();
        assertTrue(e.contains("cooled holds a control whose rate ended at 0.0 of its peak, where this experiment"
                + " asks 1.0: choose another --out"), e);
        Provenance.of("steps", 40).write(tmp.resolve("stopped"));   // no wall_seconds: it never finished
        assertFalse(ControlRecipe.finished(tmp.resolve("stopped"), 1.0));
    }
}
