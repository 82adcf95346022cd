package io.r1kit.reward;

import io.r1kit.task.ReasoningParser;

/**
 * The format reward of 3D-R1 (Sec. 3.2): 1 when the output is {@code <think>...</think><answer>...</answer>}
 * as {@link ReasoningParser} reads it, else 0. {@link #reason} says what is off.
 *
 * <pre>{@code
 * new FormatReward().score("<think>Two.</think><answer>two</answer>", null);  // 1.0
 * new FormatReward().reason("two");                                          // "no <think> tag"
 * }</pre>
 */
public final class FormatReward implements Reward {

    @Override
    public String name() {
        return "format";
    }

    @Override
    public double score(String output, RewardTarget target) {
        return ReasoningParser.parse(output).valid() ? 1.0 : 0.0;
    }

    /** Needs nothing of the target. */
    @Override
    public boolean applies(RewardTarget target) {
        return true;
    }

    /** Why the output is not in the format, or {@code ""} when it is. */
    public String reason(String output) {
        return ReasoningParser.parse(output).reason();
    }
}
