package io.r1kit.train.grpo;

import io.r1kit.Provenance;
import io.r1kit.model.Engines;
import io.r1kit.model.generate.TokenDecoder;
import io.r1kit.model.text.TextTokenizer;
import io.r1kit.model.vlm.NanoModel;
import io.r1kit.model.vlm.Vlm3d;
import io.r1kit.model.vlm.VlmCheckpoint;
import io.r1kit.task.TaskPrompt;
import io.r1kit.train.Epochs;
import io.r1kit.train.RecipeJson;
import io.r1kit.train.TrainProgress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * GRPO fine-tuning from a {@link GrpoConfig} (3D-R1 Sec. 3.2): loads the starting checkpoint twice (the
 * policy, and the frozen reference), builds prompts from generated rooms ({@link GrpoData}), scores the
 * held-out prompts greedily ({@link GrpoEval}), runs {@code steps} {@link GrpoTrainer} steps over a seeded
 * shuffled order of the prompts, scores the held-out prompts again, then writes into {@code out} the
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

    /** Trains, evaluates and saves; see the class comment for what lands in {@code out}. */
    public static Result run(GrpoConfig config, Path out, TrainProgress progress) throws IOException {
        Path base = base(config);
        try (Vlm3d policy = VlmCheckpoint.load(base, Engines.defaultDevice());
             Vlm3d reference = VlmCheckpoint.load(base, Engines.defaultDevice());
             TextTokenizer tokenizer = TextTokenizer.load(base)) {
            TokenDecoder text = ids -> TaskPrompt.stripEnd(tokenizer.decodeWithoutSpecial(ids));
            GrpoRewards rewards = new GrpoRewards();   // one per run: the prompts share its semantic cache
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
            GrpoEval.Scores before = GrpoEval.evaluate(policy, evalSet, text, config.maxNewTokens());
            RewardCurve curve = new RewardCurve(before.meanReward());
            GrpoTrainer trainer = new GrpoTrainer(policy, reference, text, config);
            Epochs<GrpoPrompt> order = new Epochs<>(config.seed());   // every prompt once per pass
            GrpoStepStats last = null;
            long tokens = 0;
            long start = System.nanoTime();
            for (int step = 1; step <= config.steps(); step++) {
                List<GrpoPrompt> batch = order.next(train.prompts(), config.promptsPerStep());
                last = trainer.step(batch);
                curve.add(last);
                tokens += last.tokens();
                double elapsed = (System.nanoTime() - start) / 1e9;
                progress.step(step, config.steps(), last.loss(), config.learningRate(), tokens / elapsed,
                        elapsed / step * (config.steps() - step));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            GrpoEval.Scores after = GrpoEval.evaluate(policy, evalSet, text, config.maxNewTokens());
            curve.heldOutAfter(after.meanReward());
            VlmCheckpoint.save(policy, out, config.dtype());
            for (String f : TOKENIZER_FILES) {
                if (Files.isRegularFile(base.resolve(f))) {
                    Files.copy(base.resolve(f), out.resolve(f), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Result result = new Result(out, base, config.steps(), train.prompts().size(), train.sha256(), before, after,
                    last, seconds);
            writeProvenance(out, config, result, heldOut.sha256());
            curve.write(out);
            return result;
        }
    }

    /** Adds the run to the provenance the checkpoint writer started. */
    private static void writeProvenance(Path dir, GrpoConfig config, Result r, String heldOutSha) throws IOException {
        Provenance p = Provenance.read(dir).with("training", "grpo").with("seed", config.seed())
                .with("base_model", r.base().toString());
        if (Provenance.exists(r.base())) {
            p = p.with("base_provenance", Provenance.read(r.base()));
        }
        p.with("data_sha256", r.dataSha256()).with("held_out_sha256", heldOutSha).with("train_prompts", r.prompts())
                .with("recipe", RecipeJson.tree(config)).with("steps", r.steps()).with("wall_seconds", r.seconds())
                .with("threads", Runtime.getRuntime().availableProcessors())
                .with("device", Engines.defaultDevice().toString()).with("held_out_before", r.before().toJson())
                .with("held_out_after", r.after().toJson()).with("last_step", r.last().toJson()).write(dir);
    }
}
