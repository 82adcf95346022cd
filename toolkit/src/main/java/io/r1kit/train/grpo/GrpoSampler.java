package io.r1kit.train.grpo;

import io.r1kit.model.generate.Generation;
import io.r1kit.model.generate.GenerationConfig;
import io.r1kit.model.generate.TokenDecoder;
import io.r1kit.model.vlm.DistinctPointers;
import io.r1kit.model.vlm.Vlm3d;
import io.r1kit.reward.RewardScore;
import io.r1kit.task.Task;

import java.util.ArrayList;
import java.util.List;

/**
 * The outputs a GRPO step learns from and how they score: G sampled outputs per prompt from the current policy
 * at the recipe's temperature, top-p and per-task length, each prompt's greedy answer when the recipe takes it
 * as the baseline ({@code advantage_baseline: greedy}), and every output's rewards against its prompt's target.
 *
 * <pre>{@code
 * GrpoSampler s = trainer.sampler();
 * List<RewardScore> scores = s.score(prompts, s.sample(prompts, s.sampling(9)));
 * }</pre>
 */
public final class GrpoSampler {

    private final Vlm3d policy;
    private final TokenDecoder text;
    private final GrpoConfig config;

    GrpoSampler(Vlm3d policy, TokenDecoder text, GrpoConfig config) {
        this.policy = policy;
        this.text = text;
        this.config = config;
    }

    /**
     * The sampling settings of a step: the recipe's temperature, top-p and length, stopping at end-of-sequence,
     * seeded with {@code seed} (one seed gives one group of outputs).
     */
    public GenerationConfig sampling(long seed) {
        return LengthBatches.greedy(policy).apply(config.maxCompletionLength()).toBuilder().sample(true)
                .temperature(config.temperature()).topP(config.topP()).seed(seed).build();
    }

    /**
     * G outputs per prompt from the current policy: prompt 0's G, then prompt 1's, ... Each prompt's task takes
     * its recipe limit ({@link GrpoConfig#completionLength}) in place of {@code sampling}'s; prompts of one limit
     * share a batch ({@link LengthBatches}).
     */
    public List<int[]> sample(List<GrpoPrompt> prompts, GenerationConfig sampling) {
        return generate(prompts, sampling).stream().map(Generation::tokens).toList();
    }

    /** As {@link #sample}, with each output's stop reason. */
    List<Generation> generate(List<GrpoPrompt> prompts, GenerationConfig sampling) {
        List<GrpoPrompt> rows = new ArrayList<>();
        for (GrpoPrompt p : prompts) {
            for (int i = 0; i < config.numGenerations(); i++) {
                rows.add(p);                                // one instance per group: its scene is encoded once
            }
        }
        return LengthBatches.generate(policy, rows, config::completionLength,
                n -> sampling.toBuilder().maxNewTokens(n).build(), this::distinct);
    }

    /**
     * The weighted reward ({@link GrpoConfig#weighted}) of each prompt's greedy answer from the current policy,
     * decoded as the evaluation decodes it, in the prompts' order: the baseline of {@code advantage_baseline:
     * greedy}.
     */
    public double[] greedyRewards(List<GrpoPrompt> prompts) {
        List<Generation> answers = LengthBatches.generate(policy, prompts, config::completionLength,
                LengthBatches.greedy(policy), this::distinct);
        double[] out = new double[prompts.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = config.weighted(score(prompts.get(k), answers.get(k).tokens()));
        }
        return out;
    }

    /** Each output's rewards against its prompt's target; {@code outputs} in {@link #sample}'s order. */
    public List<RewardScore> score(List<GrpoPrompt> prompts, List<int[]> outputs) {
        List<RewardScore> out = new ArrayList<>(outputs.size());
        for (int i = 0; i < outputs.size(); i++) {
            out.add(score(prompts.get(i / config.numGenerations()), outputs.get(i)));
        }
        return out;
    }

    /** One output's rewards against its prompt's target; a reward that is not a finite number stops the run. */
    RewardScore score(GrpoPrompt p, int[] output) {
        RewardScore s = p.rewards().score(text.decode(policy.readable(output, p.features())), p.target());
        s.parts().forEach((name, v) -> {
            if (!Double.isFinite(v)) {
                throw new IllegalStateException("the " + name + " reward gave " + v + " for a " + p.task().slug()
                        + " output; a reward must be a finite number");
            }
        });
        return s;
    }

    /** Whether {@code p}'s outputs are sampled and scored under {@link DistinctPointers} (the recipe's dense captions). */
    boolean distinct(GrpoPrompt p) {
        return config.denseDistinctPointers() && p.task() == Task.DENSE_CAPTION;
    }
}
