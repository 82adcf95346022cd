package io.r1kit.train.grpo;

import io.r1kit.model.io.Dtype;
import io.r1kit.task.Task;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
        assertEquals(8, d.groupSize());
        assertEquals(1, d.updatesPerBatch());
        assertEquals(Map.of("grounding", List.of("perception")), d.rewards());
        assertEquals(d, GrpoConfig.fromJson(d.toJson()));
        GrpoConfig changed = GrpoConfig.fromJson("""
                {"tasks": ["qa", "grounding"], "rewards": {"grounding": ["perception", "format"], "qa": ["format"]},
                 "steps": 3, "dtype": "F16", "model": "ckpt"}""");
        assertEquals(List.of(Task.GROUNDING, Task.QA), changed.tasks());
        assertEquals(Dtype.F16, changed.dtype());
        assertEquals(changed, GrpoConfig.fromJson(changed.toJson()));
        assertEquals(List.of("perception", "format"),
                changed.rewardsFor(Task.GROUNDING, new GrpoRewards()).rewards().stream().map(r -> r.name()).toList());
    }

    @Test
    void badValuesSayWhatToFix() {
        assertEquals("group_size must be at least 2, got 1 (advantages compare the outputs of a group; 8 is usual)",
                error("{\"group_size\": 1}"));
        assertEquals("rewards of qa: the perception reward scores an answered box, and only grounding and reasoning"
                + " targets have one; remove \"perception\"",
                error("{\"tasks\": [\"qa\"], \"rewards\": {\"qa\": [\"perception\"]}}"));
        assertEquals("rewards of grounding: the semantic reward compares the answer with a reference text, and a"
                + " grounding target is a box; remove \"semantic\"",
                error("{\"rewards\": {\"grounding\": [\"perception\", \"semantic\"]}}"));
        assertEquals("rewards of reasoning: the perception reward scores only reasoning answers that name a box, so"
                + " the other reasoning prompts would have no reward; add \"format\" or \"semantic\"",
                error("{\"tasks\": [\"reasoning\"], \"rewards\": {\"reasoning\": [\"perception\"]}}"));
        assertEquals("rewards of qa names a reward twice: [format, semantic, format]",
                error("{\"tasks\": [\"qa\"], \"rewards\": {\"qa\": [\"format\", \"semantic\", \"format\"]}}"));
        assertEquals("rewards has none for task qa: add \"qa\": [...] with some of [format, perception, semantic]",
                error("{\"tasks\": [\"grounding\", \"qa\"]}"));
        assertEquals("unknown reward \"semantics\" (known: format, perception, semantic)",
                error("{\"rewards\": {\"grounding\": [\"semantics\"]}}"));
        assertEquals("rewards names task qa, which is not in tasks [grounding]: add it to tasks or remove its rewards",
                error("{\"rewards\": {\"grounding\": [\"format\"], \"qa\": [\"format\"]}}"));
        assertEquals("beta must be >= 0, got -0.1; the paper uses 0.02", error("{\"beta\": -0.1}"));
        assertEquals("held-out seeds 200010..200019 overlap the prompt seeds 200000..200049: set held_out_seed to 200050"
                + " or more", error("{\"held_out_seed\": 200010}"));
        assertEquals("unknown key \"groups\" (known: model, train_rooms, train_seed, held_out_rooms, held_out_seed, tasks,"
                + " rewards, eval_prompts, group_size, prompts_per_step, steps, updates_per_batch, learning_rate,"
                + " weight_decay, max_grad_norm, beta, epsilon, temperature, top_p, max_new_tokens, dtype, seed)",
                error("{\"groups\": 4}"));
    }

    @Test
    void theCommittedNanoRecipeIsValidAndTrainsFasterThanThePaper() throws Exception {
        GrpoConfig nano = GrpoConfig.read(Path.of("../environment/nano-grpo.json"));
        assertEquals("sft", nano.model());   // GRPO starts from the cold start
        assertEquals(List.of(Task.GROUNDING), nano.tasks());
        assertEquals(0.02, nano.beta());
        assertEquals(5e-5, nano.learningRate());
    }
}
