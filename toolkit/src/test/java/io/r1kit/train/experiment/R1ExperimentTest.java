package io.r1kit.train.experiment;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.r1kit.Provenance;
import io.r1kit.eval.MeteorResources;
import io.r1kit.eval.tasks.TaskEval;
import io.r1kit.task.Task;
import io.r1kit.train.TinyCheckpoint;
import io.r1kit.train.TrainProgress;
import io.r1kit.train.grpo.GrpoConfig;
import io.r1kit.train.grpo.GrpoProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The experiment end to end on the tiny checkpoint: runs, control, paired table, charts, and a second call. */
class R1ExperimentTest {

    private static GrpoConfig recipe(Path base, int steps) {
        return GrpoConfig.fromJson("{\"model\": \"" + base + "\", \"train_rooms\": 1, \"held_out_rooms\": 1,"
                + " \"held_out_seed\": 500, \"eval_prompts\": 2, \"tasks\": [\"grounding\", \"qa\"], \"rewards\":"
                + " {\"grounding\": [\"perception\"], \"qa\": [\"answer\"]}, \"num_generations\": 2,"
                + " \"prompts_per_step\": 2, \"steps\": " + steps + ", \"learning_rate\": 0.01,"
                + " \"max_completion_length\": 8}");
    }

    private static R1Experiment.Listener listener(List<String> phases) {
        return new R1Experiment.Listener() {
            @Override public void phase(String what) {
                phases.add(what);
            }

            @Override public TrainProgress training() {
                return TrainProgress.none();
            }

            @Override public TaskEval.Progress answering(String model) {
                return (done, total) -> {};
            }

            @Override public GrpoProbe.Progress probing() {
                return (done, total) -> {};
            }
        };
    }

