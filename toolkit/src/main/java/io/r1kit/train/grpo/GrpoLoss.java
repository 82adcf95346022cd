package io.r1kit.train.grpo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import io.r1kit.model.Constants;

import java.util.Arrays;
import java.util.Locale;

/**
 * The GRPO objective (DeepSeekMath Eq. 3, the objective 3D-R1 Sec. 3.2 optimises), as a loss to minimise.
 * Per output token
 *
 * <pre>
 * ℓ_it = -min(ρ_it Â_i, clip(ρ_it, 1-ε_low, 1+ε_high) Â_i) + β D_it
 * ρ_it = exp(log πθ(o_it) - log πθ_old(o_it))
 * D_it = exp(log π_ref(o_it) - log πθ(o_it)) - (log π_ref(o_it) - log πθ(o_it)) - 1
 * </pre>
 *
 * and the loss is a masked sum of ℓ normalised as {@link Type} says (TRL's {@code loss_type}). {@code D} is
 * Schulman's k3 estimator of KL(πθ || π_ref): unbiased and never negative. Only the new log-probabilities
 * carry a gradient: the old and reference ones and the advantages are detached here. When old = new in value
 * (one update per batch), {@code ρ = 1} but {@code ∇ρ = ∇ log πθ}, so the gradient is the policy gradient.
 *
 * <pre>{@code
 * GrpoLoss.Result r = GrpoLoss.compute(newLogProbs, oldLogProbs, refLogProbs, advantages, mask,
 *         new GrpoLoss.Options(GrpoLoss.Type.GRPO, 0.2, 0.2, 0.02, 160));
 * collector.backward(r.loss());
 * }</pre>
 *
 * <p>Legend: N outputs (prompts × group size), A longest output (tokens).
 */
public final class GrpoLoss {

    /** How the masked sum of per-token losses is normalised (TRL's {@code loss_type} values). */
    public enum Type {
        /** Each output's mean over its tokens, then the mean over outputs (DeepSeekMath; 3D-R1). */
        GRPO,
        /** Sum over every token of the batch over the batch's token count. */
        BNPO,
        /** Sum over every token over N × {@code max_completion_length} (Dr. GRPO: no length bias). */
        DR_GRPO,
        /** Sum over the step's token count (DAPO); a step here is one batch, so it equals {@link #BNPO}. */
        DAPO;

