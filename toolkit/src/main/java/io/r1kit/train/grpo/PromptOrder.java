package io.r1kit.train.grpo;

import io.r1kit.task.Task;
import io.r1kit.train.Epochs;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The order a GRPO run draws its prompts in ({@code task_sampling}). {@code proportional}: every prompt once
 * per pass in a seeded shuffle ({@link Epochs}), so each task comes as often as the rooms ask it (of the seven
 * tasks' prompts about a third are grounding and a quarter QA, against 2% dense captions and 5% plans).
 * {@code balanced}: the tasks in turn (in {@link Task} order, the k-th prompt drawn is of the (k mod m)-th of
 * the m tasks present), each task's prompts once per pass of their own, so every task weighs the same in
 * training as it does in the evaluation's mean over tasks. Either way the order is one seeded stream: drawing
 * n prompts and then m gives what drawing n + m at once gives, which is how a resumed run finds its place.
 *
 * <pre>{@code
 * PromptOrder order = PromptOrder.of(train.prompts(), PromptOrder.Sampling.BALANCED, config.seed());
 * List<GrpoPrompt> step = order.next(8);
 * }</pre>
 */
public final class PromptOrder {

    /** How the tasks share the prompts drawn. */
    public enum Sampling {
        PROPORTIONAL, BALANCED;

        /** The recipe name: {@code proportional} or {@code balanced}. */
        public String slug() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The sampling a recipe names; the message lists the known names. */
        public static Sampling of(String slug) {
            for (Sampling s : values()) {
                if (s.slug().equals(slug)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("task_sampling \"" + io.r1kit.Excerpt.of(String.valueOf(slug))
                    + "\" is none of [proportional, balanced]");
        }
    }

    private final List<List<GrpoPrompt>> pools = new ArrayList<>();
    private final List<Epochs<GrpoPrompt>> orders = new ArrayList<>();
    private long drawn;

    private PromptOrder(List<List<GrpoPrompt>> pools, long seed) {
        for (int i = 0; i < pools.size(); i++) {
            this.pools.add(List.copyOf(pools.get(i)));
            this.orders.add(new Epochs<>(i == 0 ? seed : seed + 0x9E3779B97F4A7C15L * i));
        }
    }

    /**
     * The order of {@code prompts} under {@code sampling}, seeded with {@code seed}.
     *
     * @throws IllegalArgumentException when {@code prompts} is empty
     */
    public static PromptOrder of(List<GrpoPrompt> prompts, Sampling sampling, long seed) {
        if (prompts.isEmpty()) {
            throw new IllegalArgumentException("no prompts to draw from");
        }
        if (sampling == Sampling.PROPORTIONAL) {
            return new PromptOrder(List.of(prompts), seed);
        }
        Map<Task, List<GrpoPrompt>> byTask = new EnumMap<>(Task.class);
        prompts.forEach(p -> byTask.computeIfAbsent(p.task(), t -> new ArrayList<>()).add(p));
        return new PromptOrder(new ArrayList<>(byTask.values()), seed);
    }

    /** The next {@code n} prompts of the stream. */
    public List<GrpoPrompt> next(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("draw at least one prompt, not " + n);
        }
        List<GrpoPrompt> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++, drawn++) {
            int pool = (int) (drawn % pools.size());
            out.add(orders.get(pool).next(pools.get(pool), 1).get(0));
        }
        return out;
    }

    /** How many prompts have been drawn so far. */
    public long drawn() {
        return drawn;
    }
}
