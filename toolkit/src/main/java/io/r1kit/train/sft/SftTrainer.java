package io.r1kit.train.sft;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.r1kit.model.Engines;
import io.r1kit.model.vlm.Vlm3d;
import io.r1kit.model.vlm.VlmExample;
import io.r1kit.model.vlm.VlmOutput;
import io.r1kit.train.Epochs;
import io.r1kit.train.GradientUpdate;

import java.util.List;
import java.util.Map;

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
    private final Optimizer optimizer;
    private final Epochs<VlmExample> order;
    private int steps;
    private float lastGradNorm;

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
        this.optimizer = Optimizer.adamW().optLearningRateTracker(learningRate)
                .optWeightDecays((float) config.weightDecay()).build();
        this.order = new Epochs<>(config.seed());
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
                NDArray objective = out.objectNameLoss() == null || config.objectNameWeight() == 0 ? loss
                        : loss.add(out.objectNameLoss().mul((float) config.objectNameWeight()));
                collector.backward(objective);
            }
            lastGradNorm = GradientUpdate.apply(parameters, optimizer, (float) config.maxGradNorm(), scope);
            steps++;
            return loss.getFloat();
        }
    }

    /**
     * The next {@code size} examples of a seeded shuffled order of {@code data}, reshuffled each time
     * it runs out (so every example is seen once per epoch).
     */
    public List<VlmExample> nextBatch(List<VlmExample> data, int size) {
        return order.next(data, size);
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
