package io.r1kit.train.grpo;

import io.r1kit.model.io.Dtype;
import io.r1kit.task.Task;
import io.r1kit.train.RecipeJson;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static io.r1kit.train.RecipeJson.atLeast;

/**
 * A GRPO recipe (3D-R1 Sec. 3.2): the starting model, the prompts (generated rooms and tasks), the
 * rewards per task, sampling, the objective's β and ε, and the optimisation. Immutable; defaults live in one
 * resource ({@link #defaults()}); the constructor says what to fix. JSON keys are the field names in snake case
 * ({@code rewards} maps a task's command-line name to reward names); keys left out take the defaults.
 *
 * <pre>{@code
 * GrpoConfig c = GrpoConfig.fromJson("{\"steps\": 10, \"learning_rate\": 1e-4}");
 * GrpoConfig.fromJson(c.toJson()).equals(c);   // true
 * }</pre>
 *
 * @param model           the starting (and reference) checkpoint: {@code "embedded"} for the nano model shipped
 *                        in the jar, else a checkpoint folder written by {@code r1kit train sft}
 * @param trainRooms      generated rooms whose examples are the prompts: seeds {@code trainSeed ..}
 * @param trainSeed       first prompt room seed
 * @param heldOutRooms    rooms of the held-out evaluation before and after training
 * @param heldOutSeed     first held-out room seed; the two ranges must not overlap
 * @param tasks           tasks whose questions are prompts
 * @param rewards         per task (by command-line name), the rewards summed into its score ({@link GrpoRewards#NAMES})
 * @param evalPrompts     held-out prompts answered greedily and scored before and after
 * @param groupSize       G, outputs sampled per prompt (the group the advantages are normalised in)
 * @param promptsPerStep  prompts per step (each sampled G times)
 * @param steps           GRPO steps (sample, score, update)
 * @param updatesPerBatch μ, optimiser updates per sampled batch (DeepSeekMath Alg. 1); at 1, old = current policy
 * @param learningRate    AdamW learning rate (3D-R1: 1e-6)
 * @param weightDecay     AdamW's decoupled weight decay
 * @param maxGradNorm     global gradient norm clip
 * @param beta            β, weight of the KL to the reference model (3D-R1: 0.02)
 * @param epsilon         ε, the ratio clip range
 * @param temperature     sampling temperature of the group's outputs
 * @param topP            nucleus sampling mass (1 keeps every token)
 * @param maxNewTokens    tokens per sampled output at most
 * @param dtype           how the trained weights are stored; F32 keeps small updates that F16 would round away
 * @param seed            seed of the prompt order and the sampling
 */
