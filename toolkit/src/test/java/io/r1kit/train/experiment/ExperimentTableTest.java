package io.r1kit.train.experiment;

import com.google.gson.JsonObject;
import io.r1kit.cot.tasks.Example;
import io.r1kit.cot.tasks.InstructionGenerator;
import io.r1kit.eval.MeteorResources;
import io.r1kit.eval.tasks.TaskCase;
import io.r1kit.eval.tasks.TaskEval;
import io.r1kit.eval.tasks.TaskReport;
import io.r1kit.scene.gen.GeneratedRoom;
import io.r1kit.scene.gen.GeneratorConfig;
import io.r1kit.scene.gen.SceneGenerator;
import io.r1kit.task.Task;
import io.r1kit.task.TaskAnswer;
import io.r1kit.train.experiment.ExperimentTable.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The table over several seeds, on hand-made QA answers: per-seed changes, the paired test, the charts. */
class ExperimentTableTest {

    static final SceneGenerator GENERATOR =
            new SceneGenerator(GeneratorConfig.defaults().withPointBudget(6000));
    private static final TaskEval.Options OPTIONS = TaskEval.Options.defaults().withRooms(4).withPerTask(1000);

    /** A model that answers the first {@code right} QA questions with the reference and the rest wrongly. */
    static TaskReport answering(int right, List<GeneratedRoom> rooms) {
        List<TaskCase> cases = new ArrayList<>();
        int asked = 0;
        for (int i = 0; i < rooms.size(); i++) {
            GeneratedRoom room = rooms.get(i);
            for (Example e : InstructionGenerator.forModel(room, 800 + i, List.of(Task.QA), 32)) {
                String reply = "<think>I look.</think><answer>" + (asked++ < right ? e.answer() : "purple elephant")
                        + "</answer>";
                cases.add(new TaskCase(i, e, room.scene(), room.graph(), TaskAnswer.read(Task.QA, reply,
                        room.scene().bounds())));
            }
        }
        return TaskReport.of("right " + right, cases, OPTIONS, MeteorResources.builtIn());
    }

    @Test
    void comparesTheArmsPairedOverSeeds(@TempDir Path tmp) throws Exception {
        List<GeneratedRoom> rooms = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rooms.add(GENERATOR.generate(800 + i));
        }
        TaskReport sft = answering(10, rooms);
        int questions = sft.tasks().get(Task.QA).items().size();
        assertTrue(questions >= 20, "questions: " + questions);
        List<TaskReport> grpo = List.of(answering(14, rooms), answering(13, rooms), answering(15, rooms));
        List<TaskReport> controls = List.of(answering(11, rooms), answering(13, rooms), answering(12, rooms));
        ExperimentTable t = new ExperimentTable(sft, grpo, controls, List.of(answering(12, rooms),
                answering(12, rooms), answering(13, rooms)));

        // one task, so a seed's mean relative change is its EM over SFT's, minus 1
        assertEquals(List.of(0.4, 0.3, 0.5), rounded(t.perSeed(Side.GRPO)));
        assertEquals(List.of(0.1, 0.3, 0.2), rounded(t.perSeed(Side.CONTROL)));
        assertEquals(List.of(0.2, 0.2, 0.3), rounded(t.perSeed(Side.WITHOUT_REWARDS)));
        SeedComparison s = t.against(Side.CONTROL);
        assertEquals(3, s.seeds());
        assertEquals(0.2, s.mean(), 1e-12);                     // differences 0.3, 0.0, 0.3
        assertEquals(Math.sqrt(0.03), s.sd(), 1e-12);
        assertEquals(0.2 / (Math.sqrt(0.03) / Math.sqrt(3)), s.t(), 1e-9);
        assertEquals(0.2, t.meanRelative(Side.GRPO) - t.meanRelative(Side.CONTROL), 1e-12);
        SeedComparison w = t.against(Side.WITHOUT_REWARDS);
        assertEquals(0.5 / 3, w.mean(), 1e-12);                 // differences 0.2, 0.1, 0.2
        assertEquals(List.of(Side.GRPO, Side.CONTROL, Side.WITHOUT_REWARDS), t.sides());
        assertEquals(0.7 / 3, t.rows().get(0).arm(Side.WITHOUT_REWARDS).relative(), 1e-12);

        String md = t.toMarkdown();
        assertTrue(md.contains("Mean relative change per seed: GRPO +40.0% / +30.0% / +50.0%; SFT continued"
                + " +10.0% / +30.0% / +20.0%; GRPO without rewards +20.0% / +20.0% / +30.0%."), md);
        assertTrue(md.contains("GRPO − SFT continued, paired over 3 seeds: +20.0 points (95% CI "), md);
        assertTrue(md.contains("GRPO − GRPO without rewards, paired over 3 seeds: +16.7 points (95% CI "), md);
        assertTrue(md.startsWith("| task | metric | SFT | GRPO (3 seeds) | vs SFT | paired CI above / below 0 |"
                + " SFT continued | vs SFT | paired CI above / below 0 | GRPO without rewards | vs SFT |"
                + " paired CI above / below 0 |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"),
                md);
        assertTrue(md.contains("| **mean** | relative change | | | **+40.0%** | | | **+20.0%** | | | **+23.3%** | |"), md);
        JsonObject j = t.toJson();
        assertEquals(3, j.getAsJsonArray("control_per_seed").size());
        assertEquals(3, j.getAsJsonArray("without_rewards_per_seed").size());
        assertEquals(s.p(), j.getAsJsonObject("paired_over_seeds").get("p_two_sided").getAsDouble(), 0);
        assertEquals(w.p(), j.getAsJsonObject("paired_without_rewards").get("p_two_sided").getAsDouble(), 0);
        assertEquals(0.7 / 3, j.getAsJsonArray("tasks").get(0).getAsJsonObject().getAsJsonObject("without_rewards")
                .get("relative").getAsDouble(), 1e-12);

        // GRPO and the control only: no third arm anywhere
        ExperimentTable two = new ExperimentTable(sft, grpo, controls);
        assertEquals(List.of(Side.GRPO, Side.CONTROL), two.sides());
        assertNull(two.rows().get(0).withoutRewards());
        assertNull(two.against(Side.WITHOUT_REWARDS));
        assertFalse(two.toMarkdown().contains("without rewards"));
        assertFalse(two.toJson().has("without_rewards_per_seed"));

        BufferedImage bars = ExperimentCharts.perTask(t);
        assertEquals(900, bars.getWidth());
        List<Path> runs = new ArrayList<>();
        for (int seed = 1; seed <= 3; seed++) {
            Path run = Files.createDirectories(tmp.resolve("grpo-" + seed));
            Files.writeString(run.resolve("reward.csv"), "step,reward\n1," + seed + "\n2," + (seed + 1) + "\n");
            runs.add(run);
        }
        assertEquals(450, ExperimentCharts.rewards(runs).getHeight());
    }

    private static List<Double> rounded(List<Double> v) {
        return v.stream().map(x -> Math.round(x * 1e9) / 1e9).toList();
    }
}
