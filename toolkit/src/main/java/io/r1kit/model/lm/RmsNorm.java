package io.r1kit.model.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * Root-mean-square layer norm (Zhang and Sennrich 2019): {@code x / sqrt(mean(x^2) + eps) * w},
 * no centring and no bias, as in Qwen2. A half-precision input is normalised in float32 and cast
 * back before the scale, as transformers' Qwen2RMSNorm does (the mean of squares overflows float16
 * from |x| of about 256).
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

    /** Normalises the last axis of {@code x}. */
    public NDArray forward(NDArray x) {
        DataType type = x.getDataType();
        if (type == DataType.FLOAT32) {
            NDArray meanSquare = x.square().mean(new int[] {-1}, true); // [..., 1]
            return x.div(meanSquare.add(eps).sqrt()).mul(weight);      // [..., C]
        }
        NDArray wide = x.toType(DataType.FLOAT32, false);                    // [..., C] float32
        NDArray meanSquare = wide.square().mean(new int[] {-1}, true);       // [..., 1]
        return wide.div(meanSquare.add(eps).sqrt()).toType(type, false).mul(weight); // [..., C]
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
