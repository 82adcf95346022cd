package io.r1kit.train.sft;

import io.r1kit.cot.filter.FilterConfig;
import io.r1kit.model.io.Dtype;
import io.r1kit.model.text.WordVocabulary;
import io.r1kit.model.vlm.VlmConfig;
import io.r1kit.task.Task;
import io.r1kit.train.LearningRateSchedule;
import io.r1kit.train.RecipeJson;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static io.r1kit.train.RecipeJson.atLeast;

/**
 * A supervised fine-tuning recipe for the nano 3D model (3D-R1 §3, the SFT cold start): which
 * generated rooms and tasks, the model's sizes, the optimisation, and the SFT trainer's settings
 * ({@link SftTrainer}). Immutable; the defaults live in one resource ({@link #defaults()}, the "nano"
 * preset); the constructor says what to fix. JSON keys are the field names in snake case
 * ({@link RecipeJson}), tasks by their command-line names; keys left out take the defaults.
 *
 * <pre>{@code
 * SftConfig c = SftConfig.fromJson("{\"steps\": 50, \"tasks\": [\"grounding\"]}");
 * SftConfig.fromJson(c.toJson()).equals(c);   // true
 * }</pre>
 *
 * @param trainRooms        generated rooms to train on: seeds {@code trainSeed .. trainSeed + trainRooms - 1}
 * @param trainSeed         first training room seed
 * @param heldOutRooms      rooms for held-out loss and evaluation
 * @param heldOutSeed       first held-out room seed; the two seed ranges must not overlap
 * @param tasks             tasks whose examples are trained on
 * @param hiddenSize        decoder width C (every scene token has this width)
 * @param layers            decoder layers
 * @param heads             attention heads
 * @param kvHeads           key/value heads (grouped-query attention; divides {@code heads})
 * @param intermediateSize  width of the decoder's MLP
 * @param maxObjects        objects encoded per scene at most
 * @param pointsPerObject   points sampled per object for the PointNet
 * @param maxTokens         prompt + answer tokens of an example at most; longer examples are dropped
 * @param minWordCount      fewest occurrences in the training texts for a word to get its own id
 * @param steps             optimiser updates
 * @param batchSize         examples per update
 * @param groupByLength     whether a batch takes examples of similar length ({@link io.r1kit.train.LengthGroups},
 *                          pools of {@link #LENGTH_POOL} batches), so padding to its longest row costs little
 * @param splitByLength     whether a batch is run as parts of similar length ({@link io.r1kit.train.LengthSplit},
 *                          {@link #SPLIT_OVERHEAD} positions per extra pass) whose gradients add up to the batch's:
 *                          the same update as one pass, with less padding
 * @param learningRate      peak AdamW learning rate
 * @param warmupSteps       steps of linear warm-up from 0 to the peak
 * @param finalLearningRate learning rate the cosine decay ends at, as a fraction of the peak
 * @param weightDecay       AdamW's decoupled weight decay
 * @param maxGradNorm       global gradient norm clip
 * @param evalEvery         held-out loss every this many steps (and at the end)
 * @param heldOutExamples   held-out examples the held-out loss is averaged over
 * @param evalExamples      examples per task generated and scored at the end (grounding, dense captions)
 * @param keepBest          also save the checkpoint of the lowest held-out loss, in {@code best/}
 * @param dtype             how weights are stored: {@code F16} halves the file, {@code F32} keeps every bit
 * @param seed              seed of initialisation, point sampling and batch order
 * @param objectNameWeight  weight of the loss that teaches each object token its label's word and its colour (0: off)
 * @param objectPlaces      whether that loss also teaches each object token the word of its place ("left" wall,
 *                          "on" another object, "floor": {@link io.r1kit.cot.tasks.Locator#placeWord})
 * @param objectPointers    whether answers name an encoded object's box by its pointer token
 *                          ({@link io.r1kit.model.vlm.PointerText}) instead of six grid numbers
 * @param answerFormat      the target of each example: {@code reasoning} (the cold start: the compact CoT record)
 *                          or {@code plain} (the answer alone)
 * @param reasoningSteps    with {@code reasoning}, at most this many fact steps between the step naming the object
 *                          and the conclusion (the reasoning length a small model can learn)
 * @param reasoningBoxes    with {@code reasoning}, the step that identifies the object gives its box (a pointer
 *                          token with {@code object_pointers}): the reasoning points before it describes
 * @param reasoningLooks    with {@code reasoning_boxes}, where no step identifies the object (reasoning, plans,
 *                          counts) the reasoning first points at each object the answer rests on and says its
 *                          colour ({@link io.r1kit.cot.GraphCotWriter#withLookSteps})
 * @param cotFilters        with {@code reasoning}, the thresholds a CoT record must pass to be trained on
 * @param initModel         empty to start from random weights; else a shipped model ({@code sft}) or a checkpoint
 *                          folder to continue training from: its weights, its vocabulary (the texts are encoded with
 *                          it) and its architecture (the recipe's architecture keys must equal it)
 * @param taskRepeats       per task (by command-line name), how many times each of its training examples is in the
 *                          training data, 1..10 (2: its examples come twice as often); tasks left out: once
 */
