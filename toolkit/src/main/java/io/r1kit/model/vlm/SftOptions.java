package io.r1kit.model.vlm;

/**
 * Settings of {@link VlmTrainer}; immutable, checked on construction. Start from
 * {@link #defaults()} and change a field with a {@code withX} method.
 *
 * <pre>{@code
 * SftOptions o = SftOptions.defaults().withLearningRate(3e-3f);
 * }</pre>
 *
 * @param learningRate AdamW step size
 * @param weightDecay  AdamW's decoupled weight decay
 * @param maxGradNorm  the global L2 norm gradients are clipped to
 * @param seed         seed of the batch order ({@link VlmTrainer#nextBatch})
 * @param objectNameWeight weight of the object-naming loss ({@link VlmOutput#objectNameLoss}) added to the
 *                     answer loss; 0 leaves it out
 */
public record SftOptions(float learningRate, float weightDecay, float maxGradNorm, long seed, float objectNameWeight) {

    public SftOptions {
        if (!(learningRate > 0 && learningRate < 1)) {
            throw new IllegalArgumentException("learningRate " + learningRate + " is outside (0, 1); 1e-4..3e-3 is usual");
        }
        if (!(weightDecay >= 0 && weightDecay < 1)) {
            throw new IllegalArgumentException("weightDecay " + weightDecay + " is outside [0, 1); 0.01 is usual");
        }
        if (!(maxGradNorm > 0)) {
            throw new IllegalArgumentException("maxGradNorm must be > 0, got " + maxGradNorm + "; 1.0 is usual");
        }
        if (!(objectNameWeight >= 0)) {
            throw new IllegalArgumentException("objectNameWeight must be >= 0, got " + objectNameWeight
                    + "; 0 turns the object-naming loss off, 1 is usual");
        }
    }

    /** Learning rate 1e-3, weight decay 0.01, gradients clipped to norm 1, seed 0, object-naming weight 1. */
    public static SftOptions defaults() {
        return new SftOptions(1e-3f, 0.01f, 1f, 0, 1f);
    }

    public SftOptions withLearningRate(float v) {
        return new SftOptions(v, weightDecay, maxGradNorm, seed, objectNameWeight);
    }

    public SftOptions withWeightDecay(float v) {
        return new SftOptions(learningRate, v, maxGradNorm, seed, objectNameWeight);
    }

    public SftOptions withMaxGradNorm(float v) {
        return new SftOptions(learningRate, weightDecay, v, seed, objectNameWeight);
    }

    public SftOptions withSeed(long v) {
        return new SftOptions(learningRate, weightDecay, maxGradNorm, v, objectNameWeight);
    }

    public SftOptions withObjectNameWeight(float v) {
        return new SftOptions(learningRate, weightDecay, maxGradNorm, seed, v);
    }
}
