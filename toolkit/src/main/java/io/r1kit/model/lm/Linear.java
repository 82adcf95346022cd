package io.r1kit.model.lm;

import ai.djl.ndarray.NDArray;

/**
 * A dense projection {@code y = x W^T + b} with Hugging Face's weight name and layout.
 *
 * <p>The weight is kept as {@code W^T} (shape [in, out]) so that the activation is always the
 * first operand: DJL puts an op's result in the manager of its first operand, so every
 * intermediate lands in the caller's scoped manager, never in the model's.
 *
 * <p>Shapes: {@code x [..., in] -> y [..., out]}.
 */
public final class Linear {

    private final String name;
    private final NDArray weightT;
    private final NDArray bias;
    private LoraAdapter lora;

    /**
     * @param name    Hugging Face prefix, e.g. {@code model.layers.0.self_attn.q_proj}
     * @param weightT the transposed weight [in, out]
     * @param bias    the bias [out], or null
     */
    Linear(String name, NDArray weightT, NDArray bias) {
        this.name = name;
        this.weightT = weightT;
        this.bias = bias;
    }

    /** {@code x [..., in] -> [..., out]}. */
    public NDArray forward(NDArray x) {
        NDArray y = x.matMul(weightT); // [..., out]
        if (bias != null) {
            y = y.add(bias);
        }
        return lora == null ? y : y.add(lora.forward(x));
    }

    /** The low-rank adapter on this projection, or null. */
    public LoraAdapter lora() {
        return lora;
    }

    void setLora(LoraAdapter adapter) {
        this.lora = adapter;
    }

    /** Hugging Face prefix of this projection's tensors. */
    public String name() {
        return name;
    }

    /** The transposed weight [in, out] (a parameter). */
    public NDArray weightT() {
        return weightT;
    }

    /** The bias [out], or null when this projection has none. */
    public NDArray bias() {
        return bias;
    }
}