        /** The recipe name: {@code grpo}, {@code bnpo}, {@code dr_grpo}, {@code dapo}. */
        public String slug() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The type a recipe names; the message lists the known names. */
        public static Type of(String slug) {
            for (Type t : values()) {
                if (t.slug().equals(slug)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("loss_type \"" + io.r1kit.Excerpt.of(slug) + "\" is none of "
                    + Arrays.stream(values()).map(Type::slug).toList());
        }
    }

    /**
     * The objective's settings.
     *
     * @param type                how the token losses are normalised
     * @param epsilonLow          ε_low, the ratio's lower clip 1 - ε_low (TRL's {@code epsilon})
     * @param epsilonHigh         ε_high, the upper clip 1 + ε_high (TRL's {@code epsilon_high}; DAPO raises it)
     * @param beta                β, the weight of the KL to the reference (0 needs no reference)
     * @param maxCompletionLength the length {@link Type#DR_GRPO} divides by
     */
    public record Options(Type type, double epsilonLow, double epsilonHigh, double beta, int maxCompletionLength) {
        public Options {
            if (type == null || !(epsilonLow > 0 && epsilonLow < 1) || !(epsilonHigh > 0) || !(beta >= 0)
                    || maxCompletionLength < 1) {
                throw new IllegalArgumentException("loss options " + type + ", epsilon " + epsilonLow + ", epsilon_high "
                        + epsilonHigh + ", beta " + beta + ", max_completion_length " + maxCompletionLength
                        + ": need a type, 0 < epsilon < 1, epsilon_high > 0, beta >= 0, length >= 1");
            }
        }
    }

    /**
     * The loss and what it is made of, each a mean over the batch's output tokens (TRL's metrics).
     *
     * @param loss       scalar, with gradient to whatever {@code newLogProbs} came from
     * @param meanRatio  mean of ρ
     * @param lowClip    share of tokens with ρ < 1-ε_low and Â < 0 ({@code clip_ratio/low_mean})
     * @param highClip   share of tokens with ρ > 1+ε_high and Â > 0 ({@code clip_ratio/high_mean})
     * @param meanKl     mean of D (0 when β = 0 and no reference was given)
     */
    public record Result(NDArray loss, double meanRatio, double lowClip, double highClip, double meanKl) {

        /** Share of tokens whose term is the clipped one, so no gradient flows through ρ ({@code clip_ratio/region_mean}). */
        public double clippedFraction() {
            return lowClip + highClip;
        }
    }

    /**
     * The counts a loss is normalised by when an update is split into passes ({@link UpdatePasses}): the
     * update's outputs and its counted tokens (mask sum), so each pass's loss is its share of the whole.
     */
    public record Whole(int outputs, double tokens) {
        public Whole {
            if (outputs < 1 || !(tokens >= 0)) {
                throw new IllegalArgumentException("an update has " + outputs + " outputs and " + tokens
                        + " tokens: need at least one output and tokens >= 0");
            }
        }
    }

    private GrpoLoss() {}

    /** The loss of a batch that is the whole update (normalised by its own counts). */
    public static Result compute(NDArray newLogProbs, NDArray oldLogProbs, NDArray refLogProbs, NDArray advantages,
                                 NDArray mask, Options o) {
        return compute(newLogProbs, oldLogProbs, refLogProbs, advantages, mask, o, null);
    }

    /**
     * @param newLogProbs [N, A] log πθ of each output token, with gradient
     * @param oldLogProbs [N, A] log πθ_old (the policy that sampled); a constant
     * @param refLogProbs [N, A] log π_ref (the frozen starting model), a constant; may be null when β = 0
     * @param advantages  [N] Â per output ({@link io.r1kit.reward.GroupAdvantages}); a constant
     * @param mask        [N, A] 1 on output tokens that count, 0 on padding (and on masked truncated outputs)
     * @param whole       the counts of the update this batch is one pass of, or null when it is the whole update
     */
    public static Result compute(NDArray newLogProbs, NDArray oldLogProbs, NDArray refLogProbs, NDArray advantages,
                                 NDArray mask, Options o, Whole whole) {
        return compute(newLogProbs, oldLogProbs, refLogProbs, advantages, mask, null, o, whole);
    }

    /**
     * The loss with the clipped-ratio term kept only on the tokens of {@code policyMask} (TRL's
     * {@code top_entropy_quantile}, {@link HighEntropyTokens}); the KL term and the normalisation still cover
     * every token of {@code mask}.
     *
     * @param policyMask [N, A] 1 on the tokens whose policy term counts, 0 elsewhere; null keeps every token
     */
    public static Result compute(NDArray newLogProbs, NDArray oldLogProbs, NDArray refLogProbs, NDArray advantages,
                                 NDArray mask, NDArray policyMask, Options o, Whole whole) {
        long[] shape = newLogProbs.getShape().getShape();
        if (shape.length != 2 || !oldLogProbs.getShape().equals(newLogProbs.getShape())
                || refLogProbs != null && !refLogProbs.getShape().equals(newLogProbs.getShape())
                || !mask.getShape().equals(newLogProbs.getShape())
                || policyMask != null && !policyMask.getShape().equals(newLogProbs.getShape())
                || advantages.getShape().dimension() != 1 || advantages.getShape().get(0) != shape[0]) {
            throw new IllegalArgumentException("log-probs " + newLogProbs.getShape() + ", old " + oldLogProbs.getShape()
                    + ", reference " + (refLogProbs == null ? "none" : refLogProbs.getShape()) + ", mask "
                    + mask.getShape() + ", policy mask " + (policyMask == null ? "none" : policyMask.getShape())
                    + " must all be [N, A] and advantages " + advantages.getShape() + " [N]");
        }
        if (refLogProbs == null && o.beta() > 0) {
            throw new IllegalArgumentException("beta " + o.beta() + " needs the reference model's log-probs");
        }
        NDArray counts = mask.gt(0);                                                       // [N, A] boolean
        NDArray zero = mask.zerosLike();
        NDArray adv = advantages.stopGradient().expandDims(1);                             // [N, 1]
        // log-ratios are 0 where a token does not count (padding), before any exp: there the two models' log-probs
        // are of no token anyone drew, and a difference past 88 overflows exp to inf, and inf · 0 is NaN
        NDArray ratio = NDArrays.where(counts, newLogProbs.sub(oldLogProbs.stopGradient()), zero).exp(); // [N, A]
        NDArray unclipped = ratio.mul(adv);                                                // [N, A]
        NDArray clipped = ratio.clip(1 - o.epsilonLow(), 1 + o.epsilonHigh()).mul(adv);    // [N, A]
        NDArray perToken = unclipped.minimum(clipped).neg();                               // [N, A]
        if (policyMask != null) {
            perToken = perToken.mul(policyMask);
        }
        NDArray kl = null;
        if (refLogProbs != null) {
            NDArray logRatioRef = NDArrays.where(counts, refLogProbs.stopGradient().sub(newLogProbs), zero); // [N, A]
            kl = logRatioRef.exp().sub(logRatioRef).sub(1);                                // [N, A] k3 >= 0
            if (o.beta() > 0) {
                perToken = perToken.add(Constants.times(kl, o.beta()));
            }
        }
        NDArray masked = perToken.mul(mask);                                               // [N, A]
        float outputs = whole == null ? shape[0] : whole.outputs();
        NDArray loss = switch (o.type()) {
            case GRPO -> Constants.over(masked.sum(new int[] {1}).div(mask.sum(new int[] {1}).maximum(1)).sum(), outputs);
            case BNPO, DAPO -> masked.sum().div(whole == null ? mask.sum().maximum(1)
                    : mask.getManager().create((float) Math.max(1, whole.tokens())));
            case DR_GRPO -> Constants.over(masked.sum(), outputs * o.maxCompletionLength());
        };
        // statistics, detached from the graph
        NDArray r = ratio.stopGradient();
        NDArray a = adv.broadcast(r.getShape());
        float tokens = Math.max(1, mask.sum().getFloat());
        NDArray low = r.lt(1 - o.epsilonLow()).logicalAnd(a.lt(0)).toType(mask.getDataType(), false).mul(mask);
        NDArray high = r.gt(1 + o.epsilonHigh()).logicalAnd(a.gt(0)).toType(mask.getDataType(), false).mul(mask);
        double meanKl = kl == null ? 0 : kl.stopGradient().mul(mask).sum().getFloat() / tokens;
        return new Result(loss, r.mul(mask).sum().getFloat() / tokens, low.sum().getFloat() / tokens,
                high.sum().getFloat() / tokens, meanKl);
    }
}
