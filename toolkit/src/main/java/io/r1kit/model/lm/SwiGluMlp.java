package io.r1kit.model.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import io.r1kit.model.script.FusedOps;

/**
 * The gated feed-forward block of Qwen2 (SwiGLU, Shazeer 2020, eq. 6):
 * {@code down(silu(gate(x)) * up(x))}, no biases.
 *
 * <p>Shapes: {@code x [B, T, C] -> [B, T, C]} through width F.
 */
public final class SwiGluMlp {

    private final Linear gate;
    private final Linear up;
    private final Linear down;

    SwiGluMlp(Linear gate, Linear up, Linear down) {
        this.gate = gate;
        this.up = up;
        this.down = down;
    }

    /** {@code x [B, T, C] -> [B, T, C]}. */
    public NDArray forward(NDArray x) {
        NDArray g = gate.forward(x);                                            // [B, T, F]
        NDArray activated = FusedOps.pays(g) ? FusedOps.siluMul(g, up.forward(x)) // silu(g) * up x, fused over sequences
                : g.mul(Activation.sigmoid(g)).mul(up.forward(x));                // plain ops on a one-token step
        return down.forward(activated);                                           // [B, T, C]
    }

    /** The projections, in Hugging Face order gate, up, down. */
    Linear[] projections() {
        return new Linear[] {gate, up, down};
    }
}