    @Test
    void runsEveryArmOnTheSameQuestionsAndKeepsFinishedRuns(@TempDir Path tmp) throws Exception {
        Path base = TinyCheckpoint.dir();
        TaskEval.Options eval = TaskEval.Options.defaults().withRooms(1).withSeed(900).withPerTask(2)
                .withTasks(List.of(Task.GROUNDING, Task.QA));
        R1Experiment.Options o = new R1Experiment.Options(recipe(base, 3), 1, 1, eval, true);
        Path out = tmp.resolve("exp");
        List<String> phases = new ArrayList<>();
        R1Experiment.Result r = R1Experiment.run(o, out, MeteorResources.builtIn(), listener(phases));

        assertEquals(List.of(Task.GROUNDING, Task.QA), r.table().rows().stream().map(ExperimentTable.Row::task).toList());
        assertEquals(2, r.probe().tasks().size());
        for (String f : List.of("recipe.json", "probe.json", "experiment.json", "table.md", "per-task.png", "reward.png")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertFalse(Files.exists(out.resolve("control-1-calibration")));
        // the control continues the starting model, on the GRPO run's rooms, for the GRPO run's seconds
        JsonObject control = Provenance.read(out.resolve("control-1")).toJson();
        JsonObject sft = control.getAsJsonObject("recipe");
        assertEquals(base.toString(), sft.get("init_model").getAsString());
        assertEquals(200_000, sft.get("train_seed").getAsLong());
        assertTrue(sft.get("steps").getAsInt() >= 2);
        assertTrue(R1Experiment.seconds(out.resolve("grpo-1")) > 0);
        // every arm answered the same questions: each row's SFT value is the starting model's
        ExperimentTable t = r.table();
        assertEquals(t.sft().tasks().get(Task.QA).value(), t.rows().get(1).sft(), 0);
        assertEquals(t.grpo().get(0).tasks().get(Task.QA).value(), t.rows().get(1).grpo().mean(), 0);
        String md = Files.readString(out.resolve("table.md"));
        assertTrue(md.contains("| grounding | acc@0.25 |"), md);
        assertTrue(md.contains("| **mean** | relative change |"), md);
        // one seed of each arm: its mean relative change, which is the table's, and no test over seeds
        assertTrue(md.contains(String.format(java.util.Locale.ROOT, "Mean relative change per seed: GRPO %+.1f%%;",
                100 * t.meanRelative(ExperimentTable.Side.GRPO))), md);
        assertEquals(t.meanRelative(ExperimentTable.Side.CONTROL), t.perSeed(ExperimentTable.Side.CONTROL).get(0), 1e-12);
        assertFalse(md.contains("paired over"), md);
        JsonObject j = JsonParser.parseString(Files.readString(out.resolve("experiment.json"))).getAsJsonObject();
        assertEquals(1, j.getAsJsonArray("grpo_per_seed").size());
        assertFalse(j.has("paired_over_seeds"));
        assertEquals(3, j.getAsJsonArray("reports").size());

        // a second call keeps both finished runs (no training phase) and gives the same table, also when the folder's
        // recipe was written before a key existed (the key then takes its default)
        JsonObject saved = JsonParser.parseString(Files.readString(out.resolve("recipe.json"))).getAsJsonObject();
        saved.remove("task_sampling");
        Files.writeString(out.resolve("recipe.json"), saved.toString());
        long modified = Files.getLastModifiedTime(out.resolve("grpo-1/model.safetensors")).toMillis();
        phases.clear();
        R1Experiment.Result again = R1Experiment.run(new R1Experiment.Options(recipe(base, 3), 1, 0, eval, true), out,
                MeteorResources.builtIn(), listener(phases));
        assertTrue(phases.contains("grpo-1 finished before: kept"), phases.toString());
        assertTrue(phases.contains("control-1 finished before: kept"), phases.toString());
        // ... and answers no question again: every report is read back whole, intervals included
        for (String arm : List.of("sft", "grpo-1", "control-1")) {
            assertTrue(phases.contains(arm + " evaluated before (eval-" + arm + ".json): kept"), phases.toString());
        }
        assertFalse(phases.stream().anyMatch(p -> p.startsWith("evaluating")), phases.toString());
        assertEquals(modified, Files.getLastModifiedTime(out.resolve("grpo-1/model.safetensors")).toMillis());
        assertEquals(r.table().toMarkdown(), again.table().toMarkdown());

        // a control cooled to 0 is not the constant one kept there: refused, naming the folder
        String cooled = assertThrows(IllegalArgumentException.class, () -> R1Experiment.run(
                new R1Experiment.Options(recipe(base, 3), 1, 0, eval, true, false, false, 0.0), out,
                MeteorResources.builtIn(), listener(phases))).getMessage();
        assertTrue(cooled.startsWith(out.resolve("control-1") + " holds a control whose rate ended at 1.0"), cooled);
        assertEquals(1.0, j.get("control_final_learning_rate").getAsDouble());

        // another recipe into the same folder is refused
        String e = assertThrows(IllegalArgumentException.class, () -> R1Experiment.run(
                new R1Experiment.Options(recipe(base, 4), 1, 0, eval, true), out, MeteorResources.builtIn(), listener(phases))).getMessage();
        assertEquals(out + " holds the experiment of another recipe (" + out.resolve("recipe.json")
                + "): choose another --out", e);

        // a longer recipe in a new folder continues a finished run copied into it, from its last step; GRPO without
        // rewards trains beside it, on the same recipe with every reward weighted 0 and no dynamic sampling
        Path longer = Files.createDirectories(tmp.resolve("longer"));
        try (var files = Files.walk(out.resolve("grpo-1"))) {
            for (Path f : files.toList()) {
                Files.copy(f, longer.resolve(out.relativize(f).toString()));
            }
        }
        phases.clear();
        R1Experiment.Result free = R1Experiment.run(new R1Experiment.Options(recipe(base, 4), 1, 0, eval, false, true),
                longer, MeteorResources.builtIn(), listener(phases));
        assertTrue(phases.stream().anyMatch(p -> p.startsWith("resuming GRPO seed") && p.endsWith("(to step 4)")),
                phases.toString());
        assertEquals(4, Provenance.read(longer.resolve("grpo-1")).get("steps").getAsInt());
        assertEquals(5, Files.readAllLines(longer.resolve("grpo-1/reward.csv")).size());
        assertTrue(phases.contains("training GRPO without rewards seed 0 into " + longer.resolve("no-reward-1")),
                phases.toString());
        JsonObject noReward = Provenance.read(longer.resolve("no-reward-1")).toJson().getAsJsonObject("recipe");
        assertEquals(0, noReward.getAsJsonObject("reward_weights").get("perception").getAsDouble(), 0);
        assertEquals(0, noReward.getAsJsonObject("reward_weights").get("answer").getAsDouble(), 0);
        assertFalse(noReward.get("dynamic_sampling").getAsBoolean());
        assertEquals(4, noReward.get("steps").getAsInt());
        for (String row : Files.readAllLines(longer.resolve("no-reward-1/reward.csv")).subList(1, 5)) {
            assertEquals(0, Double.parseDouble(row.split(",")[1]), 0, row);    // the weighted reward: 0 every step
        }
        assertEquals(List.of(longer.resolve("no-reward-1")), free.withoutRewards());
        assertEquals(1, free.table().withoutRewards().size());
        assertTrue(Files.readString(longer.resolve("table.md")).contains("| GRPO without rewards | vs SFT |"));
        assertTrue(phases.contains("evaluating no-reward-1"), phases.toString());
    }

    @Test
    void averagesEachArmsSeedsWhenAsked(@TempDir Path tmp) throws Exception {
        Path base = TinyCheckpoint.dir();
        TaskEval.Options eval = TaskEval.Options.defaults().withRooms(1).withSeed(900).withPerTask(2)
                .withTasks(List.of(Task.GROUNDING, Task.QA));
        assertEquals("averaging the seeds needs two seeds or more, got 1", assertThrows(IllegalArgumentException.class,
                () -> new R1Experiment.Options(recipe(base, 2), 1, 0, eval, true, false, true)).getMessage());
        Path out = tmp.resolve("exp");
        List<String> phases = new ArrayList<>();
        R1Experiment.Result r = R1Experiment.run(new R1Experiment.Options(recipe(base, 2), 2, 0, eval, true, false,
                true), out, MeteorResources.builtIn(), listener(phases));

        for (String arm : List.of("grpo", "control")) {
            Provenance p = Provenance.read(out.resolve(arm + "-average"));
            assertEquals("average", p.get("training").getAsString());
            assertEquals(List.of(out.resolve(arm + "-1").toString(), out.resolve(arm + "-2").toString()),
                    p.get("members").getAsJsonArray().asList().stream()
                            .map(m -> m.getAsJsonObject().get("path").getAsString()).toList());
            assertTrue(phases.contains("evaluating " + arm + "-average"), phases.toString());
        }
        assertEquals(2, r.averaged().seeds().get(ExperimentTable.Side.GRPO));
        assertTrue(Files.size(out.resolve("averaged.png")) > 0);
        String md = Files.readString(out.resolve("table.md"));
        assertTrue(md.contains("\n" + AveragedArms.TITLE + "\n\n| task |"), md);
        assertTrue(md.contains("| GRPO, 2 averaged | vs SFT | SFT continued, 2 averaged | vs SFT |"), md);
        JsonObject j = JsonParser.parseString(Files.readString(out.resolve("experiment.json"))).getAsJsonObject();
        assertEquals(r.averaged().meanRelative(ExperimentTable.Side.CONTROL), j.getAsJsonObject("averaged")
                .getAsJsonObject("control").get("mean_relative").getAsDouble(), 1e-12);

        // again: the averages are written anew, byte for byte the same, so their evaluations are kept
        phases.clear();
        R1Experiment.Result again = R1Experiment.run(new R1Experiment.Options(recipe(base, 2), 2, 0, eval, true,
                false, true), out, MeteorResources.builtIn(), listener(phases));
        assertTrue(phases.contains("grpo-average evaluated before (eval-grpo-average.json): kept"), phases.toString());
        assertFalse(phases.stream().anyMatch(p -> p.startsWith("evaluating")), phases.toString());
        assertEquals(r.averaged().toMarkdown(), again.averaged().toMarkdown());
    }
}
