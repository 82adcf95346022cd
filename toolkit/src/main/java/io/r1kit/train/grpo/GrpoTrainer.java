package io.r1kit.train.grpo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.r1kit.model.Engines;
import io.r1kit.model.generate.Generation;
import io.r1kit.model.generate.GenerationConfig;
import io.r1kit.model.generate.TokenDecoder;
import io.r1kit.model.vlm.SceneFeatures;
import io.r1kit.model.vlm.Vlm3d;
import io.r1kit.model.vlm.VlmExample;
import io.r1kit.model.vlm.VlmOutput;
import io.r1kit.reward.GroupAdvantages;
import io.r1kit.reward.RewardScore;
import io.r1kit.train.GradientUpdate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One GRPO step at a time (3D-R1 Sec. 3.2; DeepSeekMath Alg. 1), reading top to bottom:
 * {@link #sample} G outputs per prompt from the current policy → {@link #score} them with each prompt's
 * rewards → {@link GroupAdvantages} → old and reference log-probabilities ({@link #logProbs}, no gradient)
 * → μ {@link #update}s of the policy on {@link GrpoLoss}.
 *
 * <p>The old log-probabilities are recomputed by the same teacher-forced pass the update runs, not taken
 * from the sampler, so at μ = 1 they equal the new ones exactly and the ratio is 1 in value (its gradient
 * is still ∇ log πθ). Both are at temperature 1: the sampling temperature only shapes exploration. The
 * reference model is the starting checkpoint loaded a second time, never trainable.
 *
 * <pre>{@code
 * GrpoTrainer t = new GrpoTrainer(policy, reference, ids -> tokenizer.decodeWithoutSpecial(ids), config);
 * GrpoStepStats s = t.step(prompts);   // s.meanReward(), s.kl(), ...
 * }</pre>
 *
 * <p>Legend: P prompts of the step, G group size, N = P × G outputs, A longest output.
 */
public final class GrpoTrainer {

    private final Vlm3d policy;
    private final Vlm3d reference;
    private final TokenDecoder text;
    private final GrpoConfig config;
    private final Optimizer optimizer;
    private int steps;

    /** Trains {@code policy} at the recipe's fixed learning rate. */
    public GrpoTrainer(Vlm3d policy, Vlm3d reference, TokenDecoder text, GrpoConfig config) {
        this(policy, reference, text, config, Tracker.fixed((float) config.learningRate()));
    }

    /**
     * @param policy    the model trained; every parameter becomes trainable
     * @param reference the frozen starting model the KL is taken to (same architecture); made untrainable
     * @param text      the text of an output's token ids that the rewards read
     */
    public GrpoTrainer(Vlm3d policy, Vlm3d reference, TokenDecoder text, GrpoConfig config, Tracker learningRate) {
        if (policy == reference) {
            throw new IllegalArgumentException("the reference must be a separate copy of the starting model: "
                    + "load the checkpoint a second time");
        }
        this.policy = policy;
        this.reference = reference;
        this.text = text;
        this.config = config;
        this.optimizer = Optimizer.adamW().optLearningRateTracker(learningRate)
                .optWeightDecays((float) config.weightDecay()).build();
        reference.setTrainable(false);
        policy.setTrainable(true);
    }

    /** Sample, score, normalise, update; see the class comment. */
    public GrpoStepStats step(List<GrpoPrompt> prompts) {
        if (prompts.isEmpty()) {
            throw new IllegalArgumentException("a GRPO step needs at least one prompt");
        }
        steps++;
        long start = System.nanoTime();
        int g = config.groupSize();
        List<int[]> outputs = sample(prompts, sampling(config.seed() * 1_000_003L + steps));
        List<RewardScore> scores = score(prompts, outputs);
        double[] totals = scores.stream().mapToDouble(RewardScore::total).toArray();
        double[] advantages = GroupAdvantages.ofGroups(totals, g, GroupAdvantages.EPS);
        List<VlmExample> batch = new ArrayList<>(outputs.size());
        for (int i = 0; i < outputs.size(); i++) {
            GrpoPrompt p = prompts.get(i / g);
            batch.add(new VlmExample(p.features(), p.prompt(), outputs.get(i)));
        }
        try (NDManager scope = policy.newScope()) {
            NDArray old = logProbs(policy, batch, scope);                                  // [N, A]
            NDArray ref = logProbs(reference, batch, scope);                               // [N, A]
            NDArray adv = scope.create(toFloats(advantages));                              // [N]
            GrpoLoss.Result last = null;
            float gradNorm = 0;
            for (int u = 0; u < config.updatesPerBatch(); u++) {
                last = update(batch, old, ref, adv, scope);
                gradNorm = GradientUpdate.apply(policy.parameters(), optimizer, (float) config.maxGradNorm(), scope);
            }
            long tokens = outputs.stream().mapToLong(o -> o.length).sum();
            return stats(scores, advantages, last, gradNorm, tokens, (System.nanoTime() - start) / 1e9);
        }
    }

    /**
     * The sampling settings of a step: the recipe's temperature, top-p and length, stopping at end-of-sequence,
     * seeded with {@code seed} (one seed gives one group of outputs).
     */
    public GenerationConfig sampling(long seed) {
        GenerationConfig.Builder b = GenerationConfig.builder().sample(true).temperature(config.temperature())
                .topP(config.topP()).maxNewTokens(config.maxNewTokens()).seed(seed);
        int eos = policy.config().decoder().eosTokenId();
        return eos >= 0 ? b.stopTokenIds(eos).build() : b.build();
    }

    /** G outputs per prompt from the current policy, in one batch: prompt 0's G, then prompt 1's, ... */
    public List<int[]> sample(List<GrpoPrompt> prompts, GenerationConfig sampling) {
        List<SceneFeatures> scenes = new ArrayList<>();
        List<int[]> rows = new ArrayList<>();
        for (GrpoPrompt p : prompts) {
            for (int i = 0; i < config.groupSize(); i++) {
                scenes.add(p.features());                   // one instance per group: its scene is encoded once
                rows.add(p.prompt());
            }
        }
        return policy.generate(scenes, rows, sampling, null).stream().map(Generation::tokens).toList();
    }

    /** Each output's rewards against its prompt's target; {@code outputs} in {@link #sample}'s order. */
    public List<RewardScore> score(List<GrpoPrompt> prompts, List<int[]> outputs) {
        List<RewardScore> out = new ArrayList<>(outputs.size());
        for (int i = 0; i < outputs.size(); i++) {
            GrpoPrompt p = prompts.get(i / config.groupSize());
            out.add(p.rewards().score(text.decode(policy.readable(outputs.get(i), p.features())), p.target()));
        }
        return out;
    }

    /** Per-token log-probabilities {@code [N, A]} of the outputs under {@code model}, detached (a constant). */
    public static NDArray logProbs(Vlm3d model, List<VlmExample> batch, NDManager scope) {
        return model.forward(batch, scope).answerLogProbs().stopGradient();
    }

    /**
     * The loss of one update at the recipe's ε and β, back-propagated into the policy's parameters' gradients
     * (the optimiser step is {@link GradientUpdate#apply}).
     *
     * @param old        [N, A] log-probs of the policy that sampled ({@link #logProbs})
     * @param ref        [N, A] log-probs of the reference model
     * @param advantages [N] one per output ({@link GroupAdvantages#ofGroups})
     */
    public GrpoLoss.Result update(List<VlmExample> batch, NDArray old, NDArray ref, NDArray advantages, NDManager scope) {
        try (GradientCollector collector = Engines.pytorch().newGradientCollector()) {
            VlmOutput out = policy.forward(batch, scope);
            GrpoLoss.Result r = GrpoLoss.compute(out.answerLogProbs(), old, ref, advantages, out.answerMask(),
                    config.epsilon(), config.beta());
            collector.backward(r.loss());
            return r;
        }
    }

    private GrpoStepStats stats(List<RewardScore> scores, double[] advantages, GrpoLoss.Result last, float gradNorm,
                                long tokens, double seconds) {
        Map<String, Double> sums = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Double> max = new LinkedHashMap<>();
        double total = 0;
        double best = Double.NEGATIVE_INFINITY;
        for (RewardScore s : scores) {
            total += s.total();
            best = Math.max(best, s.total());
            s.parts().forEach((name, v) -> {
                sums.merge(name, v, Double::sum);
                counts.merge(name, 1, Integer::sum);
                max.merge(name, v, Math::max);
            });
        }
        Map<String, Double> mean = new LinkedHashMap<>();
        sums.forEach((name, v) -> mean.put(name, v / counts.get(name)));
        double absAdvantage = 0;
        for (double a : advantages) {
            absAdvantage += Math.abs(a) / advantages.length;
        }
        return new GrpoStepStats(steps, total / scores.size(), best, mean, max, absAdvantage, last.meanKl(),
                last.clippedFraction(), last.meanRatio(), last.loss().getFloat(), gradNorm, tokens, seconds);
    }

    private static float[] toFloats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    /** Steps made so far. */
    public int steps() {
        return steps;
    }
}
