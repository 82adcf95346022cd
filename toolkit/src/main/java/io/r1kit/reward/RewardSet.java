package io.r1kit.reward;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several rewards scored together: each reward that {@link Reward#applies applies} to the target
 * adds its score to the total; one that does not is left out (a QA target with no box gets no
 * perception reward).
 *
 * <pre>{@code
 * RewardSet rewards = RewardSet.of(new FormatReward(), new PerceptionReward());
 * RewardScore s = rewards.score(output, RewardTarget.ofBox(box, bounds));
 * s.total();   // format + perception
 * }</pre>
 */
public record RewardSet(List<Reward> rewards) {

    public RewardSet {
        rewards = List.copyOf(rewards);
        if (rewards.isEmpty()) {
            throw new IllegalArgumentException("a reward set needs at least one reward");
        }
        if (rewards.stream().map(Reward::name).distinct().count() != rewards.size()) {
            throw new IllegalArgumentException("two rewards of the set have the same name");
        }
    }

    public static RewardSet of(Reward... rewards) {
        return new RewardSet(List.of(rewards));
    }

    /** The applicable rewards of {@code output} against {@code target}, and their sum. */
    public RewardScore score(String output, RewardTarget target) {
        Map<String, Double> parts = new LinkedHashMap<>();
        double total = 0;
        for (Reward r : rewards) {
            if (r.applies(target)) {
                double v = r.score(output, target);
                parts.put(r.name(), v);
                total += v;
            }
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("none of the rewards " + rewards.stream().map(Reward::name).toList()
                    + " applies to a target with " + (target == null ? "nothing" : "neither a reference nor a box"));
        }
        return new RewardScore(parts, total);
    }
}
