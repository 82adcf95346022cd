package io.r1kit.magics;

import io.r1kit.train.TextProgress;
import io.r1kit.train.TrainProgress;

import java.awt.image.BufferedImage;
import java.util.function.Supplier;

/**
 * A training run's progress on a {@link LiveProgress}: the rooms being prepared, then each step with its
 * figures (the text bar's words), the last held-out loss, and the run's curve so far beside the bar.
 */
final class LiveTraining implements TrainProgress {

    private final LiveProgress live;
    private String heldOut = "";

    LiveTraining(LiveProgress live) {
        this.live = live;
    }

    @Override
    public void rooms(String phase, int done, int total) {
        live.update(done, total, phase + " " + done + "/" + total);
    }

    @Override
    public void step(int step, int steps, double loss, double learningRate, double tokensPerSecond, double etaSeconds) {
        live.update(step, steps, TextProgress.stepText(step, steps, loss, learningRate, tokensPerSecond, etaSeconds)
                + heldOut);
    }

    @Override
    public void step(int step, int steps, String figures, double etaSeconds) {
        live.update(step, steps, TextProgress.stepText(step, steps, figures, etaSeconds));
    }

    @Override
    public void heldOut(int step, double loss) {
        heldOut = "  (" + TextProgress.heldOutText(step, loss) + ")";
    }

    @Override
    public void curve(Supplier<BufferedImage> chart) {
        live.chart(chart);
    }
}
