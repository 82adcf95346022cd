package io.r1kit.train.grpo;

import ai.djl.ndarray.NDArray;

/**
 * The GRPO objective (DeepSeekMath Eq. 3, the objective 3D-R1 Sec. 3.2 optimises), as a loss to minimise:
 *
 * <pre>
 * L = -(1/N) Σ_i (1/|o_i|) Σ_t [ min(ρ_it Â_i, clip(ρ_it, 1-ε, 1+ε) Â_i) - β D_it ]
 * ρ_it = exp(log πθ(o_it) - log πθ_old(o_it))
 * D_it = exp(log π_ref(o_it) - log πθ(o_it)) - (log π_ref(o_it) - log πθ(o_it)) - 1
 * </pre>
 *
 * over the N outputs of a batch (every group of every prompt). {@code D} is Schulman's k3 estimator of
 * KL(πθ || π_ref): unbiased and never negative. Only the new log-probabilities carry a gradient: the old
 * and reference ones and the advantages are detached here, so the gradient reaches the policy only
 * through {@code ρ} and {@code D}. When old = new in value (one update per batch), {@code ρ = 1} but
 * {@code ∇ρ = ∇ log πθ}, so the loss's gradient is the policy gradient {@code -(1/N) Σ Â_i (1/|o_i|) Σ_t ∇ log πθ}.
 *
 * <pre>{@code
 * GrpoLoss.Result r = GrpoLoss.compute(newLogProbs, oldLogProbs, refLogProbs, advantages, mask, 0.2, 0.02);
 * collector.backward(r.loss());
 * }</pre>
 *
 * <p>Legend: N outputs (prompts × group size), A longest output (tokens).
 */
public final class GrpoLoss {

    private GrpoLoss() {}

    /**
     * The loss and what it is made of, each over the batch's output tokens.
     *
     * @param loss            scalar, with gradient to whatever {@code newLogProbs} came from
     * @param meanRatio       mean of ρ over output tokens
     * @param clippedFraction share of output tokens whose term is the clipped one (ρ > 1+ε with Â > 0, or
     *                        ρ < 1-ε with Â < 0): they contribute no gradient through ρ
     * @param meanKl          mean of D over output tokens
     */
    public record Result(NDArray loss, double meanRatio, double clippedFraction, double meanKl) {}

    /**
     * @param newLogProbs [N, A] log πθ of each output token, with gradient
     * @param oldLogProbs [N, A] log πθ_old (the policy that sampled); a constant
     * @param refLogProbs [N, A] log π_ref (the frozen starting model); a constant
     * @param advantages  [N] Â per output ({@link io.r1kit.reward.GroupAdvantages}); a constant
     * @param mask        [N, A] 1 on output tokens, 0 on padding
     * @param epsilon     the clip range ε (0.2 in DeepSeekMath and 3D-R1)
     * @param beta        the KL weight β (0.02 in 3D-R1)
     */
    public static Result compute(NDArray newLogProbs, NDArray oldLogProbs, NDArray refLogProbs, NDArray advantages,
                                 NDArray mask, double epsilon, double beta) {
        long[] shape = newLogProbs.getShape().getShape();
        if (shape.length != 2 || !oldLogProbs.getShape().equals(newLogProbs.getShape())
                || !refLogProbs.getShape().equals(newLogProbs.getShape()) || !mask.getShape().equals(newLogProbs.getShape())
                || advantages.getShape().dimension() != 1 || advantages.getShape().get(0) != shape[0]) {
            throw new IllegalArgumentException("log-probs " + newLogProbs.getShape() + ", old " + oldLogProbs.getShape()
                    + ", reference " + refLogProbs.getShape() + ", mask " + mask.getShape() + " must all be [N, A] and "
                    + "advantages " + advantages.getShape() + " [N]");
        }
        if (!(epsilon > 0 && epsilon < 1) || !(beta >= 0)) {
            throw new IllegalArgumentException("epsilon " + epsilon + " must be in (0, 1) and beta " + beta + " >= 0");
        }
        NDArray old = oldLogProbs.stopGradient();                                          // [N, A]
        NDArray ref = refLogProbs.stopGradient();                                          // [N, A]
        NDArray adv = advantages.stopGradient().expandDims(1);                             // [N, 1]
        NDArray ratio = newLogProbs.sub(old).exp();                                        // [N, A]
        NDArray unclipped = ratio.mul(adv);                                                // [N, A]
        NDArray clipped = ratio.clip(1 - epsilon, 1 + epsilon).mul(adv);                   // [N, A]
        NDArray surrogate = unclipped.minimum(clipped);                                    // [N, A]
        NDArray logRatioRef = ref.sub(newLogProbs);                                        // [N, A]
        NDArray kl = logRatioRef.exp().sub(logRatioRef).sub(1);                            // [N, A] k3 >= 0
        NDArray perToken = surrogate.sub(kl.mul(beta)).mul(mask);                          // [N, A]
        NDArray lengths = mask.sum(new int[] {1});                                         // [N]
        NDArray loss = perToken.sum(new int[] {1}).div(lengths).mean().neg();              // scalar
        // statistics, detached from the graph
        NDArray r = ratio.stopGradient();
        NDArray a = adv.broadcast(r.getShape());
        NDArray clippedTokens = r.gt(1 + epsilon).logicalAnd(a.gt(0))
                .logicalOr(r.lt(1 - epsilon).logicalAnd(a.lt(0))).toType(mask.getDataType(), false).mul(mask);
        float tokens = mask.sum().getFloat();
        return new Result(loss, r.mul(mask).sum().getFloat() / tokens, clippedTokens.sum().getFloat() / tokens,
                kl.stopGradient().mul(mask).sum().getFloat() / tokens);
    }
}
