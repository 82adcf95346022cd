package io.r1kit.train.grpo;

import io.r1kit.AtomicFolder;
import io.r1kit.Provenance;
import io.r1kit.model.Engines;
import io.r1kit.model.generate.TokenDecoder;
import io.r1kit.model.text.TextTokenizer;
import io.r1kit.model.text.WordVocabulary;
import io.r1kit.model.vlm.NanoModel;
import io.r1kit.model.vlm.Vlm3d;
import io.r1kit.model.vlm.VlmCheckpoint;
import io.r1kit.task.TaskPrompt;
import io.r1kit.train.RecipeJson;
import io.r1kit.train.TrainProgress;
import io.r1kit.train.sft.ContinuedRecipe;
import io.r1kit.train.sft.SftConfig;
import io.r1kit.train.sft.SftData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * GRPO fine-tuning from a {@link GrpoConfig} (3D-R1 Sec. 3.2): loads the starting checkpoint twice (the
 * policy, and the frozen reference), builds prompts from generated rooms ({@link GrpoData}), scores the
 * held-out prompts greedily ({@link GrpoEval}), runs {@code steps} {@link GrpoTrainer} steps over a seeded
 * order of the prompts ({@link PromptOrder}, as {@code task_sampling} says), scores the held-out prompts again,
 * then writes into {@code out} the
 * checkpoint in the layout of SFT ({@code config.json}, {@code vlm.json}, {@code model.safetensors}, the
 * starting model's tokenizer files; {@code r1kit ask --model out} reads it), {@code r1kit.json} provenance
 * (toolkit version, seed, starting model, data hashes, the full recipe, held-out scores before and after,
 * wall time), {@code reward.csv} and {@code reward.png}.
 *
 * <pre>{@code
 * GrpoRun.Result r = GrpoRun.run(GrpoConfig.defaults(), Path.of("nano-grpo"), TrainProgress.none());
 * }</pre>
 */
public final class GrpoRun {

    /** The tokenizer files copied from the starting checkpoint. */
    static final List<String> TOKENIZER_FILES = List.of(TextTokenizer.FILE, "tokenizer_config.json");

    /**
     * What a run did.
     *
     * @param out         the checkpoint folder
     * @param base        the starting checkpoint's folder
     * @param steps       GRPO steps made
     * @param prompts     training prompts
     * @param dataSha256  hash of the training prompts
     * @param before      held-out scores of the starting model
     * @param after       held-out scores of the trained model
     * @param last        the last step's stats
     * @param seconds     wall time of the training loop
     */
    public record Result(Path out, Path base, int steps, int prompts, String dataSha256, GrpoEval.Scores before,
                         GrpoEval.Scores after, GrpoStepStats last, double seconds) {

        /** Mean seconds per step. */
        public double secondsPerStep() {
            return seconds / steps;
        }
    }

    private GrpoRun() {}

    /**
     * The folder of the recipe's starting model: {@code "embedded"} is the toolkit's default shipped model, a
     * shipped name ({@code sft}, {@code r1}) that model, anything else a checkpoint folder ({@link NanoModel#resolve}).
     */
    public static Path base(GrpoConfig config) throws IOException {
        return NanoModel.resolve(config.model().equals(GrpoConfig.EMBEDDED) ? null : config.model());
    }

    /** Trains, evaluates and saves with the built-in rewards; see the class comment for what lands in {@code out}. */
    public static Result run(GrpoConfig config, Path out, TrainProgress progress) throws IOException {
        return run(config, new GrpoRewards(), out, false, progress);
    }

    /**
     * Trains, evaluates and saves, scoring with {@code rewards} (one per run: the prompts share its semantic
     * cache; rewards a user {@link GrpoRewards#register registered} may be named by the recipe). Every
     * {@code save_steps} steps and at the end the checkpoint in {@code out} is replaced atomically
     * ({@link AtomicFolder}): a killed run leaves the last one whole. With {@code resume} a run continues from
     * the state that checkpoint keeps ({@link GrpoState}) and ends as the uninterrupted run would have.
     *
     * @throws IllegalStateException with one line naming the step, when a reward, the loss or the gradient is
     *                               NaN or infinite; the checkpoint in {@code out} is then the last good one
     */
    public static Result run(GrpoConfig config, GrpoRewards rewards, Path out, boolean resume, TrainProgress progress)
            throws IOException {
        Path base = base(config);
        AtomicFolder.recover(out);
        if (resume && !GrpoState.exists(out)) {
            throw new IllegalArgumentException(out + ": no GRPO trainer state to resume from (" + GrpoState.FOLDER
                    + "/state.json); run without --resume to start");
        }
        try (Vlm3d policy = VlmCheckpoint.load(base, Engines.defaultDevice());
             Vlm3d reference = config.beta() > 0 ? VlmCheckpoint.load(base, Engines.defaultDevice()) : null;
             TextTokenizer tokenizer = TextTokenizer.load(base)) {
            TokenDecoder text = ids -> TaskPrompt.stripEnd(tokenizer.decodeWithoutSpecial(ids));
            GrpoData train = GrpoData.of(config.trainRooms(), config.trainSeed(), config, rewards, policy.config(),
                    tokenizer, progress);
            GrpoData heldOut = GrpoData.of(config.heldOutRooms(), config.heldOutSeed(), config, rewards,
                    policy.config(), tokenizer, progress);
            if (train.prompts().isEmpty() || heldOut.prompts().isEmpty()) {
                throw new IllegalArgumentException("the rooms give no prompt of tasks " + config.tasks()
                        + ": raise train_rooms / held_out_rooms");
            }
            List<GrpoPrompt> evalSet = heldOut.prompts().subList(0, Math.min(config.evalPrompts(),
                    heldOut.prompts().size()));
            GrpoTrainer trainer = new GrpoTrainer(policy, reference, text, config);
            String anchorSha = config.sftWeight() > 0 ? supervise(trainer, config, base, policy, progress) : null;
            PromptOrder order = PromptOrder.of(train.prompts(), PromptOrder.Sampling.of(config.taskSampling()),
                    config.seed());
            java.util.function.IntFunction<List<GrpoPrompt>> draw = order::next;
            GrpoState state = resume ? GrpoState.resume(out, config, policy, trainer)
                    : new GrpoState(0, 0, GrpoEval.evaluate(policy, evalSet, text, config::completionLength).toJson(),
                    List.of());
            for (long left = state.promptsDrawn(); left > 0; left -= Math.min(left, Integer.MAX_VALUE)) {
                draw.apply((int) Math.min(left, Integer.MAX_VALUE));           // replay the order to where it stopped
            }
            GrpoEval.Scores before = GrpoEval.Scores.fromJson(state.before());
            RewardCurve curve = new RewardCurve(before.meanReward());
            List<GrpoStepStats> done = new ArrayList<>(state.steps());
            done.forEach(curve::add);
            long start = System.nanoTime();
            for (int step = state.step() + 1; step <= config.steps(); step++) {
                GrpoStepStats last;
                try {
                    last = trainer.step(draw.apply(config.promptsPerStep()), draw);
                } catch (IllegalStateException e) {
                    throw stopped(step, e.getMessage(), out);
                }
                if (!Double.isFinite(last.loss()) && !Double.isNaN(last.metric("grad_norm"))
                        || !Double.isFinite(last.reward())) {
                    throw stopped(step, "the loss is " + last.loss() + " and the reward " + last.reward(), out);
                }
                done.add(last);
                curve.add(last);
                double elapsed = (System.nanoTime() - start) / 1e9;
                int made = step - state.step();
                progress.step(step, config.steps(), String.format(Locale.ROOT,
                        "reward %.3f  zero-std %.2f  kl %.1e  %.1f s/step", last.reward(),
                        last.metric("frac_reward_zero_std"), last.kl(), elapsed / made),
                        elapsed / made * (config.steps() - step));
                progress.curve(curve::chart);
                if (config.saveSteps() > 0 && step % config.saveSteps() == 0 && step < config.steps()) {
                    GrpoState now = new GrpoState(step, order.drawn(), state.before(), done);
                    AtomicFolder.replace(out, dir -> save(dir, base, config, policy, trainer, now, curve));
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            GrpoEval.Scores after = GrpoEval.evaluate(policy, evalSet, text, config::completionLength);
            curve.heldOutAfter(after.meanReward());
            Result result = new Result(out, base, config.steps(), train.prompts().size(), train.sha256(), before, after,
                    done.get(done.size() - 1), seconds);
            GrpoState end = new GrpoState(config.steps(), order.drawn(), state.before(), done);
            AtomicFolder.replace(out, dir -> {
                save(dir, base, config, policy, trainer, end, curve);
                writeProvenance(dir, config, result, heldOut.sha256(), anchorSha);
            });
            return result;
        }
    }

    /**
     * Gives {@code trainer} the recipe's supervised anchor: the reference answers of its anchor tasks in the prompt
     * rooms or the starting model's own ({@code sft_rooms}), as its SFT recipe writes them ({@link ContinuedRecipe});
     * returns their hash.
     */
    private static String supervise(GrpoTrainer trainer, GrpoConfig config, Path base, Vlm3d policy,
                                    TrainProgress progress) throws IOException {
        SftConfig sft = config.sftRooms().equals("start")
                ? ContinuedRecipe.onOwnRooms(base, config.heldOutRooms(), config.heldOutSeed(), config.anchorTasks(),
                        config.steps(), config.seed())
                : ContinuedRecipe.of(base, config.trainRooms(), config.trainSeed(), config.heldOutRooms(),
                        config.heldOutSeed(), config.anchorTasks(), config.steps(), config.seed());
        SftData data = SftData.training(sft, WordVocabulary.read(base), progress);
        trainer.supervise(new SupervisedAnchor(data.examples(), sft.objectNameWeight(),
                policy.decoder().config().vocabSize(), config));
        return data.sha256();
    }

    /** The model, its tokenizer, the trainer state and the curves, into a fresh folder. */
    private static void save(Path dir, Path base, GrpoConfig config, Vlm3d policy, GrpoTrainer trainer, GrpoState state,
                             RewardCurve curve) throws IOException {
        VlmCheckpoint.save(policy, dir, config.dtype());
        for (String f : TOKENIZER_FILES) {
            if (Files.isRegularFile(base.resolve(f))) {
                Files.copy(base.resolve(f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        VlmCheckpoint.bindTokenizer(dir);
        state.write(dir, config, policy, trainer);
        curve.write(dir);
        Provenance.read(dir).with("training", "grpo").with("recipe", RecipeJson.tree(config))
                .with("steps_done", state.step()).write(dir);
    }

    private static IllegalStateException stopped(int step, String why, Path out) {
        String kept = GrpoState.exists(out) ? "; " + out + " holds the last good checkpoint" : "; no checkpoint was written";
        return new IllegalStateException("GRPO stopped at step " + step + ": " + why + kept);
    }

    /** Adds the run to the provenance the checkpoint writer started. */
    private static void writeProvenance(Path dir, GrpoConfig config, Result r, String heldOutSha, String anchorSha)
            throws IOException {
        Provenance p = Provenance.read(dir).with("training", "grpo").with("seed", config.seed())
                .with("base_model", r.base().toString());
        if (Provenance.exists(r.base())) {
            p = p.with("base_provenance", Provenance.read(r.base()));
        }
        if (anchorSha != null) {
            p = p.with("sft_anchor_sha256", anchorSha);
        }
        p.with("data_sha256", r.dataSha256()).with("held_out_sha256", heldOutSha).with("train_prompts", r.prompts())
                .with("recipe", RecipeJson.tree(config)).with("steps", r.steps()).with("wall_seconds", r.seconds())
                .with("threads", Runtime.getRuntime().availableProcessors())
                .with("device", Engines.defaultDevice().toString()).with("held_out_before", r.before().toJson())
                .with("held_out_after", r.after().toJson()).with("last_step", r.last().toJson()).write(dir);
    }
}
