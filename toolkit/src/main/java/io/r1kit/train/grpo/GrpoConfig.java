package io.r1kit.train.grpo;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.r1kit.model.io.Dtype;
import io.r1kit.reward.GroupAdvantages;
import io.r1kit.task.Task;
import io.r1kit.train.RecipeJson;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static io.r1kit.train.RecipeJson.atLeast;

/**
 * A GRPO recipe (3D-R1 Sec. 3.2): the starting model, the prompts (generated rooms and tasks), the rewards per task
 * and their weights, sampling, the objective and the optimisation. Options that TRL's {@code GRPOConfig} has carry
 * its names and meanings ({@code num_generations}, {@code temperature}, {@code top_p}, {@code max_completion_length},
 * {@code learning_rate}, {@code beta}, {@code epsilon}, {@code epsilon_high}, {@code num_iterations}, {@code loss_type},
 * {@code scale_rewards}, {@code reward_weights}, {@code mask_truncated_completions}, {@code top_entropy_quantile});
 * {@code dynamic_sampling} is DAPO's. Immutable; defaults live in one resource ({@link #defaults()}); the constructor
 * says what to fix. JSON keys are the field names in snake case; keys left out take the defaults.
 *
 * <pre>{@code
 * GrpoConfig c = GrpoConfig.fromJson("{\"steps\": 10, \"learning_rate\": 1e-4, \"loss_type\": \"dr_grpo\"}");
 * GrpoConfig.fromJson(c.toJson()).equals(c);   // true
 * }</pre>
 *
 * @param model           the starting (and reference) checkpoint: {@code "embedded"} for the default model
 *                        shipped in the jar, a shipped name ({@code sft}), else a checkpoint folder
 * @param trainRooms      generated rooms whose examples are the prompts: seeds {@code trainSeed ..}
 * @param trainSeed       first prompt room seed
 * @param heldOutRooms    rooms of the held-out evaluation before and after training
 * @param heldOutSeed     first held-out room seed; the two ranges must not overlap
 * @param tasks           tasks whose questions are prompts
 * @param rewards         per task (by command-line name), the rewards summed into its score
 *                        ({@link GrpoRewards#NAMES}, or a name a user {@link GrpoRewards#register registers})
 * @param rewardWeights   per reward name, its weight in the sum (TRL's {@code reward_weights}); 1 when absent
 * @param evalPrompts     held-out prompts answered greedily and scored before and after
 * @param numGenerations  G, outputs sampled per prompt (the group the advantages are normalised in)
 * @param promptsPerStep  prompts per step (each sampled G times)
 * @param taskSampling    how the tasks share the drawn prompts ({@link PromptOrder}): {@code proportional}, each
 *                        task as often as the rooms ask it, or {@code balanced}, the tasks in turn
 * @param steps           GRPO steps (sample, score, update)
 * @param saveSteps       a resumable checkpoint replaces the output every this many steps; 0 writes only the last
 * @param numIterations   μ, optimiser updates per sampled batch (DeepSeekMath Alg. 1); at 1, old = current policy
 * @param perDeviceTrainBatchSize outputs per forward and backward pass of an update, longest first
 *                        ({@link UpdatePasses}: memory follows this size, not the step's); 0 takes all at once
 * @param learningRate    AdamW learning rate (3D-R1: 1e-6), the peak of the schedule
 * @param lrSchedulerType {@code constant}, {@code linear} or {@code cosine} decay over the run ({@link GrpoSchedule})
 * @param warmupRatio     share of the updates the rate warms up over, linearly from near 0
 * @param weightDecay     AdamW's decoupled weight decay
 * @param maxGradNorm     global gradient norm clip
 * @param beta            β, weight of the KL to the reference model (3D-R1: 0.02); 0 loads no reference model
 * @param epsilon         ε, the ratio's lower clip range (and the upper one unless {@code epsilon_high} is set)
 * @param epsilonHigh     the ratio's upper clip range; 0 means "the same as epsilon" (DAPO uses 0.28)
 * @param lossType        {@code grpo}, {@code bnpo}, {@code dr_grpo} or {@code dapo} ({@link GrpoLoss.Type})
 * @param scaleRewards    {@code group}, {@code batch} or {@code none} ({@link GroupAdvantages.Scaling})
 * @param advantageBaseline what a group's rewards are centred on: {@code group}, its mean (GRPO), or {@code greedy},
 *                        the reward of the prompt's greedy answer, decoded each step (ReMax; dynamic sampling replaces
 *                        a group that ties with it); {@code greedy_gain}: negative advantages set to 0, so only outputs
 *                        above it are pushed, up, and a group with none is replaced
 * @param maskTruncatedCompletions outputs cut at {@code max_completion_length} take no part in the loss
 * @param dynamicSampling a prompt whose G rewards all tie is replaced by a fresh prompt, sampled anew, up to
 *                        {@value GrpoRollout#MAX_ROUNDS} extra rounds per step (DAPO), so every update has signal
 * @param temperature     sampling temperature; log-probabilities, ratio and KL are taken at it too
 * @param topP            nucleus sampling mass (1 keeps every token)
 * @param topEntropyQuantile ρ, the share of each pass's tokens, highest entropy first, whose policy term counts
 *                        (TRL's {@code top_entropy_quantile}, {@link HighEntropyTokens}); 1 keeps every token
 * @param maxCompletionLength tokens per sampled output at most (and the length {@code dr_grpo} divides by)
 * @param taskCompletionLengths per task, its own limit instead of {@code max_completion_length} ({@link LengthBatches})
 * @param denseDistinctPointers dense captions are sampled as the evaluation decodes them, each object named once per
 *                        section ({@link io.r1kit.model.vlm.DistinctPointers}), with the log-probabilities of that
 *                        ruled distribution (off by default, as in the measured recipes but runs 14 and 36)
 * @param sftWeight       λ, the weight of a supervised anchor added to each update's loss: the answer cross-entropy
 *                        (and object-naming loss, as the start's SFT recipe weighs it) of {@code sft_batch_size}
 *                        reference answers a step ({@link SupervisedAnchor}, InstructGPT's PPO-ptx term); 0 adds none
 * @param sftBatchSize    reference answers per step of the anchor
 * @param sftRooms        the rooms the anchor's answers come from: {@code prompts}, the prompt rooms, or {@code start},
 *                        the rooms the starting model's own SFT recipe trained on (its cold-start data)
 * @param sftTasks        the tasks of the anchor's answers; empty (the default): {@code tasks}, else a recipe may
 *                        sample some tasks while the anchor holds others too ({@link #anchorTasks})
 * @param dtype           how the trained weights are stored; F32 keeps small updates that F16 would round away
 * @param seed            seed of the prompt order and the sampling
 */
