package io.r1kit.model.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import io.r1kit.model.script.FusedOps;

/**
 * Root-mean-square layer norm (Zhang and Sennrich 2019): {@code x / sqrt(mean(x^2) + eps) * w},
 * no centring and no bias, as in Qwen2. A half-precision input is normalised in float32 and cast
 * back before the scale, as transformers' Qwen2RMSNorm does (the mean of squares overflows float16
 * from |x| of about 256); over more than one position per row the division is a multiplication by
 * {@code rsqrt}, as there.
 *
 * <p>Shapes: {@code x [..., C] -> [..., C]}.
 */
public final class RmsNorm {

    private final String name;
    private final NDArray weight;
    private final float eps;

    RmsNorm(String name, NDArray weight, double eps) {
        this.name = name;
        this.weight = weight;
        this.eps = (float) eps;
    }

    /**
     * Normalises the last axis of {@code x}. Over more than one position per row, one fused call
     * ({@link FusedOps#rmsNorm}: fewer passes backward); on a generation step of one token per row, where a call's
     * fixed cost outweighs its few elements, plain ops (equal up to rounding).
     */
    public NDArray forward(NDArray x) {
        if (FusedOps.pays(x)) {
            return FusedOps.rmsNorm(x, weight, eps);                              // [..., C]
        }
        DataType type = x.getDataType();
        NDArray wide = type == DataType.FLOAT32 ? x : x.toType(DataType.FLOAT32, false); // [..., C] float32
        NDArray meanSquare = wide.square().mean(new int[] {-1}, true);               // [..., 1]
        NDArray normed = wide.div(meanSquare.add(eps).sqrt());                        // [..., C]
        return (type == DataType.FLOAT32 ? normed : normed.toType(type, false)).mul(weight);
    }

    /** Hugging Face name of the weight. */
    public String name() {
        return name;
    }

    /** The scale [C] (a parameter). */
    public NDArray weight() {
        return weight;
    }
}
