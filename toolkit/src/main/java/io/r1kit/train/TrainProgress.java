package io.r1kit.train;

/**
 * What a training run reports while it works: rooms prepared, each step, each held-out loss. The
 * methods are called on the training thread; {@link TextProgress} draws a text bar.
 */
public interface TrainProgress {

    /** {@code done} of {@code total} rooms of {@code phase} ("training rooms", "held-out rooms", "evaluation") are ready. */
    void rooms(String phase, int done, int total);

    /**
     * Step {@code step} (from 1) of {@code steps} is done.
     *
     * @param loss            the batch's answer-token loss before the update
     * @param learningRate    the step's learning rate
     * @param tokensPerSecond tokens (scene + prompt + answer) processed per second of training so far
     * @param etaSeconds      estimated seconds to the last step
     */
    void step(int step, int steps, double loss, double learningRate, double tokensPerSecond, double etaSeconds);

    /**
     * Step {@code step} (from 1) of {@code steps} of a run that reports other figures than a loss (GRPO: reward,
     * the share of tied groups, KL), as {@code name value} pairs in {@code figures}; by default told as a step
     * with no loss.
     */
    default void step(int step, int steps, String figures, double etaSeconds) {
        step(step, steps, Double.NaN, Double.NaN, Double.NaN, etaSeconds);
    }

    /** The held-out loss after step {@code step}. */
    void heldOut(int step, double loss);

    /**
     * The run's curve so far (loss or reward per step, as the run will save it), told after each step and drawn
     * only when {@code chart} is called, so a live display can redraw it as often as it likes and a text bar
     * ignores it.
     */
    default void curve(java.util.function.Supplier<java.awt.image.BufferedImage> chart) {}

    /** Reports nothing. */
    static TrainProgress none() {
        return new TrainProgress() {
            @Override public void rooms(String phase, int done, int total) {}
            @Override public void step(int step, int steps, double loss, double lr, double tps, double eta) {}
            @Override public void heldOut(int step, double loss) {}
        };
    }
}