public record GrpoConfig(String model, int trainRooms, long trainSeed, int heldOutRooms, long heldOutSeed,
                         List<Task> tasks, Map<String, List<String>> rewards, Map<String, Double> rewardWeights,
                         int evalPrompts, int numGenerations, int promptsPerStep, String taskSampling, int steps,
                         int saveSteps, int numIterations, int perDeviceTrainBatchSize, double learningRate,
                         String lrSchedulerType, double warmupRatio, double weightDecay, double maxGradNorm,
                         double beta, double epsilon, double epsilonHigh, String lossType, String scaleRewards,
                         String advantageBaseline, boolean maskTruncatedCompletions, boolean dynamicSampling,
                         double temperature, double topP, double topEntropyQuantile, int maxCompletionLength,
                         Map<String, Integer> taskCompletionLengths, boolean denseDistinctPointers, double sftWeight,
                         int sftBatchSize, String sftRooms, List<Task> sftTasks, Dtype dtype, long seed) {

    /** The values of {@code advantage_baseline}. */
    public static final List<String> BASELINES = List.of("group", "greedy", "greedy_gain");

    /** The values of {@code sft_rooms}. */
    public static final List<String> SFT_ROOMS = List.of("prompts", "start");

    /** The {@link #model} value naming the checkpoint shipped in the jar. */
    public static final String EMBEDDED = "embedded";

    public GrpoConfig {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("model is empty: give \"" + EMBEDDED + "\" or a checkpoint folder");
        }
        atLeast("train_rooms", trainRooms, 1, "the rooms the prompts come from");
        atLeast("held_out_rooms", heldOutRooms, 1, "the evaluation needs rooms");
        if (heldOutSeed < trainSeed + trainRooms && trainSeed < heldOutSeed + heldOutRooms) {
            throw new IllegalArgumentException("held-out seeds " + heldOutSeed + ".." + (heldOutSeed + heldOutRooms - 1)
                    + " overlap the prompt seeds " + trainSeed + ".." + (trainSeed + trainRooms - 1)
                    + ": set held_out_seed to " + (trainSeed + trainRooms) + " or more");
        }
        if (tasks == null || tasks.isEmpty()) {
            throw new IllegalArgumentException("tasks is empty: name at least one of "
                    + Arrays.stream(Task.values()).map(Task::slug).toList());
        }
        tasks = List.copyOf(new TreeSet<>(tasks));
        rewards = RecipeRewards.check(tasks, rewards);
        rewardWeights = RecipeRewards.checkWeights(rewards, rewardWeights);
        atLeast("eval_prompts", evalPrompts, 1, "held-out prompts scored before and after");
        atLeast("num_generations", numGenerations, 2, "advantages compare the outputs of a group; 8 is usual");
        atLeast("prompts_per_step", promptsPerStep, 1, "prompts sampled per step");
        PromptOrder.Sampling.of(taskSampling);
        atLeast("steps", steps, 1, "the number of GRPO steps");
        atLeast("save_steps", saveSteps, 0, "0 saves only at the end");
        atLeast("num_iterations", numIterations, 1, "1 updates once per sampled batch");
        atLeast("per_device_train_batch_size", perDeviceTrainBatchSize, 0, "0 takes a step's outputs in one pass");
        if (!(learningRate > 0 && learningRate < 1)) {
            throw new IllegalArgumentException("learning_rate " + learningRate + " is outside (0, 1); the paper uses 1e-6");
        }
        GrpoSchedule.check(lrSchedulerType, warmupRatio);
        if (!(weightDecay >= 0 && weightDecay < 1)) {
            throw new IllegalArgumentException("weight_decay " + weightDecay + " is outside [0, 1); 0 is usual for GRPO");
        }
        if (!(maxGradNorm > 0)) {
            throw new IllegalArgumentException("max_grad_norm must be > 0, got " + maxGradNorm + "; 1.0 is usual");
        }
        if (!(beta >= 0)) {
            throw new IllegalArgumentException("beta must be >= 0, got " + beta + "; the paper uses 0.02, 0 loads no reference");
        }
        if (!(epsilon > 0 && epsilon < 1)) {
            throw new IllegalArgumentException("epsilon " + epsilon + " is outside (0, 1); 0.2 is usual");
        }
        if (!(epsilonHigh == 0 || epsilonHigh > 0 && epsilonHigh < 10)) {
            throw new IllegalArgumentException("epsilon_high " + epsilonHigh
                    + " must be 0 (the same as epsilon) or in (0, 10); DAPO uses 0.28");
        }
        GrpoLoss.Type.of(lossType);
        GroupAdvantages.Scaling.of(scaleRewards);
        RecipeJson.oneOf("advantage_baseline", advantageBaseline, BASELINES);
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be > 0, got " + temperature
                    + "; GRPO needs varied outputs, 1.0 is usual");
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("top_p " + topP + " is outside (0, 1]; 1 keeps every token");
        }
        if (!(topEntropyQuantile >= 0 && topEntropyQuantile <= 1)) {
            throw new IllegalArgumentException("top_entropy_quantile " + topEntropyQuantile
                    + " is outside [0, 1]; 1 keeps every token, 0.2 trains on the highest-entropy fifth");
        }
        atLeast("max_completion_length", maxCompletionLength, 1, "a reasoned grounding answer takes about 80 tokens");
        taskCompletionLengths = RecipeJson.perTask("task_completion_lengths", tasks, taskCompletionLengths, n -> n >= 1,
                (task, n) -> "task_completion_lengths of " + task + " must be >= 1, got " + n
                        + "; a dense caption of a room takes up to 800 tokens");
        if (!(sftWeight >= 0 && sftWeight < 1e6)) {
            throw new IllegalArgumentException("sft_weight must be in [0, 1e6), got " + sftWeight
                    + "; 0 adds no supervised anchor");
        }
        atLeast("sft_batch_size", sftBatchSize, 1, "reference answers per step of the supervised anchor");
        RecipeJson.oneOf("sft_rooms", sftRooms, SFT_ROOMS);
        sftTasks = sftTasks == null ? List.of() : List.copyOf(new TreeSet<>(sftTasks));
        if (dtype != Dtype.F32 && dtype != Dtype.F16) {
            throw new IllegalArgumentException("dtype " + dtype + ": weights are stored as F16 or F32");
        }
    }

    /** The objective's settings: loss type, ε_low, ε_high (ε when 0), β, the completion length. */
    public GrpoLoss.Options lossOptions() {
        return new GrpoLoss.Options(GrpoLoss.Type.of(lossType), epsilon, epsilonHigh == 0 ? epsilon : epsilonHigh, beta,
                maxCompletionLength);
    }

    /** The most tokens a sampled output of {@code task} may have: its own limit, else {@code max_completion_length}. */
    public int completionLength(Task task) {
        return taskCompletionLengths.getOrDefault(task.slug(), maxCompletionLength);
    }

    /** This recipe with {@code rewards} (per task) in place of its own, and no reward weights. */
    public GrpoConfig withRewards(Map<String, List<String>> rewards) {
        return new GrpoConfig(model, trainRooms, trainSeed, heldOutRooms, heldOutSeed, tasks, rewards, Map.of(), evalPrompts,
                numGenerations, promptsPerStep, taskSampling, steps, saveSteps, numIterations, perDeviceTrainBatchSize,
                learningRate, lrSchedulerType, warmupRatio, weightDecay, maxGradNorm, beta, epsilon, epsilonHigh,
                lossType, scaleRewards, advantageBaseline, maskTruncatedCompletions, dynamicSampling, temperature, topP,
                topEntropyQuantile, maxCompletionLength, taskCompletionLengths, denseDistinctPointers,
                sftWeight, sftBatchSize, sftRooms, sftTasks, dtype, seed);
    }

    /** The tasks of the supervised anchor's answers: {@code sft_tasks}, else the recipe's {@code tasks}. */
    public List<Task> anchorTasks() {
        return sftTasks.isEmpty() ? tasks : sftTasks;
    }

    /** Whether each group's advantages are taken against the reward of its prompt's greedy answer. */
    public boolean greedyBaseline() {
        return advantageBaseline.startsWith("greedy");
    }

    /** Whether only outputs better than the greedy answer are pushed, up ({@code greedy_gain}). */
    public boolean gainsOnly() {
        return advantageBaseline.equals("greedy_gain");
    }

    /** How rewards are scaled into advantages. */
    public GroupAdvantages.Scaling scaling() {
        return GroupAdvantages.Scaling.of(scaleRewards);
    }

    /** The weighted total of a score's parts ({@code reward_weights}, 1 for a reward it leaves out). */
    public double weighted(io.r1kit.reward.RewardScore s) {
        double total = 0;
        for (Map.Entry<String, Double> e : s.parts().entrySet()) {
            total += weight(e.getKey()) * e.getValue();
        }
        return total;
    }

    /** The weight of reward {@code name} (1 unless {@code reward_weights} sets it). */
    public double weight(String name) {
        return rewardWeights.getOrDefault(name, 1.0);
    }

    /**
     * The paper's settings where it gives them (3D-R1 Sec. 3.2: β 0.02, learning rate 1e-6), DeepSeekMath's objective
     * and TRL's defaults otherwise (ε 0.2, μ 1, temperature 1, top-p 1), over the {@code sft} model's grounding prompts:
     * the resource {@code io/r1kit/train/grpo/defaults.json} ({@code r1kit train grpo --print-default-config}).
     */
    public static GrpoConfig defaults() {
        return Defaults.VALUE;
    }

    private static final class Defaults {
        static final GrpoConfig VALUE = RecipeJson.defaults(GrpoConfig.class);
    }

    /** The reward names of {@code task}'s prompts. */
    public List<String> rewardNames(Task task) {
        List<String> names = rewards.get(task.slug());
        if (names == null) {
            throw new IllegalArgumentException("task " + task.slug() + " is not in this recipe's tasks "
                    + tasks.stream().map(Task::slug).toList());
        }
        return names;
    }

    /** This recipe as pretty-printed JSON (every key). */
    public String toJson() {
        return RecipeJson.toJson(this);
    }

    /** The recipe of a JSON object; absent keys take {@link #defaults()}.
     * @throws IllegalArgumentException naming an unknown key (and the known ones), a wrong type, or a bad value and its fix
     */
    public static GrpoConfig fromJson(String json) {
        return RecipeJson.parse(json, defaults(), GrpoConfig.class);
    }

    /**
     * Whether {@code saved}, a recipe kept as JSON by a run or an experiment, is this recipe ({@code steps} aside when
     * {@code anySteps}). It is read as a recipe file is, so a key it lacks takes its default, always what runs did
     * before the key was added: an older folder still matches its recipe. Unreadable or absent: false.
     */
    public boolean sameRecipe(JsonElement saved, boolean anySteps) {
        if (saved == null || !saved.isJsonObject()) {
            return false;
        }
        JsonObject theirs = saved.getAsJsonObject().deepCopy();
        if (anySteps) {
            theirs.addProperty("steps", steps);
        }
        try {
            return fromJson(theirs.toString()).equals(this);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Reads a recipe file; errors name the file. */
    public static GrpoConfig read(Path file) throws IOException {
        return RecipeJson.read(file, "grpo", GrpoConfig::fromJson);
    }
}
