package io.r1kit.train.experiment;

import com.google.gson.JsonObject;
import io.r1kit.eval.tasks.TaskComparison;
import io.r1kit.eval.tasks.TaskReport;
import io.r1kit.scene.gen.GeneratedRoom;
import io.r1kit.task.Task;
import io.r1kit.train.experiment.ExperimentTable.Side;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.r1kit.train.experiment.ExperimentTableTest.answering;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The averaged arms' table on hand-made QA answers: changes from SFT and GRPO against each other arm, paired. */
class AveragedArmsTest {

    @Test
    void comparesTheAveragedModels() {
        List<GeneratedRoom> rooms = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rooms.add(ExperimentTableTest.GENERATOR.generate(800 + i));
        }
        TaskReport sft = answering(10, rooms);
        int n = sft.tasks().get(Task.QA).items().size();
        TaskReport grpo = answering(14, rooms);
        TaskReport control = answering(n, rooms);     // every question right: far ahead of GRPO
        TaskReport free = answering(13, rooms);
        AveragedArms a = new AveragedArms(sft, Map.of(Side.GRPO, grpo, Side.CONTROL, control,
                Side.WITHOUT_REWARDS, free), Map.of(Side.GRPO, 3, Side.CONTROL, 3, Side.WITHOUT_REWARDS, 2));

        assertEquals(0.4, a.meanRelative(Side.GRPO), 1e-12);                   // EM 14/n over 10/n
        assertEquals(n / 10.0 - 1, a.meanRelative(Side.CONTROL), 1e-12);
        TaskComparison.Row vsControl = a.grpoAgainst(Side.CONTROL).rows().get(0);
        assertEquals((14.0 - n) / n, vsControl.difference(), 1e-12);
        assertTrue(vsControl.high() < 0, "the control answers every question: GRPO is behind outside the noise");
        TaskComparison.Row vsFree = a.grpoAgainst(Side.WITHOUT_REWARDS).rows().get(0);
        assertEquals(1.0 / n, vsFree.difference(), 1e-12);
        assertFalse(vsFree.significant(), "one question apart is noise");

        String md = a.toMarkdown();
        assertTrue(md.startsWith("| task | metric | SFT | GRPO, 3 averaged | vs SFT | SFT continued, 3 averaged | vs SFT |"
                + " GRPO without rewards, 2 averaged | vs SFT | GRPO − SFT continued [95%, paired] |"
                + " GRPO − GRPO without rewards [95%, paired] |\n"), md);
        assertTrue(md.contains(String.format(java.util.Locale.ROOT, "| **%+.3f** [%+.3f, %+.3f] |",
                vsControl.difference(), vsControl.low(), vsControl.high())), md);
        assertTrue(md.contains(String.format(java.util.Locale.ROOT, " %+.3f [%+.3f, %+.3f] |", vsFree.difference(),
                vsFree.low(), vsFree.high())), md);
        assertTrue(md.contains("| **mean** | relative change | | | **+40.0%** |"), md);
        assertEquals(4, md.lines().count(), md);     // header, rule, one task, the mean

        JsonObject j = a.toJson();
        assertEquals(3, j.getAsJsonObject("grpo").get("seeds").getAsInt());
        assertEquals("control-average", j.getAsJsonObject("control").get("folder").getAsString());
        assertEquals(0.4, j.getAsJsonObject("grpo").get("mean_relative").getAsDouble(), 1e-12);
        assertEquals(vsControl.difference(), j.getAsJsonArray("grpo_minus_control").get(0).getAsJsonObject()
                .get("difference").getAsDouble(), 0);
        assertTrue(j.has("grpo_minus_without_rewards"));

        assertEquals("no averaged GRPO model", assertThrows(IllegalArgumentException.class,
                () -> new AveragedArms(sft, Map.of(Side.CONTROL, control), Map.of(Side.CONTROL, 2))).getMessage());
    }
}
