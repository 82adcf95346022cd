package io.r1kit.reward;

import java.util.Objects;

/**
 * The semantic reward of 3D-R1 (Sec. 3.2): the cosine similarity of sentence embeddings of the
 * output's answer (the {@code <answer>} block, else the whole text) and the target's reference
 * answer. It rewards answers that mean what the reference means in other words, where exact match
 * would give 0. Embeddings pass through a {@link CachingEmbedder}, so a group of outputs scored
 * against one reference embeds the reference once.
 *
 * <pre>{@code
 * SemanticReward semantic = new SemanticReward();   // all-MiniLM-L6-v2
 * semantic.score("<think>Brown, wood.</think><answer>a wooden chair that is brown</answer>",
 *         RewardTarget.ofReference("a brown wooden chair"));   // 0.979
 * }</pre>
 */
public final class SemanticReward implements Reward {

    /** How many texts the default cache remembers: a few GRPO groups' worth of references and outputs. */
    public static final int DEFAULT_CACHE = 512;

    private final CachingEmbedder embedder;

    /** The reward over all-MiniLM-L6-v2 ({@link MiniLmEmbedder#shared()}). */
    public SemanticReward() {
        this(MiniLmEmbedder.shared());
    }

    /** The reward over another encoder, cached ({@value #DEFAULT_CACHE} texts). */
    public SemanticReward(TextEmbedder embedder) {
        this(embedder, DEFAULT_CACHE);
    }

    /** The reward over {@code embedder}, remembering the last {@code cacheSize} texts. */
    public SemanticReward(TextEmbedder embedder, int cacheSize) {
        this.embedder = new CachingEmbedder(Objects.requireNonNull(embedder, "embedder"), cacheSize);
    }

    @Override
    public String name() {
        return "semantic";
    }

    @Override
    public double score(String output, RewardTarget target) {
        if (!applies(target)) {
            throw new IllegalArgumentException("the semantic reward needs a reference answer");
        }
        return TextEmbedder.cosine(embedder.embed(Answers.of(output == null ? "" : output)),
                embedder.embed(target.reference()));
    }

    @Override
    public boolean applies(RewardTarget target) {
        return target != null && target.reference() != null;
    }

    /** The cached encoder this reward uses (its size shows the cache at work). */
    public CachingEmbedder embedder() {
        return embedder;
    }
}
