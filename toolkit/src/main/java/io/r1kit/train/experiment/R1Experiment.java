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
import io.r1kit.eval.tasks.TaskReportFile;
import io.r1kit.model.text.TextTokenizer;
import io.r1kit.model.vlm.Vlm3d;
import io.r1kit.model.vlm.VlmAsk;
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
import java.util.List;
import java.util.function.IntFunction;

/**
 * The 3D-R1 experiment, one call: from a GRPO recipe's starting model (the SFT cold start),
 * <ol>
 *   <li>probe the headroom of its prompts ({@link GrpoProbe}: pass@1 against pass@G), into {@code probe.json};</li>
 *   <li>per seed, train GRPO ({@code grpo-N/}) and, unless turned off, the SFT-continuation control at equal
 *       compute ({@code control-N/}: the same training-loop seconds, {@link ControlRecipe}) and, when asked, GRPO
 *       without rewards ({@code no-reward-N/}, {@link RewardFreeRecipe}: what GRPO gains over it, the rewards gave);</li>
 *   <li>evaluate the starting model and every trained one on the same held-out questions ({@link TaskEval}),
 *       each report kept whole in {@code eval-NAME.json} ({@link TaskReportFile}, keyed by the checkpoint's
 *       content and the questions), so a model evaluated before is not evaluated again;</li>
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
     */
    public record Options(GrpoConfig grpo, int seeds, int probe, TaskEval.Options eval, boolean control,
                          boolean withoutRewards) {
        public Options {
            if (seeds < 1) {
                throw new IllegalArgumentException("seeds must be at least 1, got " + seeds);
            }
            if (probe < 0) {
                throw new IllegalArgumentException("probe must be 0 (skip) or more prompts per task, got " + probe);
            }
        }

        /** Without the arm of GRPO without rewards. */
        public Options(GrpoConfig grpo, int seeds, int probe, TaskEval.Options eval, boolean control) {
            this(grpo, seeds, probe, eval, control, false);
        }
    }

    /** Told what the experiment is doing; the training and evaluation progress go to their own listeners. */
    public interface Listener {
        void phase(String what);

        TrainProgress training();

        TaskEval.Progress answering(String model);

        GrpoProbe.Progress probing();
    }

    /** The result: the table, and where the runs are. */
    public record Result(ExperimentTable table, GrpoProbe.Report probe, List<Path> grpo, List<Path> controls,
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
                controls.add(control(recipe, base, seconds(dir), out.resolve("control-" + s), listener));
            }
            if (o.withoutRewards()) {
                free.add(train(RewardFreeRecipe.of(recipe), out.resolve("no-reward-" + s), "GRPO without rewards",
                        listener));
            }
        }
        TaskReport sft = evaluate(base, "sft", o.eval(), meteor, listener, out);
        ExperimentTable table = new ExperimentTable(sft, evaluate(grpo, o.eval(), meteor, listener, out),
                evaluate(controls, o.eval(), meteor, listener, out), evaluate(free, o.eval(), meteor, listener, out));
        write(out, o, table, grpo);
        return new Result(table, probe, grpo, controls, free);
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

    private static List<TaskReport> evaluate(List<Path> runs, TaskEval.Options o, MeteorResources meteor,
                                             Listener listener, Path out) throws IOException {
        List<TaskReport> reports = new ArrayList<>();
        for (Path p : runs) {
            reports.add(evaluate(p, p.getFileName().toString(), o, meteor, listener, out));
        }
        return reports;
    }

    /** The training-loop seconds of a finished GRPO run: the sum of its steps' times. */
    static double seconds(Path run) throws IOException {
        return ExperimentCharts.column(run.resolve("reward.csv"), "step_time").stream().mapToDouble(r -> r[1]).sum();
    }

    private static Path control(GrpoConfig recipe, Path base, double seconds, Path dir, Listener listener)
            throws IOException {
        if (Provenance.exists(dir) && Provenance.read(dir).get("wall_seconds") != null) {
            listener.phase(dir.getFileName() + " finished before: kept");
            return dir;
        }
        IntFunction<SftConfig> recipes = ControlRecipe.of(recipe, base);
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

    private static TaskReport evaluate(Path dir, String name, TaskEval.Options o, MeteorResources meteor,
                                       Listener listener, Path out) throws IOException {
        Path kept = out.resolve("eval-" + name + ".json");
        String key = contentKey(dir);
        java.util.Optional<TaskReport> before = TaskReportFile.read(kept, key, o);
        if (before.isPresent()) {
            listener.phase(name + " evaluated before (" + kept.getFileName() + "): kept");
            return before.get();
        }
        listener.phase("evaluating " + name);
        try (Vlm3d vlm = Vlm3d.load(dir); TextTokenizer tokenizer = TextTokenizer.load(dir)) {
            TaskReport r = TaskReport.of(name, TaskEval.run(new VlmAsk(vlm, tokenizer), o, listener.answering(name)),
                    o, meteor);
            TaskReportFile.write(r, key, kept);
            return r;
        }
    }

    /** SHA-256 over a checkpoint's weights, configuration and tokenizer: what its answers depend on. */
    static String contentKey(Path dir) throws IOException {
        java.security.MessageDigest sha;
        try {
            sha = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
        for (String f : List.of("model.safetensors", "vlm.json", "config.json", "tokenizer.json")) {
            Path p = dir.resolve(f);
            if (Files.isRegularFile(p)) {
                sha.update(f.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update(Files.readAllBytes(p));
            }
        }
        return java.util.HexFormat.of().formatHex(sha.digest());
    }

    private static void write(Path out, Options o, ExperimentTable table, List<Path> grpo) throws IOException {
        JsonObject j = table.toJson();
        j.add("recipe", RecipeJson.tree(o.grpo()));
        j.addProperty("seeds", o.seeds());
        j.addProperty("eval_rooms", o.eval().rooms());
        j.addProperty("eval_seed", o.eval().seed());
        j.addProperty("eval_per_task", o.eval().perTask());
        JsonArray reports = new JsonArray();
        reports.add(table.sft().toJson());
        table.sides().forEach(side -> table.reports(side).forEach(r -> reports.add(r.toJson())));
        j.add("reports", reports);
        Files.writeString(out.resolve("experiment.json"), pretty(j));
        Files.writeString(out.resolve("table.md"), table.toMarkdown());
        javax.imageio.ImageIO.write(ExperimentCharts.perTask(table), "png", out.resolve("per-task.png").toFile());
        javax.imageio.ImageIO.write(ExperimentCharts.rewards(grpo), "png", out.resolve("reward.png").toFile());
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
