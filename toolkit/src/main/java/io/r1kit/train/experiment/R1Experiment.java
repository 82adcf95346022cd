package io.r1kit.train.experiment;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.r1kit.AtomicFolder;
import io.r1kit.Provenance;
import io.r1kit.eval.MeteorResources;
import io.r1kit.eval.tasks.TaskEval;
import io.r1kit.eval.tasks.TaskReport;
import io.r1kit.model.vlm.CheckpointAverage;
import io.r1kit.train.experiment.ExperimentTable.Side;
import io.r1kit.train.RecipeJson;
import io.r1kit.train.TrainProgress;
import io.r1kit.train.grpo.GrpoConfig;
import io.r1kit.train.grpo.GrpoProbe;
import io.r1kit.train.grpo.GrpoRewards;
import io.r1kit.train.grpo.GrpoRun;
import io.r1kit.train.sft.SftConfig;
import io.r1kit.train.sft.SftRun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The 3D-R1 experiment, one call: from a GRPO recipe's starting model (the SFT cold start),
 * <ol>
 *   <li>probe the headroom of its prompts ({@link GrpoProbe}: pass@1 against pass@G), into {@code probe.json};</li>
 *   <li>per seed, train GRPO ({@code grpo-N/}) and, unless turned off, the SFT-continuation control at equal
 *       compute ({@code control-N/}: the same training-loop seconds, {@link ControlRecipe}) and, when asked, GRPO
 *       without rewards ({@code no-reward-N/}, {@link RewardFreeRecipe}: what GRPO gains over it, the rewards gave);</li>
 *   <li>evaluate the starting model and every trained one on the same held-out questions ({@link TaskEval}),
 *       each report kept whole in {@code eval-NAME.json} ({@link ExperimentEvaluation}), so a model evaluated
 *       before is not evaluated again;</li>
 *   <li>when asked, average each arm's seeds weight by weight into one model ({@code grpo-average/}…) and
 *       evaluate those too ({@link AveragedArms}, {@code averaged.png});</li>
 *   <li>write {@code table.md} and {@code experiment.json} ({@link ExperimentTable}), {@code per-task.png}
 *       and {@code reward.png} ({@link ExperimentCharts}).</li>
 * </ol>
 * A run that finished is kept when the experiment is run again into the same folder, and a GRPO run that was
 * stopped resumes, so a long experiment can be taken in parts; a finished GRPO run of fewer steps than the
 * recipe's (copied in from a shorter experiment) is continued to the recipe's step count; a folder that holds
 * another recipe's experiment is refused.
 *
 * @see #run
 */
public final class R1Experiment {

    /**
     * What to run.
     *
     * @param grpo     the GRPO recipe; seed k of n trains with the recipe's seed + k − 1
     * @param seeds    GRPO runs (and controls)
     * @param probe    prompts probed per task; 0 skips the probe
     * @param eval     the held-out questions every model answers
     * @param control  whether to train the SFT-continuation control
     * @param withoutRewards whether to train GRPO without rewards beside each seed's GRPO run
     * @param average  whether to average each arm's seeds into one model and evaluate it too ({@link AveragedArms})
     * @param controlFinalRate the control's learning rate at its last step, as a fraction of its rate: 1 keeps it
     *                 constant (the default), 0 cools it to 0 by a cosine ({@link ControlRecipe})
     */
    public record Options(GrpoConfig grpo, int seeds, int probe, TaskEval.Options eval, boolean control,
                          boolean withoutRewards, boolean average, double controlFinalRate) {
        public Options {
            if (!(controlFinalRate >= 0 && controlFinalRate <= 1)) {
                throw new IllegalArgumentException("the control's final rate is a fraction of its rate: give 0..1, got "
                        + controlFinalRate);
            }
            if (seeds < 1) {
                throw new IllegalArgumentException("seeds must be at least 1, got " + seeds);
            }
            if (average && seeds < 2) {
                throw new IllegalArgumentException("averaging the seeds needs two seeds or more, got " + seeds);
            }
            if (probe < 0) {
                throw new IllegalArgumentException("probe must be 0 (skip) or more prompts per task, got " + probe);
            }
        }

        /** With the control's rate constant. */
        public Options(GrpoConfig grpo, int seeds, int probe, TaskEval.Options eval, boolean control,
                       boolean withoutRewards, boolean average) {
            this(grpo, seeds, probe, eval, control, withoutRewards, average, 1.0);
        }

        /** Without the arm of GRPO without rewards. */
        public Options(GrpoConfig grpo, int seeds, int probe, TaskEval.Options eval, boolean control) {
            this(grpo, seeds, probe, eval, control, false);
        }

        /** Without averaging the seeds. */
        public Options(GrpoConfig grpo, int seeds, int probe, TaskEval.Options eval, boolean control,
                       boolean withoutRewards) {
            this(grpo, seeds, probe, eval, control, withoutRewards, false);
        }
    }

