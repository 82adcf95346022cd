package io.r1kit.train.grpo;

import io.r1kit.model.io.Dtype;
import io.r1kit.task.Task;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GrpoConfigTest {

    private static String error(String json) {
        return assertThrows(IllegalArgumentException.class, () -> GrpoConfig.fromJson(json)).getMessage();
    }

    @Test
    void defaultsAreThePapersAndRoundTripThroughJson() {
        GrpoConfig d = GrpoConfig.defaults();
        assertEquals(0.02, d.beta());
        assertEquals(1e-6, d.learningRate());
        assertEquals(0.2, d.epsilon());
        assertEquals(8, d.numGenerations());
        assertEquals(1, d.numIterations());
        assertEquals("grpo", d.lossType());
        assertEquals("group", d.scaleRewards());
        assertEquals(new GrpoLoss.Options(GrpoLoss.Type.GRPO, 0.2, 0.2, 0.02, 160), d.lossOptions());   // ε_high 0 = ε
        assertEquals(Map.of("grounding", List.of("perception")), d.rewards());
        assertEquals(d, GrpoConfig.fromJson(d.toJson()));
        GrpoConfig changed = GrpoConfig.fromJson("""
                {"tasks": ["qa", "grounding"], "rewards": {"grounding": ["perception", "format"], "qa": ["format"]},
                 "steps": 3, "dtype": "F16", "model": "ckpt"}""");
        assertEquals(List.of(Task.GROUNDING, Task.QA), changed.tasks());
        assertEquals(Dtype.F16, changed.dtype());
        assertEquals(changed, GrpoConfig.fromJson(changed.toJson()));
        assertEquals(List.of("perception", "format"), changed.rewardNames(Task.GROUNDING));
        GrpoConfig trl = GrpoConfig.fromJson("""
                {"tasks": ["qa"], "rewards": {"qa": ["format", "answer", "my-reward"]},
                 "reward_weights": {"format": 0.5, "my-reward": 2}, "loss_type": "dapo", "scale_rewards": "none",
                 "epsilon_high": 0.28, "num_iterations": 2, "beta": 0, "mask_truncated_completions": true,
                 "dynamic_sampling": true}""");
        assertEquals(new GrpoLoss.Options(GrpoLoss.Type.DAPO, 0.2, 0.28, 0, 160), trl.lossOptions());
        assertEquals(io.r1kit.reward.GroupAdvantages.Scaling.NONE, trl.scaling());
        assertEquals(0.5, trl.weight("format"));
        assertEquals(1.0, trl.weight("answer"));
        assertEquals(trl, GrpoConfig.fromJson(trl.toJson()));
        assertFalse(trl.greedyBaseline());
        assertTrue(GrpoConfig.fromJson("{\"advantage_baseline\": \"greedy\"}").greedyBaseline());
    }

    @Test
    void theLearningRateFollowsTheScheduleByUpdate() {
        GrpoConfig constant = GrpoConfig.fromJson("{\"steps\": 5, \"learning_rate\": 0.1}");
        assertEquals("constant", constant.lrSchedulerType());
        assertEquals(0.1, GrpoSchedule.rate(constant, 1));
        assertEquals(0.1, GrpoSchedule.rate(constant, 5));
        assertTrue(GrpoSchedule.lengthFree(constant));
        // 5 steps x 2 updates: 10 updates, update t at s = t - 1; linear: 0.1 (1 - s/10)
        GrpoConfig linear = GrpoConfig.fromJson("{\"steps\": 5, \"num_iterations\": 2, \"learning_rate\": 0.1,"
                + " \"lr_scheduler_type\": \"linear\"}");
        assertEquals(0.1, GrpoSchedule.rate(linear, 1), 1e-12);
        assertEquals(0.07, GrpoSchedule.rate(linear, 4), 1e-12);
        assertEquals(0.01, GrpoSchedule.rate(linear, 10), 1e-12);
        assertEquals(0.01, GrpoSchedule.rate(linear, 12), 1e-12);     // past the end: the last rate
        assertFalse(GrpoSchedule.lengthFree(linear));
        // warm-up ceil(0.25 x 10) = 3 updates: 0.1/3, 0.2/3, 0.1; then cosine over the 7 left
        GrpoConfig cosine = GrpoConfig.fromJson("{\"steps\": 10, \"learning_rate\": 0.1,"
                + " \"lr_scheduler_type\": \"cosine\", \"warmup_ratio\": 0.25}");
        assertEquals(0.1 / 3, GrpoSchedule.rate(cosine, 1), 1e-12);
        assertEquals(0.2 / 3, GrpoSchedule.rate(cosine, 2), 1e-12);
        assertEquals(0.1, GrpoSchedule.rate(cosine, 4), 1e-12);
        assertEquals(0.05 * (1 + Math.cos(Math.PI * 3 / 7)), GrpoSchedule.rate(cosine, 7), 1e-12);
        assertTrue(GrpoSchedule.rate(cosine, 10) > 0);
        assertFalse(GrpoSchedule.lengthFree(GrpoConfig.fromJson("{\"warmup_ratio\": 0.1}")));
        assertEquals(cosine, GrpoConfig.fromJson(cosine.toJson()));
        assertEquals("lr_scheduler_type \"step\" is none of [constant, linear, cosine]",
                error("{\"lr_scheduler_type\": \"step\"}"));
        assertEquals("warmup_ratio 1.0 is outside [0, 1); 0 starts at the full learning rate",
                error("{\"warmup_ratio\": 1}"));
    }

    @Test
    void badValuesSayWhatToFix() {
        assertEquals("num_generations must be at least 2, got 1 (advantages compare the outputs of a group; 8 is usual)",
                error("{\"num_generations\": 1}"));
        assertEquals("loss_type \"ppo\" is none of [grpo, bnpo, dr_grpo, dapo]", error("{\"loss_type\": \"ppo\"}"));
        assertEquals("scale_rewards \"std\" is none of [group, batch, none]", error("{\"scale_rewards\": \"std\"}"));
        assertEquals("advantage_baseline \"mean\" is none of [group, greedy, greedy_gain]", error("{\"advantage_baseline\": \"mean\"}"));
        assertEquals("reward_weights names \"semantic\", which no task's rewards name [perception]: remove it or add it"
                + " to rewards", error("{\"reward_weights\": {\"semantic\": 1}}"));
        assertEquals("rewards of grounding: the answer reward matches a short answer exactly, which only qa and"
                + " dialogue have; remove \"answer\"", error("{\"rewards\": {\"grounding\": [\"answer\"]}}"));
        assertEquals("rewards of qa: the perception reward scores an answered box, and only grounding and reasoning"
                + " targets have one; remove \"perception\"",
                error("{\"tasks\": [\"qa\"], \"rewards\": {\"qa\": [\"perception\"]}}"));
        assertEquals("rewards of grounding: the semantic reward compares the answer with a reference text, and a"
                + " grounding target is a box; remove \"semantic\"",
                error("{\"rewards\": {\"grounding\": [\"perception\", \"semantic\"]}}"));
        assertEquals("rewards of reasoning: the perception reward scores only reasoning answers that name a box, so"
                + " the other reasoning prompts would have no reward; add \"format\", \"semantic\" or \"facts\"",
                error("{\"tasks\": [\"reasoning\"], \"rewards\": {\"reasoning\": [\"perception\"]}}"));
        assertEquals("rewards of qa names a reward twice: [format, semantic, format]",
                error("{\"tasks\": [\"qa\"], \"rewards\": {\"qa\": [\"format\", \"semantic\", \"format\"]}}"));
        assertEquals("rewards has none for task qa: add \"qa\": [...] with some of [format, perception, semantic,"
                + " answer, facts, captions, cider]",
                error("{\"tasks\": [\"grounding\", \"qa\"]}"));
        assertEquals("unknown reward \"semantics\" (built in: format, perception, semantic, answer, facts, captions, cider); did you mean"
                + " \"semantic\"?",
                error("{\"rewards\": {\"grounding\": [\"semantics\"]}}"));
        assertEquals("rewards names task qa, which is not in tasks [grounding]: add it to tasks or remove its rewards",
                error("{\"rewards\": {\"grounding\": [\"format\"], \"qa\": [\"format\"]}}"));
        assertEquals("beta must be >= 0, got -0.1; the paper uses 0.02, 0 loads no reference", error("{\"beta\": -0.1}"));
        assertEquals("held-out seeds 200010..200019 overlap the prompt seeds 200000..200049: set held_out_seed to 200050"
                + " or more", error("{\"held_out_seed\": 200010}"));
        assertEquals("unknown key \"groups\" (known: model, train_rooms, train_seed, held_out_rooms, held_out_seed, tasks,"
                + " rewards, reward_weights, eval_prompts, num_generations, prompts_per_step, task_sampling, steps, save_steps,"
                + " num_iterations,"
                + " per_device_train_batch_size, learning_rate, lr_scheduler_type, warmup_ratio, weight_decay, max_grad_norm, beta, epsilon, epsilon_high,"
                + " loss_type, scale_rewards, advantage_baseline, mask_truncated_completions, dynamic_sampling, temperature, top_p,"
                + " top_entropy_quantile, max_completion_length, task_completion_lengths, dense_distinct_pointers, sft_weight, sft_batch_size, sft_rooms, sft_tasks, dtype, seed)",
                error("{\"groups\": 4}"));
        assertEquals("task_sampling \"even\" is none of [proportional, balanced]",
                error("{\"task_sampling\": \"even\"}"));
        assertEquals("task_completion_lengths names task qa, which is not in tasks [grounding]",
                error("{\"task_completion_lengths\": {\"qa\": 64}}"));
        assertEquals("task_completion_lengths of grounding must be >= 1, got 0; a dense caption of a room takes up to"
                + " 800 tokens", error("{\"task_completion_lengths\": {\"grounding\": 0}}"));
        assertEquals("per_device_train_batch_size must be at least 0, got -1 (0 takes a step's outputs in one pass)",
                error("{\"per_device_train_batch_size\": -1}"));
        assertEquals("top_entropy_quantile 1.5 is outside [0, 1]; 1 keeps every token, 0.2 trains on the"
                + " highest-entropy fifth", error("{\"top_entropy_quantile\": 1.5}"));
    }

    @Test
    void aTaskTakesItsOwnCompletionLengthElseTheRecipes() {
        GrpoConfig c = GrpoConfig.fromJson("{\"tasks\": [\"grounding\", \"dense-caption\"], \"rewards\":"
                + " {\"grounding\": [\"perception\"], \"dense-caption\": [\"format\"]}, \"max_completion_length\": 200,"
                + " \"task_completion_lengths\": {\"dense-caption\": 800}}");
        assertEquals(800, c.completionLength(Task.DENSE_CAPTION));
        assertEquals(200, c.completionLength(Task.GROUNDING));
        assertEquals(c, GrpoConfig.fromJson(c.toJson()));
        GrpoConfig probe = c.withRewards(Map.of("grounding", List.of("perception"), "dense-caption", List.of("facts")));
        assertEquals(800, probe.completionLength(Task.DENSE_CAPTION));
        assertEquals(List.of("facts"), probe.rewardNames(Task.DENSE_CAPTION));
    }

    @Test
    void theCommittedNanoRecipeIsValidAndTrainsFasterThanThePaper() throws Exception {
        GrpoConfig nano = GrpoConfig.read(Path.of("../environment/nano-grpo.json"));
        assertEquals("sft", nano.model());   // GRPO starts from the cold start
        assertEquals(List.of(Task.GROUNDING), nano.tasks());
        assertEquals(0.02, nano.beta());
        assertEquals(5e-5, nano.learningRate());
    }

    @Test
    void everyCommittedGrpoRecipeReadsAndRun42IsRun18DecayingLinearly() throws Exception {
        try (var files = java.nio.file.Files.newDirectoryStream(Path.of("../environment"), "*-grpo*.json")) {
            int n = 0;
            for (Path f : files) {
                GrpoConfig.read(f);
                n++;
            }
            assertTrue(n >= 30, n + " recipes");
        }
        GrpoConfig run18 = GrpoConfig.read(Path.of("../environment/nano-grpo-run18.json"));
        GrpoConfig run42 = GrpoConfig.read(Path.of("../environment/nano-grpo-run42.json"));
        assertEquals("constant", run18.lrSchedulerType());
        assertEquals(run18.toJson().replace("\"lr_scheduler_type\": \"constant\"", "\"lr_scheduler_type\": \"linear\""),
                run42.toJson());
    }

    @Test
    void denseCaptionsAreSampledFreelyUnlessTheRecipeAsksForTheRule() {
        assertEquals(false, GrpoConfig.defaults().denseDistinctPointers());
        assertEquals(true, GrpoConfig.fromJson("{\"dense_distinct_pointers\": true}").denseDistinctPointers());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> GrpoConfig.fromJson("{\"dense_distinct_pointers\": 3}"));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("dense_distinct_pointers"), e.getMessage());
    }

    @Test
    void aRecipeSavedBeforeAKeyExistedIsStillTheSameRecipe() {
        GrpoConfig c = GrpoConfig.fromJson("{\"steps\": 30, \"learning_rate\": 1e-4}");
        com.google.gson.JsonObject saved = io.r1kit.train.RecipeJson.tree(c);
        assertTrue(c.sameRecipe(saved, false));
        saved.remove("task_sampling");              // written before the key existed: its default, the old behaviour
        saved.remove("advantage_baseline");
        assertTrue(c.sameRecipe(saved, false));
        saved.addProperty("steps", 20);
        assertFalse(c.sameRecipe(saved, false));
        assertTrue(c.sameRecipe(saved, true));      // a finished run may go on to more steps
        saved.addProperty("task_sampling", "balanced");
        assertFalse(c.sameRecipe(saved, true));
        saved.addProperty("task_sampling", "even");  // unreadable: not this recipe
        assertFalse(c.sameRecipe(saved, true));
        assertFalse(c.sameRecipe(null, true));
        assertFalse(c.sameRecipe(new com.google.gson.JsonPrimitive(3), true));
    }
}
