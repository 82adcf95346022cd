package io.r1kit.train.grpo;

import io.r1kit.train.LearningRateSchedule;
import io.r1kit.train.RecipeJson;

import java.util.List;

/**
 * The learning rate of each optimiser update of a GRPO run: TRL's {@code lr_scheduler_type} ({@code constant},
 * {@code linear} or {@code cosine}) after a linear warm-up over {@code warmup_ratio} of the updates. A run makes
 * {@code steps × num_iterations} updates; update {@code t} (from 1) is scheduled at {@code s = t − 1}:
 * <ul>
 *   <li>warm-up, {@code s < w} with {@code w = ceil(warmup_ratio × updates)}: {@code lr × (s + 1) / w};</li>
 *   <li>then, with {@code p = (s − w) / (updates − w)} in {@code [0, 1)}: {@code lr} ({@code constant}),
 *       {@code lr × (1 − p)} ({@code linear}) or {@code lr × (1 + cos πp) / 2} ({@code cosine}).</li>
 * </ul>
 * Every update's rate is positive (the last one's is small, not 0; an update past the run's end, as a notebook's
 * own loop may make, keeps the last rate), and the rate of an update depends on the run's length unless the
 * schedule is {@code constant} without warm-up, the only one a finished run may be extended under.
 */
public final class GrpoSchedule {

    /** The values of {@code lr_scheduler_type}. */
    public static final List<String> TYPES = List.of("constant", "linear", "cosine");

    private GrpoSchedule() {
    }

    /** Refuses a schedule name that is none of {@link #TYPES} or a warm-up ratio outside {@code [0, 1)}. */
    static void check(String type, double warmupRatio) {
        RecipeJson.oneOf("lr_scheduler_type", type, TYPES);
        if (!(warmupRatio >= 0 && warmupRatio < 1)) {
            throw new IllegalArgumentException("warmup_ratio " + warmupRatio
                    + " is outside [0, 1); 0 starts at the full learning rate");
        }
    }

    /** Whether the rates depend only on the update, not on how many the run makes ({@code constant}, no warm-up). */
    public static boolean lengthFree(GrpoConfig c) {
        return c.lrSchedulerType().equals("constant") && c.warmupRatio() == 0;
    }

    /** The learning rate of update {@code t} (counted from 1) of a run of recipe {@code c}. */
    public static double rate(GrpoConfig c, long t) {
        if (t < 1) {
            throw new IllegalArgumentException("updates are counted from 1, got " + t);
        }
        long updates = (long) c.steps() * c.numIterations();
        long warm = (long) Math.ceil(c.warmupRatio() * updates);
        int s = (int) (Math.min(t, updates) - 1);    // an update past the run's end keeps the last rate
        // warm-up and cosine as the SFT schedule writes them, over one update more, so the last rate is not 0
        LearningRateSchedule cosine = new LearningRateSchedule(c.learningRate(), (int) warm, (int) updates + 1, 0);
        if (s < warm || c.lrSchedulerType().equals("cosine")) {
            return cosine.at(s);
        }
        double p = (s - warm) / (double) (updates - warm);
        return c.lrSchedulerType().equals("linear") ? c.learningRate() * (1 - p) : c.learningRate();
    }
}
