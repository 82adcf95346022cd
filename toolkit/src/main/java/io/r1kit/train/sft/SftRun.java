package io.r1kit.train.sft;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import io.r1kit.AtomicFolder;
import io.r1kit.Provenance;
import io.r1kit.eval.MeteorResources;
import io.r1kit.eval.tasks.TaskEval;
import io.r1kit.eval.tasks.TaskReport;
import io.r1kit.model.Engines;
import io.r1kit.model.text.TextTokenizer;
import io.r1kit.model.text.WordVocabulary;
import io.r1kit.model.vlm.NanoModel;
import io.r1kit.model.vlm.Vlm3d;
import io.r1kit.model.vlm.VlmAsk;
import io.r1kit.model.vlm.VlmCheckpoint;
import io.r1kit.model.vlm.VlmConfig;
import io.r1kit.model.vlm.VlmExample;
import io.r1kit.model.vlm.VlmOutput;
import io.r1kit.train.GradientUpdate;
import io.r1kit.train.LearningRateSchedule;
import io.r1kit.train.RecipeJson;
import io.r1kit.train.TextProgress;
import io.r1kit.train.TrainProgress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Supervised fine-tuning of the nano 3D model from a {@link SftConfig} (3D-R1 §3, the SFT cold start
 * that precedes GRPO): builds the data ({@link SftData}), trains with AdamW under the warm-up + cosine
 * schedule, takes the held-out loss every {@code eval_every} steps, then writes into {@code out} the
 * checkpoint ({@code config.json}, {@code vlm.json}, {@code model.safetensors}, {@code tokenizer.json}),
 * {@code r1kit.json} provenance (toolkit version, seed, data hash, the full recipe, steps, losses, wall
 * time, threads, held-out scores), {@code loss.csv} and {@code loss.png}; with {@code keep_best}, the
 * checkpoint of the lowest held-out loss goes to {@code out/best}. Each folder is replaced whole
 * ({@link AtomicFolder}), so a run killed at any moment leaves the previous checkpoint or the new one; a NaN or
 * infinite loss or gradient stops the run with one line naming the step.
 *
 * <pre>{@code
 * SftRun.Result r = SftRun.run(SftConfig.defaults(), Path.of("nano"), new TextProgress(err), MeteorResources.builtIn());
 * }</pre>
 */
public final class SftRun {

    /** Where the lowest held-out loss checkpoint goes, inside the output folder. */
    public static final String BEST = "best";

    /**
     * What a run did.
     *
     * @param out              the checkpoint folder
     * @param steps            updates made
     * @param trainExamples    training examples (after dropping long ones)
     * @param dropped          training examples longer than {@code max_tokens}
     * @param dataSha256       hash of the training texts
     * @param parameters       scalar parameters of the model
     * @param finalTrainLoss   mean batch loss of the last {@code eval_every} steps
     * @param finalHeldOutLoss held-out loss after the last step
     * @param bestHeldOutLoss  lowest held-out loss, and at which step
     * @param bestStep         the step of {@code bestHeldOutLoss}
     * @param seconds          wall time of the training loop
     * @param report           the seven-task evaluation on the held-out rooms ({@link TaskEval}), or null when
     *                         {@code eval_examples} is 0
     * @param pointerBoxes     training answer boxes written as pointer tokens ({@link SftData#pointers()})
     * @param unmatchedBoxes   training answer boxes of no encoded object, kept as numbers
     */
    public record Result(Path out, int steps, int trainExamples, int dropped, String dataSha256, long parameters,
                         double finalTrainLoss, double finalHeldOutLoss, double bestHeldOutLoss, int bestStep,
                         double seconds, TaskReport report, int pointerBoxes, int unmatchedBoxes) {

        /** The steps and losses, and the held-out scores when taken: what provenance and the CLI both report. */
        public JsonObject losses() {
            JsonObject p = new JsonObject();
            p.addProperty("steps", steps);
            p.addProperty("final_train_loss", finalTrainLoss);
            p.addProperty("final_held_out_loss", finalHeldOutLoss);
            p.addProperty("best_held_out_loss", bestHeldOutLoss);
            p.addProperty("best_step", bestStep);
            if (report != null) {
                p.add("held_out_scores", report.toJson());
            }
            return p;
        }
    }

    private SftRun() {}

