package io.r1kit.reward;

/**
 * Group-relative advantages of GRPO (DeepSeekMath Sec. 4.1.2, used by 3D-R1 Sec. 3.2): each output's
 * reward minus its group's mean, over the group's standard deviation, {@code Â_i = (r_i - mean(r)) /
 * (std(r) + eps)}, and the same advantage for every token of the output.
 *
 * <p>The standard deviation is the <em>sample</em> one (divisor G - 1), as the reference implementations
 * compute it (PyTorch's {@code Tensor.std} default, used by TRL's GRPO trainer); a group of one output has
 * no spread and gets advantage 0. A group whose rewards are all equal carries no signal about which
 * output is better: its numerator is 0, so its advantages are exactly 0, never NaN.
 *
 * <pre>{@code
 * GroupAdvantages.of(new double[] {1, 0, 0, 1}, GroupAdvantages.EPS);   // about {0.866, -0.866, -0.866, 0.866}
 * }</pre>
 */
public final class GroupAdvantages {

    /** Added to the standard deviation so a group with a tiny spread does not blow up (TRL's value). */
    public static final double EPS = 1e-4;

    private GroupAdvantages() {}

    /** The advantages of one group's rewards. */
    public static double[] of(double[] rewards, double eps) {
        if (rewards.length == 0) {
            throw new IllegalArgumentException("a group needs at least one reward");
        }
        if (!(eps >= 0)) {
            throw new IllegalArgumentException("eps must be >= 0, got " + eps);
        }
        double std = std(rewards, 0, rewards.length);
        double[] out = centred(rewards);
        for (int i = 0; i < out.length; i++) {
            out[i] = out[i] == 0 ? 0 : out[i] / (std + eps);
        }
        return out;
    }

    /**
     * Each reward minus the group's mean; exact zeros when the group ties (a difference below 1e-12 is
     * rounding, not signal), and for a group of one.
     */
    private static double[] centred(double[] rewards) {
        int g = rewards.length;
        double mean = 0;
        for (double r : rewards) {
            mean += r / g;
        }
        boolean ties = std(rewards, 0, g) == 0;
        double[] out = new double[g];
        for (int i = 0; i < g; i++) {
            double c = rewards[i] - mean;
            out[i] = ties || Math.abs(c) < 1e-12 ? 0 : c;
        }
        return out;
    }

    /**
     * How the centred rewards are scaled (TRL's {@code scale_rewards}): by each group's standard deviation
     * (DeepSeekMath), by the standard deviation of the whole batch, or not at all (Dr. GRPO: no bias toward
     * prompts whose groups barely differ).
     */
    public enum Scaling {
        GROUP, BATCH, NONE;

        /** The recipe name: {@code group}, {@code batch}, {@code none}. */
        public String slug() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The scaling a recipe names; the message lists the known names. */
        public static Scaling of(String slug) {
            for (Scaling s : values()) {
                if (s.slug().equals(slug)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("scale_rewards \"" + io.r1kit.Excerpt.of(slug) + "\" is none of [group, batch, none]");
        }
    }

    /**
     * The advantages of consecutive groups: {@code rewards} holds {@code rewards.length / groupSize} groups of
     * {@code groupSize} outputs one after another (prompt 0's outputs, then prompt 1's, ...), each scaled by
     * its group's standard deviation.
     */
    public static double[] ofGroups(double[] rewards, int groupSize, double eps) {
        return ofGroups(rewards, groupSize, eps, Scaling.GROUP);
    }

    /**
     * The advantages of consecutive groups, scaled as {@code scaling} says. Whatever the scaling, an output
     * of a group whose rewards all tie gets exactly 0.
     */
    public static double[] ofGroups(double[] rewards, int groupSize, double eps, Scaling scaling) {
        checkGroups(rewards, groupSize);
        double[] out = new double[rewards.length];
        double batchStd = std(rewards, 0, rewards.length);
        for (int from = 0; from < rewards.length; from += groupSize) {
            double[] group = java.util.Arrays.copyOfRange(rewards, from, from + groupSize);
            double[] centred = centred(group);
            double scale = switch (scaling) {
                case GROUP -> std(group, 0, groupSize) + eps;
                case BATCH -> batchStd + eps;
                case NONE -> 1;
            };
            for (int i = 0; i < groupSize; i++) {
                out[from + i] = centred[i] == 0 ? 0 : centred[i] / scale;
            }
        }
        return out;
    }

    /**
     * The advantages of consecutive groups against a baseline per group instead of the group's mean (ReMax:
     * the reward of the greedy answer to the group's prompt): {@code Â_i = (r_i - b_k) / s}, with {@code s}
     * the standard deviation of the group's rewards together with its baseline (G + 1 values) plus
     * {@code eps} under {@link Scaling#GROUP}, of the whole batch's rewards plus {@code eps} under
     * {@link Scaling#BATCH}, 1 under {@link Scaling#NONE}. An output whose reward equals its baseline gets
     * exactly 0, so a group that ties with its baseline carries no signal; a group whose outputs tie with
     * one another but not with the baseline does.
     *
     * @param baselines one per group, in the groups' order
     */
    public static double[] ofGroups(double[] rewards, int groupSize, double eps, Scaling scaling, double[] baselines) {
        checkGroups(rewards, groupSize);
        if (baselines.length != rewards.length / groupSize) {
            throw new IllegalArgumentException(baselines.length + " baselines for " + rewards.length / groupSize + " groups");
        }
        double[] out = new double[rewards.length];
        double batchStd = std(rewards, 0, rewards.length);
        for (int k = 0; k < baselines.length; k++) {
            int from = k * groupSize;
            double[] withBaseline = java.util.Arrays.copyOfRange(rewards, from, from + groupSize + 1);
            withBaseline[groupSize] = baselines[k];
            double scale = switch (scaling) {
                case GROUP -> std(withBaseline, 0, groupSize + 1) + eps;
                case BATCH -> batchStd + eps;
                case NONE -> 1;
            };
            for (int i = 0; i < groupSize; i++) {
                double c = rewards[from + i] - baselines[k];
                out[from + i] = Math.abs(c) < 1e-12 ? 0 : c / scale;
            }
        }
        return out;
    }

    /**
     * The advantages with every negative one set to 0: only outputs better than their baseline are pushed, and only
     * up (filtered imitation of the outputs that beat the greedy answer, weighted by how far they beat it; no output
     * is pushed down). A new array.
     */
    public static double[] gains(double[] advantages) {
        double[] out = new double[advantages.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.max(0, advantages[i]);
        }
        return out;
    }

    private static void checkGroups(double[] rewards, int groupSize) {
        if (groupSize < 1 || rewards.length % groupSize != 0) {
            throw new IllegalArgumentException(rewards.length + " rewards do not split into groups of " + groupSize);
        }
    }

    /** The sample standard deviation of {@code values[from, to)}; 0 for fewer than two. */
    public static double std(double[] values, int from, int to) {
        int n = to - from;
        if (n < 2) {
            return 0;
        }
        double mean = 0;
        for (int i = from; i < to; i++) {
            mean += values[i] / n;
        }
        double squares = 0;
        for (int i = from; i < to; i++) {
            squares += (values[i] - mean) * (values[i] - mean);
        }
        return Math.sqrt(squares / (n - 1));
    }
}
