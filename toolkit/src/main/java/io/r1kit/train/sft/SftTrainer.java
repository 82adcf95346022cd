package io.r1kit.train.sft;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.tracker.Tracker;
import io.r1kit.model.vlm.Vlm3d;
import io.r1kit.model.vlm.VlmExample;
import io.r1kit.train.AdamW;
import io.r1kit.train.Epochs;
import io.r1kit.train.GradientUpdate;
import io.r1kit.train.LengthGroups;
import io.r1kit.train.LengthSplit;

import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The SFT step: supervised fine-tuning of a {@link Vlm3d}, one step at a time (the SFT cold start of 3D-R1 §3
 * before GRPO): answer-only cross-entropy, gradients clipped to a global norm, one AdamW update
 * of every parameter, gradients zeroed (DJL's collector adds to the previous step's otherwise).
 *
 * <pre>{@code
 * SftTrainer trainer = new SftTrainer(model, SftConfig.defaults());
 * for (int step = 0; step < 300; step++) {
 *     float loss = trainer.step(trainer.nextBatch(examples, 8));
 * }
 * }</pre>
 */
public final class SftTrainer {

    private final Vlm3d model;
    private final SftConfig config;
    private final AdamW optimizer;
    private final Epochs<VlmExample> order;
    private final LengthGroups<VlmExample> grouped;
    private int steps;
    private float lastGradNorm;
    private List<VlmExample> groupedData;
    private double meanAnswerTokens;

    /**
     * Makes every parameter of {@code model} trainable; the learning rate stays at the recipe's
     * {@code learning_rate} (its other optimisation keys: weight decay, gradient clip, seed of the batch
     * order, object-naming weight).
     */
    public SftTrainer(Vlm3d model, SftConfig config) {
        this(model, config, Tracker.fixed((float) config.learningRate()));
    }

    /**
     * Makes every parameter of {@code model} trainable; the learning rate of update {@code n} (counted
     * from 1, as DJL's optimizers count) is {@code learningRate.getNewValue(n)}, so a schedule such as
     * warm-up + cosine decay ({@link SftConfig#schedule()}) replaces the fixed rate.
     */
    public SftTrainer(Vlm3d model, SftConfig config, Tracker learningRate) {
        this.model = model;
        this.config = config;
        this.optimizer = new AdamW(learningRate::getNewValue, config.weightDecay(), model.newScope());
        this.order = new Epochs<>(config.seed());
        this.grouped = new LengthGroups<>(config.seed(), SftConfig.LENGTH_POOL);
        model.setTrainable(true);
    }

    /**
     * One update on {@code batch}: the answer loss plus {@code objectNameWeight} times the object-naming
     * loss of the examples that name their objects; returns the batch's answer loss before the update. With the
     * recipe's {@code split_by_length} the batch runs as parts of similar length ({@link LengthSplit}), each
     * part's losses weighted by its share of the batch's answer tokens and named words, so the gradients
     * added over the parts are the whole batch's.
     */
    public float step(List<VlmExample> batch) {
        Map<String, NDArray> parameters = model.parameters();
        List<List<VlmExample>> parts = passes(batch);
        int vocab = model.decoder().config().vocabSize();
        double answers = tokens(batch, e -> e.answer().length);
        double named = tokens(batch, e -> e.namedWords(vocab)[0].length);
        double weight = answerWeight(batch);
        double loss = 0;
        try (NDManager scope = model.newScope()) {
            for (List<VlmExample> part : parts) {
                double share = part.size() == batch.size() ? 1 : tokens(part, e -> e.answer().length) / answers;
                double nameShare = part.size() == batch.size() || named == 0 ? 1
                        : tokens(part, e -> e.namedWords(vocab)[0].length) / named;
                loss += SftLoss.backward(model, part, weight * share, config.objectNameWeight() * nameShare, scope)
                        * share;
            }
            lastGradNorm = GradientUpdate.apply(parameters, optimizer, (float) config.maxGradNorm(), scope);
            steps++;
            return (float) loss;
        }
    }

    /**
     * The passes {@link #step} runs {@code batch} as: the whole batch, or with the recipe's {@code split_by_length}
     * its parts of similar length ({@link LengthSplit}, {@link SftConfig#SPLIT_OVERHEAD} positions per pass).
     */
    public List<List<VlmExample>> passes(List<VlmExample> batch) {
        return config.splitByLength()
                ? LengthSplit.parts(batch, VlmExample::positions, SftConfig.SPLIT_OVERHEAD) : List.of(batch);
    }

    private static double tokens(List<VlmExample> examples, ToIntFunction<VlmExample> count) {
        return examples.stream().mapToInt(count).sum();
    }

    /**
     * The next {@code size} examples of a seeded shuffled order of {@code data}, reshuffled each time
     * it runs out (so every example is seen once per epoch); with the recipe's {@code group_by_length},
     * examples of similar length share a batch ({@link LengthGroups}), and a batch's answer loss is then
     * weighted by its answer tokens over a batch's mean, so that every answer token of the data weighs the same
     * as in random batches (a batch of short answers would otherwise count as much as one of long captions).
     */
    public List<VlmExample> nextBatch(List<VlmExample> data, int size) {
        if (!config.groupByLength()) {
            return order.next(data, size);
        }
        if (data != groupedData) {
            groupedData = data;
            meanAnswerTokens = data.stream().mapToDouble(e -> e.answer().length).average().orElse(0);
        }
        return grouped.next(data, size, VlmExample::positions);
    }

    /**
     * The weight of {@code batch}'s mean answer loss: 1 with random batches; with {@code group_by_length}, its
     * answer tokens over the mean answer tokens of a batch of the data, so each answer token weighs the same.
     */
    double answerWeight(List<VlmExample> batch) {
        if (!config.groupByLength() || meanAnswerTokens <= 0) {
            return 1;
        }
        return batch.stream().mapToInt(e -> e.answer().length).sum() / (batch.size() * meanAnswerTokens);
    }

    /** Updates made so far. */
    public int steps() {
        return steps;
    }

    /** The global gradient norm of the last step, before clipping. */
    public float lastGradNorm() {
        return lastGradNorm;
    }
}
