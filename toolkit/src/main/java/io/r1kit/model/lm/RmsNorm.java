package io.r1kit.model.lm;

import ai.djl.ndarray.NDArray;

/**
 * Root-mean-square layer norm (Zhang and Sennrich 2019): {@code x / sqrt(mean(x^2) + eps) * w},
 * no centring and no bias, as in Qwen2.
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
        NDArray meanSquare = x.square().mean(new int[] {-1}, true); // [..., 1]
        return x.div(meanSquare.add(eps).sqrt()).mul(weight);      // [..., C]
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
