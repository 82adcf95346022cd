package io.r1kit.train.grpo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import io.r1kit.model.Engines;
import io.r1kit.model.generate.LogitsRule;
import io.r1kit.model.generate.TokenDecoder;
import io.r1kit.model.vlm.DistinctPointers;
import io.r1kit.model.vlm.SharedAnswers;
import io.r1kit.model.vlm.Vlm3d;
import io.r1kit.model.vlm.VlmExample;
import io.r1kit.model.vlm.VlmOutput;
import io.r1kit.reward.GroupAdvantages;
import io.r1kit.train.AdamW;
import io.r1kit.train.GradientUpdate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * One GRPO step at a time (3D-R1 Sec. 3.2; DeepSeekMath Alg. 1), reading top to bottom:
 * {@link GrpoSampler sample} G outputs per prompt from the current policy → score them with each prompt's
 * rewards, weighted ({@link GrpoRollout}; with dynamic sampling tied groups are replaced) →
 * {@link GroupAdvantages} against the group's mean or its prompt's greedy answer, scaled as the recipe says →
 * reference log-probabilities (no gradient) → μ {@link #update}s of the policy on {@link GrpoLoss} over the outputs
 * whose gradient is not exactly zero ({@link UpdatePasses#withoutSilent}: at β = 0 a tied group is not fed), each an
 * {@link AdamW} step (its state is saved with a checkpoint, so a resumed run continues exactly); with a
 * {@link SupervisedAnchor} each update adds its supervised loss on reference answers to the GRPO loss's gradients.
 *
 * <p>Every log-probability (policy, old, reference) is taken at the sampling temperature, as the sampler
 * drew from it. At μ = 1 the old log-probabilities are the update's own, detached, so the ratio is 1 in
 * value (its gradient is still ∇ log πθ) and no extra pass is made; at μ > 1 they come from one pass before
 * the first update. The reference is the starting checkpoint loaded a second time, never trainable, and
 * is not needed at β = 0.
 *
 * <pre>{@code
 * GrpoTrainer t = new GrpoTrainer(policy, reference, ids -> tokenizer.decodeWithoutSpecial(ids), config);
 * GrpoStepStats s = t.step(prompts);   // s.reward(), s.metric("frac_reward_zero_std"), ...
 * }</pre>
 *
 * <p>Legend: P prompts of the step, G group size, N = P × G outputs, A longest output.
 */
public final class GrpoTrainer {

    private final Vlm3d policy;
    private final Vlm3d reference;
    private final GrpoConfig config;
    private final GrpoSampler sampler;
    private final AdamW optimizer;
    private SupervisedAnchor anchor;
    private int steps;

    /**
     * Trains {@code policy} with AdamW at the recipe's fixed learning rate.
     *
     * @param policy    the model trained; every parameter becomes trainable
     * @param reference the frozen starting model the KL is taken to (same architecture), made untrainable;
     *                  null only when the recipe's β is 0
     * @param text      the text of an output's token ids that the rewards read
     */
    public GrpoTrainer(Vlm3d policy, Vlm3d reference, TokenDecoder text, GrpoConfig config) {
        if (policy == reference) {
            throw new IllegalArgumentException("the reference must be a separate copy of the starting model: "
                    + "load the checkpoint a second time");
        }
        if (reference == null && config.beta() > 0) {
            throw new IllegalArgumentException("beta " + config.beta() + " needs a reference model (or set beta to 0)");
        }
        this.policy = policy;
        this.reference = reference;
        this.config = config;
        this.sampler = new GrpoSampler(policy, text, config);
        this.optimizer = new AdamW(t -> GrpoSchedule.rate(config, t), config.weightDecay(), policy.newScope());
        if (reference != null) {
            reference.setTrainable(false);
        }
        policy.setTrainable(true);
    }

    /** Sample, score, normalise, update; see the class comment. */
    public GrpoStepStats step(List<GrpoPrompt> prompts) {
        return step(prompts, n -> List.of());
    }

    /**
     * A step whose tied groups, under the recipe's dynamic sampling, are replaced by prompts from {@code more}
     * (asked for how many are missing; an empty list ends the search).
     */
    public GrpoStepStats step(List<GrpoPrompt> prompts, IntFunction<List<GrpoPrompt>> more) {
        if (prompts.isEmpty()) {
            throw new IllegalArgumentException("a GRPO step needs at least one prompt");
        }
        steps++;
        long start = System.nanoTime();
        double rate = GrpoSchedule.rate(config, optimizer.steps() + 1);   // the step's first update's
        int g = config.numGenerations();
        GrpoRollout rollout = GrpoRollout.of(prompts, g, config.dynamicSampling(), more,
                (ps, round) -> sampler.generate(ps, sampler.sampling(config.seed() * 1_000_003L + steps
                        + round * 1_000_000_007L)),
                (p, gen) -> sampler.score(p, gen.tokens()), config::weighted,
                baseline());
        GrpoMetrics metrics = GrpoMetrics.of(rollout, g);
        List<VlmExample> supervised = anchor == null ? null : anchor.next();
        if (!rollout.prompts().isEmpty()) {
            double[] r = rollout.rewards();
            double[] advantages = config.greedyBaseline()
                    ? GroupAdvantages.ofGroups(r, g, GroupAdvantages.EPS, config.scaling(), rollout.baselines())
                    : GroupAdvantages.ofGroups(r, g, GroupAdvantages.EPS, config.scaling());
            if (config.gainsOnly()) {
                advantages = GroupAdvantages.gains(advantages);
            }
            List<VlmExample> batch = new ArrayList<>(rollout.outputs().size());
            Set<VlmExample> ruled = Collections.newSetFromMap(new IdentityHashMap<>());   // sampled under the rule
            float[] keep = new float[rollout.outputs().size()];
            for (int i = 0; i < rollout.outputs().size(); i++) {
                GrpoPrompt p = rollout.prompts().get(i / g);
                batch.add(new VlmExample(p.features(), p.prompt(), rollout.outputs().get(i)));
                if (sampler.distinct(p)) {
                    ruled.add(batch.get(i));
                }
                keep[i] = config.maskTruncatedCompletions() && rollout.truncated()[i] ? 0 : 1;
            }
            UpdatePasses passes = UpdatePasses.withoutSilent(batch, keep, advantages,   // zero-gradient rows left out
                    config.perDeviceTrainBatchSize(), config.beta() > 0);
            try (NDManager scope = policy.newScope()) {
                double t = config.temperature();
                List<NDArray> old = new ArrayList<>();     // per pass [n, a]: the sampling policy's, at μ > 1
                List<NDArray> ref = new ArrayList<>();     // per pass [n, a]: the reference model's
                List<LogitsRule> rules = new ArrayList<>(); // per pass: the rule its rows were sampled under, or null
                for (UpdatePasses.Pass pass : passes.passes()) {
                    LogitsRule rule = rule(pass.batch(), ruled);
                    rules.add(rule);
                    old.add(config.numIterations() > 1 ? logProbs(policy, pass.batch(), scope, t, rule) : null);
                    ref.add(reference == null ? null : logProbs(reference, pass.batch(), scope, t, rule));
                }
                for (int u = 0; u < config.numIterations(); u++) {
                    UpdatePasses.Sum sum = UpdatePasses.Sum.of(passes);
                    for (int k = 0; k < passes.passes().size(); k++) {
                        sum.add(update(passes.passes().get(k), passes.whole(), old.get(k), ref.get(k), rules.get(k),
                                scope));
                    }
                    double sft = supervised == null ? Double.NaN : anchor.backward(policy, supervised, scope);
                    float norm;
                    try {
                        norm = GradientUpdate.apply(policy.parameters(), optimizer, (float) config.maxGradNorm(), scope);
                    } catch (GradientUpdate.NonFiniteGradient e) {
                        throw new IllegalStateException(e.getMessage() + "; this update's GRPO loss " + sum.result().loss()
                                + (supervised == null ? "" : anchor.lastPass()), e);
                    }
                    metrics.addUpdate(sum.result(), sum.entropy(), norm, reference != null, sft);
                }
            }
        }
        metrics.finish(rate, (System.nanoTime() - start) / 1e9);
        return new GrpoStepStats(steps, metrics.values());
    }

    /** The sampler and scorer of this trainer's steps (the current policy's outputs). */
    public GrpoSampler sampler() {
        return sampler;
    }

    /** Per-token log-probabilities {@code [N, A]} of the outputs under {@code model} at {@code temperature}, detached. */
    public static NDArray logProbs(Vlm3d model, List<VlmExample> batch, NDManager scope, double temperature) {
        return logProbs(model, batch, scope, temperature, null);
    }

    /** As {@link #logProbs(Vlm3d, List, NDManager, double)}, under {@code rule} (null for none). */
    public static NDArray logProbs(Vlm3d model, List<VlmExample> batch, NDManager scope, double temperature,
                                   LogitsRule rule) {
        return SharedAnswers.forward(model, batch, scope, temperature, false, rule).answerLogProbs().stopGradient();
    }

    /** What each group is compared with: its prompt's greedy answer (above it only, for gains), or null for its mean. */
    private GrpoRollout.Baseline baseline() {
        if (!config.greedyBaseline()) {
            return null;
        }
        return config.gainsOnly() ? GrpoRollout.Baseline.gains(sampler::greedyRewards) : sampler::greedyRewards;
    }

    /** The rule over {@code batch}'s rows that were sampled under it, or null when none was. */
    private LogitsRule rule(List<VlmExample> batch, Set<VlmExample> ruled) {
        boolean[] rows = new boolean[batch.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = ruled.contains(batch.get(i));
        }
        return DistinctPointers.onRows(policy.config(), rows);
    }

    /** {@link #update(UpdatePasses.Pass, GrpoLoss.Whole, NDArray, NDArray, LogitsRule, NDManager)} without a rule. */
    public UpdatePasses.Done update(UpdatePasses.Pass pass, GrpoLoss.Whole whole, NDArray old, NDArray ref,
                                    NDManager parent) {
        return update(pass, whole, old, ref, null, parent);
    }

    /**
     * One pass of an update at the recipe's settings, its loss back-propagated into the policy's parameters'
     * gradients, which add up over the passes of the update (the optimiser step is {@link GradientUpdate#apply}).
     * The pass's tensors are freed when it ends; what it returns are plain numbers.
     *
     * @param whole the update's output and token counts the loss is normalised by
     * @param old   [n, a] log-probs of the policy that sampled, or null to take this pass's own, detached (μ = 1)
     * @param ref   [n, a] log-probs of the reference model, or null at β = 0
     * @param rule  the rule the pass's rows were sampled under ({@link DistinctPointers}), or null for none
     */
    public UpdatePasses.Done update(UpdatePasses.Pass pass, GrpoLoss.Whole whole, NDArray old, NDArray ref,
                                    LogitsRule rule, NDManager parent) {
        try (NDManager scope = parent.newSubManager();
             GradientCollector collector = Engines.pytorch().newGradientCollector()) {
            VlmOutput out = SharedAnswers.forward(policy, pass.batch(), scope, config.temperature(), true, rule);
            NDArray mask = out.answerMask().mul(scope.create(pass.keep()).expandDims(1));             // [n, a]
            NDArray lp = out.answerLogProbs();
            NDArray forking = config.topEntropyQuantile() < 1
                    ? HighEntropyTokens.mask(out.answerEntropy(), mask, config.topEntropyQuantile()) : null;
            GrpoLoss.Result r = GrpoLoss.compute(lp, old == null ? lp.stopGradient() : old, ref,
                    scope.create(pass.advantages()), mask, forking, config.lossOptions(), whole);
            collector.backward(r.loss());
            double tokens = mask.sum().getFloat();
            double entropy = out.answerEntropy().mul(out.answerMask()).sum().getFloat();
            return new UpdatePasses.Done(r.loss().getFloat(), r.meanRatio(), r.lowClip(), r.highClip(), r.meanKl(),
                    tokens, entropy, out.answerMask().sum().getFloat());
        }
    }

    /**
     * Adds {@code anchor}'s supervised loss to every update from the next step on (the recipe's {@code sft_weight});
     * call it before {@link #resume}, which moves its order on to where the saved run stopped.
     */
    public void supervise(SupervisedAnchor anchor) {
        if (steps > 0) {
            throw new IllegalStateException("the supervised anchor joins before the first step or a resume");
        }
        this.anchor = anchor;
    }

    /** Steps made so far. */
    public int steps() {
        return steps;
    }

    /** The optimiser, whose {@link AdamW#state()} a checkpoint saves. */
    public AdamW optimizer() {
        return optimizer;
    }

    /**
     * Continues a saved run: the next step is {@code stepsDone + 1} (its sampling seed follows from it) and the
     * optimiser takes its saved state.
     */
    public void resume(int stepsDone, java.util.Map<String, io.r1kit.model.io.FloatTensor> optimizerState) {
        if (stepsDone < 0) {
            throw new IllegalArgumentException("steps done must be >= 0, got " + stepsDone);
        }
        optimizer.restore(optimizerState, policy.parameters());
        if (anchor != null) {
            anchor.skip(stepsDone);
        }
        steps = stepsDone;
    }
}
