package io.r1kit.train.grpo;

import io.r1kit.cot.Task;
import io.r1kit.reward.FormatReward;
import io.r1kit.reward.PerceptionReward;
import io.r1kit.reward.Reward;
import io.r1kit.reward.RewardSet;

import java.util.List;

/**
 * The rewards a GRPO recipe names, by {@link Reward#name()}: {@code "format"} ({@link FormatReward}) and
 * {@code "perception"} ({@link PerceptionReward}, 3D IoU of the answered box, so for grounding only: the
 * data engine's other tasks answer in words).
 *
 * <pre>{@code
 * RewardSet set = GrpoRewards.set(List.of("perception"));
 * }</pre>
 */
public final class GrpoRewards {

    /** Every name a recipe may use. */
    public static final List<String> NAMES = List.of("format", "perception");

    private GrpoRewards() {}

    /** The reward named {@code name}; the message lists the known names. */
    public static Reward of(String name) {
        return switch (name) {
            case "format" -> new FormatReward();
            case "perception" -> new PerceptionReward();
            default -> throw new IllegalArgumentException("unknown reward \"" + name + "\" (known: "
                    + String.join(", ", NAMES) + ")");
        };
    }

    /** The rewards named, summed with equal weight (3D-R1 Sec. 3.2). */
    public static RewardSet set(List<String> names) {
        return new RewardSet(names.stream().map(GrpoRewards::of).toList());
    }

    /** Why {@code name} cannot score {@code task}'s answers, or null when it can. */
    static String unfit(String name, Task task) {
        if (name.equals("perception") && task != Task.GROUNDING) {
            return "the perception reward scores an answered box, and only grounding answers with one";
        }
        return null;
    }
}