public record SftConfig(int trainRooms, long trainSeed, int heldOutRooms, long heldOutSeed, List<Task> tasks,
                        int hiddenSize, int layers, int heads, int kvHeads, int intermediateSize, int maxObjects,
                        int pointsPerObject, int maxTokens, int minWordCount, int steps, int batchSize,
                        boolean groupByLength, boolean splitByLength,
                        double learningRate, int warmupSteps, double finalLearningRate, double weightDecay,
                        double maxGradNorm, int evalEvery, int heldOutExamples, int evalExamples, boolean keepBest,
                        Dtype dtype, long seed, double objectNameWeight, boolean objectPlaces,
                        boolean objectPointers, AnswerFormat answerFormat, int reasoningSteps, boolean reasoningBoxes,
                        boolean reasoningLooks, FilterConfig cotFilters, String initModel,
                        Map<String, Integer> taskRepeats) {

    /** Positions of the decoder: scene tokens, prompt and answer must fit. */
    public static final int MAX_POSITIONS = 2048;

    /** Batches per pool that {@code group_by_length} sorts by length at a time. */
    public static final int LENGTH_POOL = 50;

    /** What one more forward and backward pass costs, in padded positions, when {@code split_by_length} cuts a batch. */
    public static final int SPLIT_OVERHEAD = 128;

    public SftConfig {
        initModel = initModel == null ? "" : initModel.strip();
        atLeast("train_rooms", trainRooms, 1, "the rooms the vocabulary and examples come from");
        atLeast("held_out_rooms", heldOutRooms, 1, "held-out loss and evaluation need rooms");
        if (heldOutSeed < trainSeed + trainRooms && trainSeed < heldOutSeed + heldOutRooms) {
            throw new IllegalArgumentException("held-out seeds " + heldOutSeed + ".." + (heldOutSeed + heldOutRooms - 1)
                    + " overlap the training seeds " + trainSeed + ".." + (trainSeed + trainRooms - 1)
                    + ": set held_out_seed to " + (trainSeed + trainRooms) + " or more");
        }
        if (tasks == null || tasks.isEmpty()) {
            throw new IllegalArgumentException("tasks is empty: name at least one of "
                    + Arrays.stream(Task.values()).map(Task::slug).toList());
        }
        tasks = List.copyOf(new TreeSet<>(tasks));
        atLeast("hidden_size", hiddenSize, 8, "the decoder width");
        atLeast("layers", layers, 1, "decoder layers");
        atLeast("heads", heads, 1, "attention heads");
        atLeast("kv_heads", kvHeads, 1, "key/value heads");
        if (heads % kvHeads != 0 || hiddenSize % heads != 0) {
            throw new IllegalArgumentException("heads " + heads + ", kv_heads " + kvHeads + ", hidden_size " + hiddenSize
                    + ": kv_heads must divide heads and heads must divide hidden_size (e.g. 4, 2, 256)");
        }
        atLeast("intermediate_size", intermediateSize, 1, "the MLP width, usually 3 x hidden_size");
        atLeast("max_objects", maxObjects, 1, "objects per scene");
        atLeast("points_per_object", pointsPerObject, 1, "points per object");
        atLeast("max_tokens", maxTokens, 16, "a grounding example alone takes about 30 tokens");
        int positions = VlmConfig.sceneTokensFor(maxObjects) + maxTokens;
        if (positions > MAX_POSITIONS) {
            throw new IllegalArgumentException("max_objects " + maxObjects + " and max_tokens " + maxTokens + " need "
                    + positions + " positions, more than " + MAX_POSITIONS + ": lower one of them");
        }
        atLeast("min_word_count", minWordCount, 1, "1 keeps every word of the training texts");
        atLeast("steps", steps, 1, "the number of optimiser updates");
        atLeast("batch_size", batchSize, 1, "examples per update");
        if (!(learningRate > 0 && learningRate < 1)) {
            throw new IllegalArgumentException("learning_rate " + learningRate + " is outside (0, 1); 1e-4..3e-3 is usual");
        }
        if (warmupSteps < 0 || warmupSteps >= steps) {
            throw new IllegalArgumentException("warmup_steps " + warmupSteps + " must be in 0.." + (steps - 1)
                    + " (below steps); a few percent of steps is usual");
        }
        if (!(finalLearningRate >= 0 && finalLearningRate <= 1)) {
            throw new IllegalArgumentException("final_learning_rate " + finalLearningRate
                    + " is a fraction of learning_rate: give 0..1 (0.1 is usual)");
        }
        if (!(weightDecay >= 0 && weightDecay < 1)) {
            throw new IllegalArgumentException("weight_decay " + weightDecay + " is outside [0, 1); 0.01 is usual");
        }
        if (!(maxGradNorm > 0)) {
            throw new IllegalArgumentException("max_grad_norm must be > 0, got " + maxGradNorm + "; 1.0 is usual");
        }
        atLeast("eval_every", evalEvery, 1, "steps between held-out losses");
        atLeast("held_out_examples", heldOutExamples, 1, "held-out examples the loss is averaged over");
        if (evalExamples < 0) {
            throw new IllegalArgumentException("eval_examples must be 0 (no evaluation) or more, got " + evalExamples);
        }
        if (!(objectNameWeight >= 0 && objectNameWeight <= 10)) {
            throw new IllegalArgumentException("object_name_weight " + objectNameWeight
                    + " is outside 0..10: 0 turns the object-naming loss off, 1 is usual");
        }
        if (dtype != Dtype.F32 && dtype != Dtype.F16) {
            throw new IllegalArgumentException("dtype " + dtype + ": weights are stored as F16 or F32");
        }
        if (answerFormat == null) {
            throw new IllegalArgumentException("answer_format must be \"reasoning\" or \"plain\"");
        }
        if (reasoningSteps < 0 || reasoningSteps > 20) {
            throw new IllegalArgumentException("reasoning_steps " + reasoningSteps
                    + " is outside 0..20: the fact steps of one reasoning, 2 suits the nano model");
        }
        taskRepeats = RecipeJson.perTask("task_repeats", tasks, taskRepeats, n -> n >= 1 && n <= 10,
                (task, n) -> "task_repeats of " + task + " is " + n
                        + ": give 1..10, the times each of the task's examples is trained on per pass over the data");
        if (cotFilters == null) {
            throw new IllegalArgumentException("cot_filters is missing: give min_think_words, min_answer_words, "
                    + "min_short_answer_words, min_step_cues and min_consistency");
        }
    }

    /** How many times each training example of {@code task} is in the data ({@code task_repeats}, else 1). */
    public int repeats(Task task) {
        return taskRepeats.getOrDefault(task.slug(), 1);
    }

    /**
     * The nano preset, sized to train usefully on 2 CPU cores: the values of the resource
     * {@code io/r1kit/train/sft/defaults.json}, the one place the defaults are written
     * ({@code r1kit train sft --print-default-config} prints them).
     */
    public static SftConfig defaults() {
        return Defaults.VALUE;
    }

    /** Read once, on first use. */
    private static final class Defaults {
        static final SftConfig VALUE = RecipeJson.defaults(SftConfig.class);
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
    public static SftConfig fromJson(String json) {
        return RecipeJson.parse(json, defaults(), SftConfig.class);
    }

    /** Reads a recipe file; errors name the file. */
    public static SftConfig read(Path file) throws IOException {
        return RecipeJson.read(file, "sft", SftConfig::fromJson);
    }

    /**
     * The model config for a vocabulary of {@code vocabSize} entries built by {@link WordVocabulary}: grid
     * numbers at {@link WordVocabulary#gridId}, generation ending at {@code <|im_end|>}.
     */
    public VlmConfig vlmConfig(int vocabSize) {
        return VlmConfig.builder().vocabSize(vocabSize).hiddenSize(hiddenSize).intermediateSize(intermediateSize)
                .layers(layers).heads(heads, kvHeads).maxPositions(MAX_POSITIONS)
                .eosTokenId(WordVocabulary.FIXED_SPECIAL.indexOf(io.r1kit.task.TaskPrompt.END))
                .maxObjects(maxObjects).pointsPerObject(pointsPerObject)
                .gridTokenOffset(WordVocabulary.GRID_FIRST).seed(seed).objectPointers(objectPointers).build();
    }

    /** The warm-up + cosine schedule of this recipe. */
    public LearningRateSchedule schedule() {
        return new LearningRateSchedule(learningRate, warmupSteps, steps, finalLearningRate);
    }
}