    /** Told what the experiment is doing; the training and evaluation progress go to their own listeners. */
    public interface Listener {
        void phase(String what);

        TrainProgress training();

        TaskEval.Progress answering(String model);

        GrpoProbe.Progress probing();
    }

    /** The result: the table, the averaged arms (null unless asked), and where the runs are. */
    public record Result(ExperimentTable table, AveragedArms averaged, GrpoProbe.Report probe, List<Path> grpo, List<Path> controls,
                         List<Path> withoutRewards) {}

    private R1Experiment() {}

    /**
     * Runs (or completes) the experiment in {@code out}; see the class comment.
     *
     * @param meteor METEOR's resources for the evaluation ({@link MeteorResources#defaults()} for the paper's)
     */
    public static Result run(Options o, Path out, MeteorResources meteor, Listener listener) throws IOException {
        Files.createDirectories(out);
        claim(out.resolve("recipe.json"), o);
        Path base = GrpoRun.base(o.grpo());
        GrpoProbe.Report probe = null;
        if (o.probe() > 0) {
            listener.phase("probing " + o.probe() + " prompts per task");
            probe = GrpoProbe.run(o.grpo(), o.probe(), listener.training(), listener.probing());
            Files.writeString(out.resolve("probe.json"), pretty(probe.toJson()));
        }
        List<Path> grpo = new ArrayList<>();
        List<Path> controls = new ArrayList<>();
        List<Path> free = new ArrayList<>();
        for (int s = 1; s <= o.seeds(); s++) {
            GrpoConfig recipe = withSeed(o.grpo(), o.grpo().seed() + s - 1);
            Path dir = out.resolve("grpo-" + s);
            grpo.add(train(recipe, dir, "GRPO", listener));
            if (o.control()) {
                controls.add(control(recipe, base, seconds(dir), out.resolve("control-" + s), o.controlFinalRate(),
                        listener));
            }
            if (o.withoutRewards()) {
                free.add(train(RewardFreeRecipe.of(recipe), out.resolve("no-reward-" + s), "GRPO without rewards",
                        listener));
            }
        }
        ExperimentEvaluation evaluation = new ExperimentEvaluation(o.eval(), meteor, listener, out);
        TaskReport sft = evaluation.of(base, "sft");
        ExperimentTable table = new ExperimentTable(sft, evaluation.all(grpo), evaluation.all(controls),
                evaluation.all(free));
        AveragedArms averaged = o.average() ? average(sft, Map.of(Side.GRPO, grpo, Side.CONTROL, controls,
                Side.WITHOUT_REWARDS, free), evaluation, listener, out) : null;
        write(out, o, table, averaged, grpo);
        return new Result(table, averaged, probe, grpo, controls, free);
    }

