package io.r1kit.train.sft;

import io.r1kit.cot.tasks.Example;
import io.r1kit.cot.tasks.Fact;
import io.r1kit.scene.gen.GeneratedRoom;
import io.r1kit.task.ReasoningParser;
import io.r1kit.task.Task;
import io.r1kit.train.TinyCheckpoint;
import io.r1kit.train.TrainingRooms;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A plan's reasoning states the place of every object the plan names, however short the recipe's reasoning. */
class PlanReasoningTest {

    private static final SftConfig NO_FACT_STEPS = with(with(with(with(with(SftConfig.fromJson(TinyCheckpoint.RECIPE),
            "reasoning_steps", "0"), "reasoning_boxes", "false"), "reasoning_looks", "false"),
            "tasks", "[\"qa\", \"planning\"]"), "cot_filters", "{\"min_think_words\": 0, \"min_answer_words\": 0,"
            + " \"min_short_answer_words\": 0, \"min_step_cues\": 0, \"min_consistency\": 0.8}");

    private static SftConfig with(SftConfig c, String key, String value) {
        String json = c.toJson().replaceFirst("\"" + key + "\": (\\[[^]]*]|\\{[^}]*}|[^,\\n]+)", "\"" + key + "\": " + value);
        return SftConfig.fromJson(json);
    }

    @Test
    void everyPlaceAPlanStatesIsReasonedFirstWhileOtherTasksKeepTheRecipesLength() {
        assertEquals(0, NO_FACT_STEPS.reasoningSteps());
        int plans = 0;
        int places = 0;
        int others = 0;
        for (int seed = 0; seed < 6; seed++) {
            GeneratedRoom room = TrainingRooms.room(seed);
            List<Example> examples = TrainingRooms.examples(room, seed, NO_FACT_STEPS.tasks(), NO_FACT_STEPS.maxObjects());
            int[] filtered = new int[1];
            List<SftData.Text> texts = SftData.texts(room, seed, NO_FACT_STEPS, filtered);
            assertEquals(0, filtered[0]);
            assertEquals(examples.size(), texts.size());
            for (int i = 0; i < examples.size(); i++) {
                Example e = examples.get(i);
                String think = ReasoningParser.parse(texts.get(i).target().toLowerCase(java.util.Locale.ROOT)).reasoning().orElseThrow().think();
                int steps = think.split("step \\d+:", -1).length - 1;
                if (e.task() == Task.PLANNING) {
                    plans++;
                    // the object step, one step per place, the conclusion
                    assertEquals(e.facts().size() + 2, steps, think);
                    String[] said = think.split("\n");
                    for (int k = 0; k < e.facts().size(); k++) {
                        Fact f = e.facts().get(k);
                        String step = said[k + 1];
                        String name = room.graph().object(f.objects().get(0)).orElseThrow().name();
                        assertTrue(step.startsWith("step " + (k + 2) + ": the " + name + " "), step);
                        assertTrue(f instanceof Fact.AgainstWall ? step.contains(" wall")
                                : f instanceof Fact.Support sup && (sup.supportId() == 0 ? step.contains("floor")
                                : step.contains(" on ")), f + ": " + step);
                        assertTrue(said[said.length - 1].contains(" " + name + " "), said[said.length - 1]);
                        places++;
                    }
                } else if (e.task() == Task.QA && !e.facts().isEmpty() && !(e.facts().get(0) instanceof Fact.Identifies)) {
                    others++;
                    assertEquals(2, steps, "reasoning_steps 0 keeps the object and the conclusion: " + think);
                }
            }
        }
        assertTrue(plans >= 3 && places >= 2 * plans, plans + " plans, " + places + " places");
        assertTrue(others > 0);
    }
}