public record GrpoConfig(String model, int trainRooms, long trainSeed, int heldOutRooms, long heldOutSeed,
                         List<Task> tasks, Map<String, List<String>> rewards, int evalPrompts, int groupSize,
                         int promptsPerStep, int steps, int updatesPerBatch, double learningRate, double weightDecay,
                         double maxGradNorm, double beta, double epsilon, double temperature, double topP,
                         int maxNewTokens, Dtype dtype, long seed) {

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
        rewards = checkRewards(tasks, rewards);
        atLeast("eval_prompts", evalPrompts, 1, "held-out prompts scored before and after");
        atLeast("group_size", groupSize, 2, "advantages compare the outputs of a group; 8 is usual");
        atLeast("prompts_per_step", promptsPerStep, 1, "prompts sampled per step");
        atLeast("steps", steps, 1, "the number of GRPO steps");
        atLeast("updates_per_batch", updatesPerBatch, 1, "1 updates once per sampled batch");
        if (!(learningRate > 0 && learningRate < 1)) {
            throw new IllegalArgumentException("learning_rate " + learningRate + " is outside (0, 1); the paper uses 1e-6");
        }
        if (!(weightDecay >= 0 && weightDecay < 1)) {
            throw new IllegalArgumentException("weight_decay " + weightDecay + " is outside [0, 1); 0 is usual for GRPO");
        }
        if (!(maxGradNorm > 0)) {
            throw new IllegalArgumentException("max_grad_norm must be > 0, got " + maxGradNorm + "; 1.0 is usual");
        }
        if (!(beta >= 0)) {
            throw new IllegalArgumentException("beta must be >= 0, got " + beta + "; the paper uses 0.02");
        }
        if (!(epsilon > 0 && epsilon < 1)) {
            throw new IllegalArgumentException("epsilon " + epsilon + " is outside (0, 1); 0.2 is usual");
        }
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be > 0, got " + temperature
                    + "; GRPO needs varied outputs, 1.0 is usual");
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("top_p " + topP + " is outside (0, 1]; 1 keeps every token");
        }
        atLeast("max_new_tokens", maxNewTokens, 1, "a reasoned grounding answer takes about 80 tokens");
        if (dtype != Dtype.F32 && dtype != Dtype.F16) {
            throw new IllegalArgumentException("dtype " + dtype + ": weights are stored as F16 or F32");
        }
    }

    private static Map<String, List<String>> checkRewards(List<Task> tasks, Map<String, List<String>> rewards) {
        if (rewards == null) {
            rewards = Map.of();
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String key : rewards.keySet()) {
            Task.fromSlug(key); // names the known tasks when the key is none
        }
        for (Task t : tasks) {
            List<String> names = rewards.get(t.slug());
            if (names == null || names.isEmpty()) {
                throw new IllegalArgumentException("rewards has none for task " + t.slug() + ": add \"" + t.slug()
                        + "\": [...] with some of " + GrpoRewards.NAMES);
            }
            for (String n : names) {
                GrpoRewards.check(n);
                String why = GrpoRewards.unfit(n, t);
                if (why != null) {
                    throw new IllegalArgumentException("rewards of " + t.slug() + ": " + why + "; remove \"" + n + "\"");
                }
            }
            if (names.stream().distinct().count() != names.size()) {
                throw new IllegalArgumentException("rewards of " + t.slug() + " names a reward twice: " + names);
            }
            String missing = GrpoRewards.incomplete(names, t);
            if (missing != null) {
                throw new IllegalArgumentException("rewards of " + t.slug() + ": " + missing);
            }
            out.put(t.slug(), List.copyOf(names));
        }
        for (String key : rewards.keySet()) {
            if (!out.containsKey(key)) {
                throw new IllegalArgumentException("rewards names task " + key + ", which is not in tasks "
                        + tasks.stream().map(Task::slug).toList() + ": add it to tasks or remove its rewards");
            }
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /**
     * The paper's settings where it gives them (3D-R1 Sec. 3.2: β 0.02, learning rate 1e-6) and DeepSeekMath's
     * otherwise (ε 0.2, μ 1), over the embedded nano model's grounding prompts: the values of the resource
     * {@code io/r1kit/train/grpo/defaults.json}, the one place the defaults are written
     * ({@code r1kit train grpo --print-default-config} prints them).
     */
    public static GrpoConfig defaults() {
        return Defaults.VALUE;
    }

    /** Read once, on first use. */
    private static final class Defaults {
        static final GrpoConfig VALUE = RecipeJson.defaults(GrpoConfig.class);
    }

    /**
     * The rewards of {@code task}'s prompts, made by {@code run} (one {@link GrpoRewards} per run, so the
     * prompts share its semantic reward and cache).
     */
    public io.r1kit.reward.RewardSet rewardsFor(Task task, GrpoRewards run) {
        List<String> names = rewards.get(task.slug());
        if (names == null) {
            throw new IllegalArgumentException("task " + task.slug() + " is not in this recipe's tasks " + tasks);
        }
        return run.set(names);
    }

    /** This recipe as pretty-printed JSON (every key). */
    public String toJson() {
        return RecipeJson.toJson(this);
    }

    /**
     * The recipe of a JSON object; absent keys take {@link #defaults()}.
     *
     * @throws IllegalArgumentException naming an unknown key (and the known ones), a value of the wrong type,
     *                                  or a value out of range and how to fix it
     */
    public static GrpoConfig fromJson(String json) {
        return RecipeJson.parse(json, defaults(), GrpoConfig.class);
    }

    /** Reads a recipe file; errors name the file. */
    public static GrpoConfig read(Path file) throws IOException {
        return RecipeJson.read(file, "grpo", GrpoConfig::fromJson);
    }
}
