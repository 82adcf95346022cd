package io.r1kit.train.grpo;

import io.r1kit.reward.FormatReward;
import io.r1kit.reward.MiniLmEmbedder;
import io.r1kit.reward.PerceptionReward;
import io.r1kit.reward.Reward;
import io.r1kit.reward.RewardSet;
import io.r1kit.reward.RewardTargets;
import io.r1kit.reward.SemanticReward;
import io.r1kit.reward.TextEmbedder;
import io.r1kit.task.Task;

import java.util.List;
import java.util.Objects;

/**
 * The rewards of one GRPO run, by the names a recipe uses ({@link Reward#name()}): {@code "format"}
 * ({@link FormatReward}), {@code "perception"} ({@link PerceptionReward}, 3D IoU of the answered box) and
 * {@code "semantic"} ({@link SemanticReward}, cosine of sentence embeddings of answer and reference).
 * Which task each may score follows {@link RewardTargets}' table: perception needs a target box (grounding,
 * and reasoning whose reference names one), semantic a reference answer (every task but grounding).
 *
 * <p>One instance per run: every prompt's reward set shares one {@link SemanticReward}, so its embedding
 * cache sees a reference once for all the steps that sample it. The semantic reward is made on first
 * request and its encoder (all-MiniLM-L6-v2 by default) loads on its first embedding, so a recipe that does
 * not name {@code "semantic"} never loads it.
 *
 * <pre>{@code
 * GrpoRewards rewards = new GrpoRewards();
 * RewardSet qa = rewards.set(List.of("format", "semantic"));
 * }</pre>
 */
public final class GrpoRewards {

    /** Every name a recipe may use. */
    public static final List<String> NAMES = List.of("format", "perception", "semantic");

    private final TextEmbedder embedder;
    private SemanticReward semantic;

    /** The rewards of a run; the semantic reward embeds with all-MiniLM-L6-v2. */
    public GrpoRewards() {
        this(MiniLmEmbedder.shared());
    }

    /** The rewards of a run whose semantic reward embeds with {@code embedder}. */
    public GrpoRewards(TextEmbedder embedder) {
        this.embedder = Objects.requireNonNull(embedder, "embedder");
    }

    /** The reward named {@code name}; {@code "semantic"} is the same instance on every call. */
    public synchronized Reward of(String name) {
        check(name);
        return switch (name) {
            case "format" -> new FormatReward();
            case "perception" -> new PerceptionReward();
            default -> {
                if (semantic == null) {
                    semantic = new SemanticReward(embedder);
                }
                yield semantic;
            }
        };
    }

    /** The rewards named, summed with equal weight (3D-R1 Sec. 3.2). */
    public RewardSet set(List<String> names) {
        return new RewardSet(names.stream().map(this::of).toList());
    }

    /** Throws when {@code name} is no reward; the message lists the known names. */
    static void check(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown reward \"" + name + "\" (known: " + String.join(", ", NAMES) + ")");
        }
    }

    /** Why {@code name} cannot score {@code task}'s answers ({@link RewardTargets}' table), or null when it can. */
    static String unfit(String name, Task task) {
        if (name.equals("perception") && task != Task.GROUNDING && task != Task.REASONING) {
            return "the perception reward scores an answered box, and only grounding and reasoning targets have one";
        }
        if (name.equals("semantic") && task == Task.GROUNDING) {
            return "the semantic reward compares the answer with a reference text, and a grounding target is a box";
        }
        return null;
    }

    /**
     * Why {@code names} leave some of {@code task}'s prompts with no reward, or null when every prompt gets
     * one: a reasoning target has a box only when its reference answers with one, so perception alone
     * scores none of the others.
     */
    static String incomplete(List<String> names, Task task) {
        if (task == Task.REASONING && names.stream().allMatch("perception"::equals)) {
            return "the perception reward scores only reasoning answers that name a box, so the other reasoning"
                    + " prompts would have no reward; add \"format\" or \"semantic\"";
        }
        return null;
    }
}
