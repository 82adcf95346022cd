package io.r1kit.train.grpo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

import java.util.Arrays;

/**
 * The tokens a GRPO update's policy term keeps under TRL's {@code top_entropy_quantile} ρ (Wang et al. 2025,
 * "Beyond the 80/20 Rule"): those whose next-token entropy, at the sampling temperature, is at or above the
 * (1 - ρ) quantile of the entropies of every counted token of the pass. At ρ = 1 every counted token is kept;
 * at ρ = 0 only the tokens of the highest entropy. Most tokens of a confident model are near-certain, and their
 * share of the gradient pushes every output of a group the same way; this keeps the choices where outputs fork.
 *
 * <pre>{@code
 * NDArray keep = HighEntropyTokens.mask(out.answerEntropy(), mask, 0.2);   // about the top fifth
 * GrpoLoss.compute(lp, old, ref, advantages, mask, keep, options, whole);
 * }</pre>
 */
public final class HighEntropyTokens {

    private HighEntropyTokens() {}

    /**
     * @param entropy  [N, A] each position's entropy, detached
     * @param mask     [N, A] 1 on the tokens that count, 0 on padding (and masked outputs)
     * @param quantile ρ in [0, 1], the share of counted tokens to keep (ties at the threshold are all kept)
     * @return [N, A] 1 on kept tokens, 0 elsewhere (all 0 when no token counts), in {@code mask}'s type and manager
     */
    public static NDArray mask(NDArray entropy, NDArray mask, double quantile) {
        if (!(quantile >= 0 && quantile <= 1)) {
            throw new IllegalArgumentException("top_entropy_quantile " + quantile + " is outside [0, 1]; 0.2 is usual");
        }
        if (!entropy.getShape().equals(mask.getShape())) {
            throw new IllegalArgumentException("entropy " + entropy.getShape() + " and mask " + mask.getShape()
                    + " must have one shape");
        }
        float[] h = entropy.toType(DataType.FLOAT32, false).toFloatArray();
        float[] m = mask.toType(DataType.FLOAT32, false).toFloatArray();
        double threshold = threshold(h, m, 1 - quantile);
        float[] keep = new float[h.length];
        for (int i = 0; i < h.length; i++) {
            keep[i] = m[i] > 0 && h[i] >= threshold ? 1f : 0f;
        }
        return mask.getManager().create(keep, mask.getShape()).toType(mask.getDataType(), false);
    }

    /**
     * The {@code q} quantile of the entropies of counted positions, interpolated linearly between order
     * statistics (as {@code torch.quantile} does by default); +∞ when no position counts.
     */
    static double threshold(float[] entropy, float[] mask, double q) {
        double[] counted = new double[entropy.length];
        int n = 0;
        for (int i = 0; i < entropy.length; i++) {
            if (mask[i] > 0) {
                counted[n++] = entropy[i];
            }
        }
        if (n == 0) {
            return Double.POSITIVE_INFINITY;
        }
        Arrays.sort(counted, 0, n);
        double pos = q * (n - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(n - 1, lo + 1);
        return counted[lo] + (counted[hi] - counted[lo]) * (pos - lo);
    }
}
