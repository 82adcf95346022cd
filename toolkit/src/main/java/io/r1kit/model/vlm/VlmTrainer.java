package io.r1kit.model.vlm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.r1kit.model.Engines;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Supervised fine-tuning of a {@link Vlm3d}, one step at a time (the SFT cold start of 3D-R1 §3
 * before GRPO): answer-only cross-entropy, gradients clipped to a global norm, one AdamW update
 * of every parameter, gradients zeroed (DJL's collector adds to the previous step's otherwise).
 *
 * <pre>{@code
 * VlmTrainer trainer = new VlmTrainer(model, SftOptions.defaults());
 * for (int step = 0; step < 300; step++) {
 *     float loss = trainer.step(trainer.nextBatch(examples, 8));
 * }
 * }</pre>
 */
public final class VlmTrainer {

    private final Vlm3d model;
    private final SftOptions options;
    private final Optimizer optimizer;
    private final Random random;
    private final List<Integer> order = new ArrayList<>();
    private int steps;
    private float lastGradNorm;

    /** Makes every parameter of {@code model} trainable; the learning rate stays at {@code options.learningRate()}. */
    public VlmTrainer(Vlm3d model, SftOptions options) {
        this(model, options, Tracker.fixed(options.learningRate()));
    }

    /**
     * Makes every parameter of {@code model} trainable; the learning rate of update {@code n} (counted
     * from 1, as DJL's optimizers count) is {@code learningRate.getNewValue(n)}, so a schedule such as
     * warm-up + cosine decay replaces {@code options.learningRate()}.
     */
    public VlmTrainer(Vlm3d model, SftOptions options, Tracker learningRate) {
        this.model = model;
        this.options = options;
        this.optimizer = Optimizer.adamW().optLearningRateTracker(learningRate)
                .optWeightDecays(options.weightDecay()).build();
        this.random = new Random(options.seed());
        model.setTrainable(true);
    }

    /**
     * One update on {@code batch}: the answer loss plus {@code objectNameWeight} times the object-naming
     * loss of the examples that name their objects; returns the batch's answer loss before the update.
     */
    public float step(List<VlmExample> batch) {
        Map<String, NDArray> parameters = model.parameters();
        try (NDManager scope = model.newScope()) {
            NDArray loss;
            try (GradientCollector collector = Engines.pytorch().newGradientCollector()) {
                VlmOutput out = model.forward(batch, scope);
                loss = out.loss();
                NDArray objective = out.objectNameLoss() == null || options.objectNameWeight() == 0 ? loss
                        : loss.add(out.objectNameLoss().mul(options.objectNameWeight()));
                collector.backward(objective);
            }
            lastGradNorm = GradientUpdate.apply(parameters, optimizer, options.maxGradNorm(), scope);
            steps++;
            return loss.getFloat();
        }
    }

    /**
     * The next {@code size} examples of a seeded shuffled order of {@code data}, reshuffled each time
     * it runs out (so every example is seen once per epoch).
     */
    public List<VlmExample> nextBatch(List<VlmExample> data, int size) {
        if (size <= 0 || data.isEmpty()) {
            throw new IllegalArgumentException("batch size " + size + " of " + data.size()
                    + " examples: need at least one of each");
        }
        List<VlmExample> batch = new ArrayList<>(size);
        while (batch.size() < size) {
            if (order.isEmpty()) {
                for (int i = 0; i < data.size(); i++) {
                    order.add(i);
                }
                java.util.Collections.shuffle(order, random);
            }
            batch.add(data.get(order.remove(order.size() - 1) % data.size()));
        }
        return batch;
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
