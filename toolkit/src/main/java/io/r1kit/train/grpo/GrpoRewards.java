package io.r1kit.train.grpo;

import io.r1kit.Excerpt;
import io.r1kit.cot.filter.Levenshtein;
import io.r1kit.cot.tasks.Example;
import io.r1kit.eval.CiderIdf;
import io.r1kit.reward.AnswerReward;
import io.r1kit.reward.FormatReward;
import io.r1kit.reward.MiniLmEmbedder;
import io.r1kit.reward.PerceptionReward;
import io.r1kit.reward.Reward;
import io.r1kit.reward.RewardSet;
import io.r1kit.reward.RewardTargets;
import io.r1kit.reward.SemanticReward;
import io.r1kit.reward.TextEmbedder;
import io.r1kit.scene.gen.SceneGraph;
import io.r1kit.task.Task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rewards of one GRPO run, by the names a recipe uses ({@link Reward#name()}): the paper's three,
 * {@code "format"} ({@link FormatReward}), {@code "perception"} ({@link PerceptionReward}, 3D IoU of the
 * answered box) and {@code "semantic"} ({@link SemanticReward}, cosine of sentence embeddings of answer and
 * reference); four verifiable ones, {@code "answer"} ({@link AnswerReward}, exact match of a QA or dialogue
 * answer), {@code "facts"} ({@link FactReward}, fact accuracy against the room's scene graph),
 * {@code "captions"} ({@link CaptionMatchReward}, a room's captioned boxes matched to its objects) and
 * {@code "cider"} ({@link CiderReward}, CIDEr-D of the answer against the reference, or a room's CIDEr@0.5); and any
 * reward a user writes in Java and {@link #register registers} under its own name.
 * Which task each built-in may score follows {@link RewardTargets}' table ({@link #unfit}).
 *
 * <p>One instance per run: every prompt's reward set shares one {@link SemanticReward}, so its embedding
 * cache sees a reference once for all the steps that sample it. The semantic reward is made on first
 * request and its encoder (all-MiniLM-L6-v2 by default) loads on its first embedding, so a recipe that does
 * not name {@code "semantic"} never loads it.
 *
 * <pre>{@code
 * GrpoRewards rewards = new GrpoRewards().register(myReward);        // recipe: "qa": ["answer", "my-reward"]
 * RewardSet qa = rewards.set(List.of("format", "answer"), example, room.graph());
 * }</pre>
 */
public final class GrpoRewards {

    /** Every built-in name a recipe may use. */
    public static final List<String> NAMES = List.of("format", "perception", "semantic", "answer", "facts", "captions",
            "cider");

    private final TextEmbedder embedder;
    private final Map<String, Reward> custom = new LinkedHashMap<>();
    private SemanticReward semantic;

    /** The rewards of a run; the semantic reward embeds with all-MiniLM-L6-v2. */
    public GrpoRewards() {
        this(MiniLmEmbedder.shared());
    }

    /** The rewards of a run whose semantic reward embeds with {@code embedder}. */
    public GrpoRewards(TextEmbedder embedder) {
        this.embedder = Objects.requireNonNull(embedder, "embedder");
    }

    /**
     * Adds a reward a recipe may name by its {@link Reward#name()}; it scores every prompt of the tasks that
     * name it (its {@link Reward#applies} decides which targets).
     *
     * @return this, for chaining
     * @throws IllegalArgumentException when the name is a built-in one or already registered
     */
    public synchronized GrpoRewards register(Reward reward) {
        String name = Objects.requireNonNull(reward, "reward").name();
        if (name == null || name.isBlank() || NAMES.contains(name) || custom.containsKey(name)) {
            throw new IllegalArgumentException("a reward named \"" + name + "\" cannot be registered: the name must be"
                    + " new (built in: " + String.join(", ", NAMES) + "; registered: " + custom.keySet() + ")");
        }
        custom.put(name, reward);
        return this;
    }

    /**
     * The reward named {@code name} where it needs no prompt ({@code "facts"} does: {@link #set(List, Example,
     * SceneGraph)}); {@code "semantic"} is the same instance on every call.
     */
    public synchronized Reward of(String name) {
        if (custom.containsKey(name)) {
            return custom.get(name);
        }
        check(name);
        return switch (name) {
            case "format" -> new FormatReward();
            case "perception" -> new PerceptionReward();
            case "answer" -> new AnswerReward();
            case "facts", "captions", "cider" -> throw new IllegalArgumentException("the " + name + " reward is made per "
                    + "prompt: use set(names, example, graph" + ("cider".equals(name) ? ", idf)" : ")"));
            default -> {
                if (semantic == null) {
                    semantic = new SemanticReward(embedder);
                }
                yield semantic;
            }
        };
    }

    /** The rewards named, summed; none may be {@code "facts"}, {@code "captions"} or {@code "cider"}. */
    public RewardSet set(List<String> names) {
        return new RewardSet(names.stream().map(this::of).toList());
    }

    /**
     * The rewards named for one prompt: {@code "facts"} and {@code "captions"} check against {@code example}
     * and {@code graph}; none may be {@code "cider"}.
     */
    public RewardSet set(List<String> names, Example example, SceneGraph graph) {
        return set(names, example, graph, null);
    }

    /**
     * The rewards named for one prompt, {@code "cider"} scored under the document frequencies {@code idf}
     * (those of the prompts' reference answers of the example's task; null when the names hold no
     * {@code "cider"}).
     */
    public RewardSet set(List<String> names, Example example, SceneGraph graph, CiderIdf idf) {
        return new RewardSet(names.stream().map(n -> switch (n) {
            case "facts" -> new FactReward(example, graph);
            case "captions" -> new CaptionMatchReward(example, graph);
            case "cider" -> {
                Objects.requireNonNull(idf, "the cider reward needs the document frequencies of the prompts' references");
                yield example.task() == Task.DENSE_CAPTION ? CiderReward.dense(example, graph, idf)
                        : new CiderReward(example.task(), idf);
            }
            default -> of(n);
        }).toList());
    }

    /** Throws when {@code name} is neither built in nor registered; the message lists both. */
    void checkKnown(String name) {
        if (!NAMES.contains(name) && !custom.containsKey(name)) {
            throw new IllegalArgumentException("unknown reward \"" + Excerpt.of(name) + "\" (built in: " + String.join(", ", NAMES)
                    + (custom.isEmpty() ? "" : "; registered: " + String.join(", ", custom.keySet()))
                    + "; register your own with GrpoRewards.register)");
        }
    }

    /**
     * The built-in name {@code name} is a slip of (one or two letters off), or null when it is a built-in name
     * or far from all of them (then it may be a user's reward, checked when the run starts).
     */
    static String near(String name) {
        if (NAMES.contains(name)) {
            return null;
        }
        for (String known : NAMES) {
            if (Levenshtein.distance(name, known) <= 2) {
                return known;
            }
        }
        return null;
    }


    /** Throws when {@code name} is no built-in reward; the message lists the known names. */
    static void check(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown reward \"" + Excerpt.of(name) + "\" (known: " + String.join(", ", NAMES) + ")");
        }
    }

    /**
     * Why the built-in {@code name} cannot score {@code task}'s answers ({@link RewardTargets}' table), or null
     * when it can (a name not built in is a user's reward and may score any task).
     */
    static String unfit(String name, Task task) {
        if (name.equals("perception") && task != Task.GROUNDING && task != Task.REASONING) {
            return "the perception reward scores an answered box, and only grounding and reasoning targets have one";
        }
        if (name.equals("semantic") && task == Task.GROUNDING) {
            return "the semantic reward compares the answer with a reference text, and a grounding target is a box";
        }
        if (name.equals("answer") && task != Task.QA && task != Task.DIALOGUE) {
            return "the answer reward matches a short answer exactly, which only qa and dialogue have";
        }
        if (name.equals("captions") && task != Task.DENSE_CAPTION) {
            return "the captions reward matches a whole room's captioned boxes, which only dense-caption answers have";
        }
        if (name.equals("facts") && task == Task.GROUNDING) {
            return "the facts reward checks what an answer states, and a grounding answer is a box";
        }
        if (name.equals("cider") && task == Task.GROUNDING) {
            return "the cider reward scores an answer's words against its reference, and a grounding answer is a box";
        }
        return null;
    }

    /**
     * Why {@code names} leave some of {@code task}'s prompts with no reward, or null when every prompt gets
     * one: a reasoning target has a box only when its reference answers with one, so perception alone
     * scores none of the others. (A prompt no named reward applies to, such as one whose reference states no
     * fact under {@code "facts"} alone, is left out of the run's prompts: {@link GrpoData}.)
     */
    static String incomplete(List<String> names, Task task) {
        if (task == Task.REASONING && names.stream().allMatch("perception"::equals)) {
            return "the perception reward scores only reasoning answers that name a box, so the other reasoning"
                    + " prompts would have no reward; add \"format\", \"semantic\" or \"facts\"";
        }
        return null;
    }
}