    /** Trains, saves and evaluates; see the class comment for what lands in {@code out}. */
    public static Result run(SftConfig config, Path out, TrainProgress progress, MeteorResources meteor)
            throws IOException {
        Path init = config.initModel().isEmpty() ? null : NanoModel.resolve(config.initModel());
        SftData train = init == null ? SftData.training(config, progress)
                : SftData.training(config, WordVocabulary.read(init), progress);
        if (train.examples().isEmpty()) {
            throw new IllegalArgumentException("no training example fits in max_tokens " + config.maxTokens()
                    + " (" + train.dropped() + " dropped): raise max_tokens");
        }
        SftData heldOut = SftData.of(config.heldOutRooms(), config.heldOutSeed(), config, train.vocabulary(), progress);
        List<VlmExample> heldOutLossSet = heldOut.examples().subList(0,
                Math.min(config.heldOutExamples(), heldOut.examples().size()));
        VlmConfig vlm = config.vlmConfig(train.vocabulary().size());
        LossCurve curve = new LossCurve();
        try (Vlm3d model = init == null ? Vlm3d.initialize(vlm, Engines.defaultDevice()) : continued(init, vlm)) {
            LearningRateSchedule schedule = config.schedule();
            SftTrainer trainer = new SftTrainer(model, config, schedule);
            double best = Double.POSITIVE_INFINITY;
            int bestStep = 0;
            double heldOutLoss = Double.NaN;
            double recent = 0;
            int recentCount = 0;
            long tokens = 0;
            long start = System.nanoTime();
            for (int step = 1; step <= config.steps(); step++) {
                List<VlmExample> batch = trainer.nextBatch(train.examples(), config.batchSize());
                double loss;
                try {
                    loss = trainer.step(batch);
                } catch (GradientUpdate.NonFiniteGradient e) {
                    throw stopped(step, e.getMessage(), out, config.keepBest() && bestStep > 0);
                }
                if (!Double.isFinite(loss)) {
                    throw stopped(step, "the loss is " + loss, out, config.keepBest() && bestStep > 0);
                }
                tokens += tokens(batch);
                double elapsed = (System.nanoTime() - start) / 1e9;
                progress.step(step, config.steps(), loss, schedule.at(step - 1), tokens / elapsed,
                        elapsed / step * (config.steps() - step));
                if ((step - 1) % config.evalEvery() == 0) {
                    recent = 0;
                    recentCount = 0;
                }
                recent += loss;
                recentCount++;
                double held = Double.NaN;
                if (step % config.evalEvery() == 0 || step == config.steps()) {
                    held = heldOutLoss(model, heldOutLossSet, config.batchSize());
                    if (!Double.isFinite(held)) {
                        throw stopped(step, "the held-out loss is " + held, out, config.keepBest() && bestStep > 0);
                    }
                    heldOutLoss = held;
                    progress.heldOut(step, held);
                    if (held < best) {
                        best = held;
                        bestStep = step;
                        if (config.keepBest()) {
                            JsonObject facts = new JsonObject();
                            facts.addProperty("step", step);
                            facts.addProperty("held_out_loss", held);
                            AtomicFolder.replace(out.resolve(BEST), dir -> {
                                save(model, train, config, init, dir);
                                writeProvenance(dir, config, train, heldOut, facts);
                            });
                        }
                    }
                }
                curve.add(step, loss, held, schedule.at(step - 1));
                progress.curve(curve::chart);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            TaskReport report = null;
            AtomicFolder.replace(out, dir -> {
                save(model, train, config, init, dir);
                if (config.keepBest()) {
                    keepBest(out, dir);
                }
            });
            if (config.evalExamples() > 0) {
                try (TextTokenizer tokenizer = TextTokenizer.load(out)) {
                    TaskEval.Options o = TaskEval.Options.defaults().withRooms(config.heldOutRooms())
                            .withSeed(config.heldOutSeed()).withPerTask(config.evalExamples()).withTasks(config.tasks());
                    var cases = TaskEval.run(new VlmAsk(model, tokenizer), o,
                            (done, total) -> progress.rooms("evaluation", done, total));
                    report = TaskReport.of(out.toString(), cases, o, meteor);
                }
            }
            Result result = new Result(out, config.steps(), train.examples().size(), train.dropped(), train.sha256(),
                    model.parameterCount(), recent / recentCount, heldOutLoss, best, bestStep, seconds, report,
                    train.pointers(), train.unmatched());
            AtomicFolder.replace(out, dir -> {        // the same checkpoint with its full provenance and curves
                AtomicFolder.copyTree(out, dir);
                writeProvenance(dir, config, train, heldOut, facts(result));
                curve.write(dir);
            });
            return result;
        }
    }

    /**
     * The checkpoint training continues from, whose architecture must be the recipe's (the seed aside: it only
     * drew the starting weights).
     */
    private static Vlm3d continued(Path init, VlmConfig recipe) throws IOException {
        Vlm3d model = VlmCheckpoint.load(init, Engines.defaultDevice());
        if (!model.config().toBuilder().seed(recipe.seed()).build().equals(recipe)) {
            model.close();
            throw new IllegalArgumentException("init_model " + init + " has another architecture than the recipe's"
                    + " (hidden_size, layers, heads, kv_heads, intermediate_size, max_objects, points_per_object,"
                    + " object_pointers): set them as the checkpoint's vlm.json and config.json have them");
        }
        return model;
    }

    /** The {@value #BEST} folder of the previous {@code out} into the new one being written. */
    private static void keepBest(Path out, Path dir) throws IOException {
        if (Files.isDirectory(out.resolve(BEST))) {
            AtomicFolder.copyTree(out.resolve(BEST), dir.resolve(BEST));
        }
    }

    /** One line: the step, why, and which checkpoint is the last good one. */
    private static IllegalStateException stopped(int step, String why, Path out, boolean bestWritten) {
        String kept = bestWritten ? "; " + out + " is as it was, " + out.resolve(BEST) + " holds this run's best so far"
                : "; " + out + " is as it was (no checkpoint of this run was written)";
        return new IllegalStateException("SFT stopped at step " + step + ": " + why + kept);
    }

    /** Scene + prompt + answer tokens of a batch. */
    private static long tokens(List<VlmExample> batch) {
        return batch.stream().mapToLong(VlmExample::positions).sum();
    }

    /** Mean answer-token loss over {@code examples}, in batches, without gradients. */
    static double heldOutLoss(Vlm3d model, List<VlmExample> examples, int batchSize) {
        double sum = 0;
        long count = 0;
        for (int i = 0; i < examples.size(); i += batchSize) {
            List<VlmExample> batch = examples.subList(i, Math.min(examples.size(), i + batchSize));
            try (NDManager scope = model.newScope()) {
                VlmOutput o = model.forward(batch, scope);
                int answerTokens = java.util.Arrays.stream(o.answerSizes()).sum();
                sum += o.loss().getFloat() * answerTokens;       // batch mean -> token sum
                count += answerTokens;
            }
        }
        return sum / count;
    }

    /** The model and its tokenizer: the vocabulary built, or the files of the checkpoint training continued from. */
    private static void save(Vlm3d model, SftData train, SftConfig config, Path init, Path dir) throws IOException {
        VlmCheckpoint.save(model, dir, config.dtype());
        if (init == null) {
            train.vocabulary().save(dir);
        } else {
            for (String f : List.of(TextTokenizer.FILE, "tokenizer_config.json")) {
                if (Files.isRegularFile(init.resolve(f))) {
                    Files.copy(init.resolve(f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        VlmCheckpoint.bindTokenizer(dir);
    }

    /** Adds the data, the recipe and {@code facts} to the provenance that the checkpoint writer started. */
    private static void writeProvenance(Path dir, SftConfig config, SftData train, SftData heldOut, JsonObject facts)
            throws IOException {
        Provenance.read(dir).with("seed", config.seed()).with("data_sha256", train.sha256())
                .with("held_out_sha256", heldOut.sha256()).with("train_examples", train.examples().size())
                .with("dropped_examples", train.dropped()).with("filtered_examples", train.filtered()).with("pointer_boxes", train.pointers())
                .with("unmatched_boxes", train.unmatched()).with("held_out_examples", heldOut.examples().size())
                .with("vocabulary", train.vocabulary().size()).with("recipe", RecipeJson.tree(config))
                .with("threads", Runtime.getRuntime().availableProcessors())
                .with("device", Engines.defaultDevice().toString()).withAll(facts).write(dir);
    }

    /** The run's results as provenance entries. */
    private static JsonObject facts(Result r) {
        JsonObject p = r.losses();
        p.addProperty("wall_seconds", r.seconds());
        return p;
    }
}
