package io.r1kit.train.grpo;

import io.r1kit.Excerpt;
import io.r1kit.task.Task;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The checks of a {@link GrpoConfig}'s {@code rewards} and {@code reward_weights}: every task names rewards that
 * exist and fit it, nothing names a task or a reward the recipe lacks; each failure says what to fix.
 */
final class RecipeRewards {

    private RecipeRewards() {}

    /** The weights, unmodifiable and sorted; every name one of {@code rewards}' and every value finite. */
    static Map<String, Double> checkWeights(Map<String, List<String>> rewards, Map<String, Double> weights) {
        if (weights == null) {
            return Map.of();
        }
        java.util.Set<String> named = new TreeSet<>();
        rewards.values().forEach(named::addAll);
        for (var e : weights.entrySet()) {
            if (!named.contains(e.getKey())) {
                throw new IllegalArgumentException("reward_weights names \"" + Excerpt.of(e.getKey()) + "\", which no task's rewards name "
                        + named + ": remove it or add it to rewards");
            }
            if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                throw new IllegalArgumentException("reward_weights of \"" + Excerpt.of(e.getKey()) + "\" must be a finite number, got "
                        + e.getValue());
            }
        }
        return Collections.unmodifiableMap(new TreeMap<>(weights));
    }

    /** Per task (in {@code tasks}' order) its reward names, checked. */
    static Map<String, List<String>> check(List<Task> tasks, Map<String, List<String>> rewards) {
        if (rewards == null) {
            rewards = Map.of();
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String key : rewards.keySet()) {
            Task.fromSlug(key); // names the known tasks when the key is none
        }
        for (Task t : tasks) {
            List<String> names = rewards.get(t.slug());
            if (names == null || names.isEmpty()) {
                throw new IllegalArgumentException("rewards has none for task " + t.slug() + ": add \"" + t.slug()
                        + "\": [...] with some of " + GrpoRewards.NAMES);
            }
            for (String n : names) {
                if (n == null || n.isBlank()) {
                    throw new IllegalArgumentException("rewards of " + t.slug() + " has an empty name");
                }
                String near = GrpoRewards.near(n);
                if (near != null) {
                    throw new IllegalArgumentException("unknown reward \"" + Excerpt.of(n) + "\" (built in: "
                            + String.join(", ", GrpoRewards.NAMES) + "); did you mean \"" + near + "\"?");
                }
                String why = GrpoRewards.unfit(n, t);
                if (why != null) {
                    throw new IllegalArgumentException("rewards of " + t.slug() + ": " + why + "; remove \"" + n + "\"");
                }
            }
            if (names.stream().distinct().count() != names.size()) {
                throw new IllegalArgumentException("rewards of " + t.slug() + " names a reward twice: " + names);
            }
            String missing = GrpoRewards.incomplete(names, t);
            if (missing != null) {
                throw new IllegalArgumentException("rewards of " + t.slug() + ": " + missing);
            }
            out.put(t.slug(), List.copyOf(names));
        }
        for (String key : rewards.keySet()) {
            if (!out.containsKey(key)) {
                throw new IllegalArgumentException("rewards names task " + key + ", which is not in tasks "
                        + tasks.stream().map(Task::slug).toList() + ": add it to tasks or remove its rewards");
            }
        }
        return java.util.Collections.unmodifiableMap(out);
    }

}
