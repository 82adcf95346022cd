package io.r1kit.train.sft;

import io.r1kit.model.io.Dtype;
import io.r1kit.task.Task;
import io.r1kit.train.LearningRateSchedule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SftConfigTest {

    @Test
    void defaultsRoundTripThroughJson() {
        SftConfig d = SftConfig.defaults();
        assertEquals(d, SftConfig.fromJson(d.toJson()));
        assertEquals(List.of(Task.values()), d.tasks());
        assertEquals(Dtype.F16, d.dtype());
        assertEquals(true, d.toJson().contains("\"tasks\": [\n    \"dense-caption\""), d.toJson());
    }

    @Test
    void absentKeysTakeTheDefaultsAndTasksAreReadByName() {
        SftConfig c = SftConfig.fromJson("{\"steps\": 50, \"warmup_steps\": 5, \"tasks\": [\"qa\", \"grounding\"]}");
        assertEquals(50, c.steps());
        assertEquals(List.of(Task.GROUNDING, Task.QA), c.tasks());  // task order, whatever the file's
        assertEquals(SftConfig.defaults().hiddenSize(), c.hiddenSize());
        assertEquals(SftConfig.fromJson(c.toJson()), c);
    }

    @Test
    void errorsSayWhatToFix() {
        assertEquals("unknown key \"step\" (known: train_rooms, train_seed, held_out_rooms, held_out_seed, tasks, "
                        + "hidden_size, layers, heads, kv_heads, intermediate_size, max_objects, points_per_object, "
                        + "max_tokens, min_word_count, steps, batch_size, group_by_length, split_by_length, learning_rate, "
                        + "warmup_steps, "
                        + "final_learning_rate, weight_decay, max_grad_norm, eval_every, held_out_examples, "
                        + "eval_examples, keep_best, dtype, seed, object_name_weight, object_places, object_pointers, answer_format, reasoning_steps, reasoning_boxes, reasoning_looks, cot_filters, init_model, task_repeats)",
                assertThrows(IllegalArgumentException.class, () -> SftConfig.fromJson("{\"step\": 3}")).getMessage());
        assertEquals("held-out seeds 150..159 overlap the training seeds 0..199: set held_out_seed to 200 or more",
                assertThrows(IllegalArgumentException.class,
                        () -> SftConfig.fromJson("{\"held_out_seed\": 150}")).getMessage());
        assertEquals("warmup_steps 10 must be in 0..9 (below steps); a few percent of steps is usual",
                assertThrows(IllegalArgumentException.class,
                        () -> SftConfig.fromJson("{\"steps\": 10, \"warmup_steps\": 10}")).getMessage());
        assertEquals("unknown task 'captions' (known: dense-caption, object-caption, grounding, qa, dialogue, "
                        + "reasoning, planning)",
                assertThrows(IllegalArgumentException.class,
                        () -> SftConfig.fromJson("{\"tasks\": [\"captions\"]}")).getMessage());
        assertEquals("heads 4, kv_heads 3, hidden_size 256: kv_heads must divide heads and heads must divide "
                        + "hidden_size (e.g. 4, 2, 256)",
                assertThrows(IllegalArgumentException.class,
                        () -> SftConfig.fromJson("{\"kv_heads\": 3}")).getMessage());
    }

    @Test
    void scheduleWarmsUpLinearlyThenFollowsTheCosineToTheFloor() {
        LearningRateSchedule s = new LearningRateSchedule(1e-3, 10, 111, 0.1);
        assertEquals(1e-4, s.at(0), 1e-12);
        assertEquals(5e-4, s.at(4), 1e-12);
        assertEquals(1e-3, s.at(10), 1e-12);                  // first decay step: cos(0) = 1
        assertEquals(1e-4 + 9e-4 * 0.5, s.at(60), 1e-12);      // half way: cos(pi/2) = 0
        assertEquals(1e-4, s.at(110), 1e-12);                  // last step: the floor
        assertEquals(1e-4, s.getNewValue(1), 1e-9);            // DJL's update 1 is step 0
        assertEquals(1e-4, s.getNewValue(500), 1e-9);
    }
}
