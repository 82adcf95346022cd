package io.r1kit.train;

import ai.djl.training.tracker.Tracker;

/**
 * Linear warm-up then cosine decay, the usual schedule of transformer fine-tuning: step {@code s}
 * (from 0) of {@code steps} gets
 * <ul>
 *   <li>{@code peak * (s + 1) / warmup} while {@code s < warmup};</li>
 *   <li>{@code min + (peak - min) * (1 + cos(pi * p)) / 2} after, with {@code p = (s - warmup) / (steps - warmup - 1)}
 *       and {@code min = peak * finalFraction}, so the last step runs at exactly {@code min}.</li>
 * </ul>
 *
 * <pre>{@code
 * var s = new LearningRateSchedule(1e-3, 10, 110, 0.1);
 * s.at(0);    // 1e-4
 * s.at(9);    // 1e-3 (the peak)
 * s.at(109);  // 1e-4 (the floor)
 * }</pre>
 *
 * @param peak          the learning rate at the end of warm-up
 * @param warmup        warm-up steps (0: start at the peak)
 * @param steps         all steps
 * @param finalFraction the last step's rate as a fraction of {@code peak}
 */
public record LearningRateSchedule(double peak, int warmup, int steps, double finalFraction) implements Tracker {

    public LearningRateSchedule {
        if (!(peak > 0) || warmup < 0 || steps <= warmup || !(finalFraction >= 0 && finalFraction <= 1)) {
            throw new IllegalArgumentException("schedule peak " + peak + ", warm-up " + warmup + ", steps " + steps
                    + ", final fraction " + finalFraction + ": need peak > 0, 0 <= warm-up < steps, fraction in 0..1");
        }
    }

    /** The learning rate of step {@code step} (0-based; steps past the end keep the floor). */
    public double at(int step) {
        if (step < warmup) {
            return peak * (step + 1) / warmup;
        }
        double min = peak * finalFraction;
        int decay = steps - warmup - 1;
        double p = decay == 0 ? 1 : Math.min(1.0, (step - warmup) / (double) decay);
        return min + (peak - min) * 0.5 * (1 + Math.cos(Math.PI * p));
    }

    /** DJL's optimisers count updates from 1. */
    @Override
    public float getNewValue(int numUpdate) {
        return (float) at(Math.max(0, numUpdate - 1));
    }
}
