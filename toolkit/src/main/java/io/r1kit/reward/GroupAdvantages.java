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
        int g = rewards.length;
        double mean = 0;
        for (double r : rewards) {
            mean += r / g;
        }
        double squares = 0;
        for (double r : rewards) {
            squares += (r - mean) * (r - mean);
        }
        double std = g > 1 ? Math.sqrt(squares / (g - 1)) : 0;
        double[] out = new double[g];
        for (int i = 0; i < g; i++) {
            double centred = rewards[i] - mean;
            // all-equal rewards: centred is 0 up to rounding; return exact zeros rather than noise / eps
            out[i] = std == 0 || Math.abs(centred) < 1e-12 ? 0 : centred / (std + eps);
        }
        return out;
    }

    /**
     * The advantages of consecutive groups: {@code rewards} holds {@code rewards.length / groupSize} groups of
     * {@code groupSize} outputs one after another (prompt 0's outputs, then prompt 1's, ...).
     */
    public static double[] ofGroups(double[] rewards, int groupSize, double eps) {
        if (groupSize < 1 || rewards.length % groupSize != 0) {
            throw new IllegalArgumentException(rewards.length + " rewards do not split into groups of " + groupSize);
        }
        double[] out = new double[rewards.length];
        for (int from = 0; from < rewards.length; from += groupSize) {
            double[] group = java.util.Arrays.copyOfRange(rewards, from, from + groupSize);
            System.arraycopy(of(group, eps), 0, out, from, groupSize);
        }
        return out;
    }
}