    /** Each arm of two runs or more averaged into its folder ({@link AveragedArms#folder}) and evaluated. */
    private static AveragedArms average(TaskReport sft, Map<Side, List<Path>> arms, ExperimentEvaluation evaluation,
                                        Listener listener, Path out) throws IOException {
        Map<Side, TaskReport> reports = new EnumMap<>(Side.class);
        Map<Side, Integer> seeds = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            List<Path> runs = arms.get(side);
            if (runs.size() >= 2) {
                Path dir = out.resolve(AveragedArms.folder(side));
                listener.phase("averaging " + runs.size() + " runs into " + dir);
                CheckpointAverage.write(runs, dir, null);   // the same bytes again: its evaluation is kept
                reports.put(side, evaluation.of(dir, AveragedArms.folder(side)));
                seeds.put(side, runs.size());
            }
        }
        return new AveragedArms(sft, reports, seeds);
    }

    /** Trains a GRPO run into {@code dir}, resumes a stopped one, or keeps a finished one. */
    private static Path train(GrpoConfig recipe, Path dir, String what, Listener listener) throws IOException {
        if (finished(dir, recipe)) {
            listener.phase(dir.getFileName() + " finished before: kept");
        } else {
            boolean resume = Files.isDirectory(dir.resolve("trainer_state"));
            listener.phase((resume ? "resuming " : "training ") + what + " seed " + recipe.seed() + " into " + dir
                    + (resume ? " (to step " + recipe.steps() + ")" : ""));
            GrpoRun.run(recipe, new GrpoRewards(), dir, resume, listener.training());
        }
        return dir;
    }

    /** The training-loop seconds of a finished GRPO run: the sum of its steps' times. */
    static double seconds(Path run) throws IOException {
        return ExperimentCharts.column(run.resolve("reward.csv"), "step_time").stream().mapToDouble(r -> r[1]).sum();
    }

    private static Path control(GrpoConfig recipe, Path base, double seconds, Path dir, double finalRate,
                                Listener listener) throws IOException {
        if (ControlRecipe.finished(dir, finalRate)) {
            listener.phase(dir.getFileName() + " finished before: kept");
            return dir;
        }
        IntFunction<SftConfig> recipes = ControlRecipe.of(recipe, base, finalRate);
        // a JVM's first run pays for compiling and first native calls; in a JVM that had trained nothing (an
        // experiment carried on after its GRPO runs) the short timing run took that alone and the control got
        // far too many steps, so a discarded warm-up run comes first
        int[] lengths = {ControlRecipe.SHORT_CALIBRATION, ControlRecipe.SHORT_CALIBRATION,
                ControlRecipe.LONG_CALIBRATION};
        double[] timed = new double[lengths.length];
        for (int i = 0; i < lengths.length; i++) {
            Path calibration = dir.resolveSibling(dir.getFileName() + "-calibration");
            listener.phase(i == 0 ? "warming up: " + lengths[i] + " SFT steps" : "timing " + lengths[i] + " SFT steps");
            timed[i] = SftRun.run(recipes.apply(lengths[i]), calibration, TrainProgress.none(),
                    MeteorResources.builtIn()).seconds();
            AtomicFolder.deleteTree(calibration);
        }
        int steps = ControlRecipe.stepsFor(seconds, timed[1], timed[2]);
        SftConfig control = recipes.apply(steps);
        listener.phase(String.format(java.util.Locale.ROOT, "training the SFT control: %d steps to match %.0f s of GRPO",
                steps, seconds));
        SftRun.run(control, dir, listener.training(), MeteorResources.builtIn());
        return dir;
    }

    private static void write(Path out, Options o, ExperimentTable table, AveragedArms averaged, List<Path> grpo)
            throws IOException {
        JsonObject j = table.toJson();
        if (averaged != null) {
            j.add("averaged", averaged.toJson());
        }
        j.add("recipe", RecipeJson.tree(o.grpo()));
        j.addProperty("seeds", o.seeds());
        j.addProperty("control_final_learning_rate", o.controlFinalRate());
        j.addProperty("eval_rooms", o.eval().rooms());
        j.addProperty("eval_seed", o.eval().seed());
        j.addProperty("eval_per_task", o.eval().perTask());
        JsonArray reports = new JsonArray();
        reports.add(table.sft().toJson());
        table.sides().forEach(side -> table.reports(side).forEach(r -> reports.add(r.toJson())));
        j.add("reports", reports);
        Files.writeString(out.resolve("experiment.json"), pretty(j));
        Files.writeString(out.resolve("table.md"), table.toMarkdown() + (averaged == null ? ""
                : "\n" + AveragedArms.TITLE + "\n\n" + averaged.toMarkdown()));
        javax.imageio.ImageIO.write(ExperimentCharts.perTask(table), "png", out.resolve("per-task.png").toFile());
        javax.imageio.ImageIO.write(ExperimentCharts.rewards(grpo), "png", out.resolve("reward.png").toFile());
        if (averaged != null) {
            javax.imageio.ImageIO.write(ExperimentCharts.averaged(averaged), "png", out.resolve("averaged.png").toFile());
        }
    }

    /** Writes the recipe into a new folder, or checks that the folder's experiment is of the same one. */
    private static void claim(Path file, Options o) throws IOException {
        String mine = pretty(RecipeJson.tree(o.grpo()));
        if (Files.exists(file)) {
            JsonElement theirs;
            try {
                theirs = JsonParser.parseString(Files.readString(file));
            } catch (JsonParseException e) {
                theirs = null;
            }
            if (!o.grpo().sameRecipe(theirs, false)) {
                throw new IllegalArgumentException(file.getParent() + " holds the experiment of another recipe ("
                        + file + "): choose another --out");
            }
            return;
        }
        Files.writeString(file, mine);
    }

    /** Whether {@code run} holds a finished run of the recipe's step count (one of fewer steps is continued). */
    private static boolean finished(Path run, GrpoConfig recipe) throws IOException {
        if (!Provenance.exists(run)) {
            return false;
        }
        Provenance p = Provenance.read(run);
        return p.get("held_out_after") != null && p.get("steps") != null
                && p.get("steps").getAsInt() == recipe.steps();
    }

    static GrpoConfig withSeed(GrpoConfig c, long seed) {
        JsonObject j = RecipeJson.tree(c);
        j.addProperty("seed", seed);
        return GrpoConfig.fromJson(j.toString());
    }

    private static String pretty(JsonObject o) {
        return new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(o) + "\n";
    }
}
