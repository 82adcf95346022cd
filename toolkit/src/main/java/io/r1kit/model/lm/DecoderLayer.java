package io.r1kit.model.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * One pre-norm decoder layer: {@code h = x + attn(norm1(x)); out = h + mlp(norm2(h))}.
 *
 * <p>Shapes: {@code x [B, T, C] -> [B, T, C]}; angles: rotary cos/sin [B, 1, T, D]; mask [B, 1, T, S] or null.
 */
public final class DecoderLayer {

    private final int index;
    private final RmsNorm inputNorm;
    private final Attention attention;
    private final RmsNorm postAttentionNorm;
    private final SwiGluMlp mlp;

    DecoderLayer(int index, RmsNorm inputNorm, Attention attention, RmsNorm postAttentionNorm, SwiGluMlp mlp) {
        this.index = index;
        this.inputNorm = inputNorm;
        this.attention = attention;
        this.postAttentionNorm = postAttentionNorm;
        this.mlp = mlp;
    }

    NDArray forward(NDArray x, NDList angles, NDArray mask, KvCache cache) {
        NDArray h = x.add(attention.forward(inputNorm.forward(x), angles, mask, cache, index));    // [B, T, C]
        return h.add(mlp.forward(postAttentionNorm.forward(h)));                                  // [B, T, C]
    }

    RmsNorm inputNorm() {
        return inputNorm;
    }

    RmsNorm postAttentionNorm() {
        return postAttentionNorm;
    }

    Attention attention() {
        return attention;
    }

    SwiGluMlp mlp() {
        return mlp;
    }
}
