package io.r1kit.model.generate;

import com.google.gson.Gson;

import java.util.List;
import java.util.Set;

/**
 * How to decode. Immutable; {@link #builder()} holds the defaults, {@link Builder#build()} says
 * what to fix. Round-trips to JSON with {@link #toJson()} / {@link #fromJson(String)}.
 *
 * <pre>{@code
 * GenerationConfig greedy = GenerationConfig.builder().maxNewTokens(32).stopStrings("</answer>").build();
 * GenerationConfig sampled = greedy.toBuilder().sample(true).temperature(0.7).topP(0.9).seed(1).build();
 * }</pre>
 *
 * @param maxNewTokens      tokens to generate at most per row
 * @param sample            false: argmax (greedy); true: draw from the processed distribution
 * @param temperature       logits are divided by it before sampling (ignored by greedy)
 * @param topK              keep only the K most likely tokens when sampling; 0 keeps all
 * @param topP              keep the smallest set of most likely tokens whose probability reaches P; 1 keeps all
 * @param repetitionPenalty CTRL's penalty (Keskar et al. 2019, sec. 4.1) on tokens already in the row; 1 is none
 * @param seed              seed of the sampler, so sampled runs repeat
 * @param stopTokenIds      tokens that end a row (kept in the output), e.g. the end-of-sequence id
 * @param stopStrings       texts that end a row once the decoded output contains them, e.g. {@code </answer>}
 * @param padTokenId        id fed in padding positions (never attended to)
 */
public record GenerationConfig(int maxNewTokens, boolean sample, double temperature, int topK, double topP,
                               double repetitionPenalty, long seed, Set<Integer> stopTokenIds,
                               List<String> stopStrings, int padTokenId) {

    private static final Gson GSON = new Gson();

    public GenerationConfig {
        stopTokenIds = Set.copyOf(stopTokenIds);
        stopStrings = List.copyOf(stopStrings);
        if (maxNewTokens < 1) {
            throw new IllegalArgumentException("maxNewTokens must be >= 1, got " + maxNewTokens);
        }
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be > 0, got " + temperature
                    + " (for deterministic output use sample(false))");
        }
        if (topK < 0) {
            throw new IllegalArgumentException("topK must be >= 0 (0 keeps every token), got " + topK);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("topP must be in (0, 1] (1 keeps every token), got " + topP);
        }
        if (!(repetitionPenalty > 0)) {
            throw new IllegalArgumentException("repetitionPenalty must be > 0 (1 is none), got " + repetitionPenalty);
        }
        if (stopStrings.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("stopStrings must not contain an empty string");
        }
        if (padTokenId < 0) {
            throw new IllegalArgumentException("padTokenId must be >= 0, got " + padTokenId);
        }
    }

    /** Greedy decoding of up to 64 tokens, no penalty, no stops. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxNewTokens = maxNewTokens;
        b.sample = sample;
        b.temperature = temperature;
        b.topK = topK;
        b.topP = topP;
        b.repetitionPenalty = repetitionPenalty;
        b.seed = seed;
        b.stopTokenIds = stopTokenIds;
        b.stopStrings = stopStrings;
        b.padTokenId = padTokenId;
        return b;
    }

    /** This config as one JSON object. */
    public String toJson() {
        return GSON.toJson(this);
    }

    /** The config of {@link #toJson()}'s output; validated like {@link Builder#build()}. */
    public static GenerationConfig fromJson(String json) {
        GenerationConfig c = GSON.fromJson(json, GenerationConfig.class);
        return c.toBuilder().build();
    }

    /** Builds a {@link GenerationConfig}. */
    public static final class Builder {
        private int maxNewTokens = 64;
        private boolean sample = false;
        private double temperature = 1.0;
        private int topK = 0;
        private double topP = 1.0;
        private double repetitionPenalty = 1.0;
        private long seed = 0;
        private Set<Integer> stopTokenIds = Set.of();
        private List<String> stopStrings = List.of();
        private int padTokenId = 0;

        private Builder() {}

        public Builder maxNewTokens(int v) { maxNewTokens = v; return this; }
        public Builder sample(boolean v) { sample = v; return this; }
        public Builder temperature(double v) { temperature = v; return this; }
        public Builder topK(int v) { topK = v; return this; }
        public Builder topP(double v) { topP = v; return this; }
        public Builder repetitionPenalty(double v) { repetitionPenalty = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        public Builder stopTokenIds(Integer... v) { stopTokenIds = Set.of(v); return this; }
        public Builder stopStrings(String... v) { stopStrings = List.of(v); return this; }
        public Builder padTokenId(int v) { padTokenId = v; return this; }

        public GenerationConfig build() {
            return new GenerationConfig(maxNewTokens, sample, temperature, topK, topP, repetitionPenalty, seed,
                    stopTokenIds, stopStrings, padTokenId);
        }
    }
}
