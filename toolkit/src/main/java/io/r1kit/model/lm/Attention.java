package io.r1kit.model.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Grouped-query self-attention (Ainslie et al. 2023) with rotary positions and a KV cache:
 * H query heads share K key/value heads in groups of G = H / K. Qwen2 has biases on the q, k, v
 * projections and none on the output projection.
 *
 * <p>Legend: B batch, T new tokens, S all tokens (cached + new), C width, H query heads,
 * K key/value heads, G = H / K, D head size.
 */
public final class Attention {

    private final Linear q;
    private final Linear k;
    private final Linear v;
    private final Linear o;
    private final int heads;
    private final int kvHeads;
    private final int headDim;

    Attention(Linear q, Linear k, Linear v, Linear o, Qwen2Config config) {
        this.q = q;
        this.k = k;
        this.v = v;
        this.o = o;
        this.heads = config.numAttentionHeads();
        this.kvHeads = config.numKeyValueHeads();
        this.headDim = config.headDim();
    }

    /**
     * @param x     the normalised hidden states [B, T, C]
     * @param cos   rotary cosines [B, 1, T, D]
     * @param sin   rotary sines [B, 1, T, D]
     * @param mask  additive mask [B, 1, T, S]
     * @param cache holds this layer's past keys and values; the new ones are appended
     * @return [B, T, C]
     */
    NDArray forward(NDArray x, NDArray cos, NDArray sin, NDArray mask, KvCache cache, int layer) {
        NDManager scope = x.getManager();
        long b = x.getShape().get(0);
        long t = x.getShape().get(1);
        NDArray qh = q.forward(x).reshape(b, t, heads, headDim).transpose(0, 2, 1, 3);   // [B, H, T, D]
        NDArray kh = k.forward(x).reshape(b, t, kvHeads, headDim).transpose(0, 2, 1, 3); // [B, K, T, D]
        NDArray vh = v.forward(x).reshape(b, t, kvHeads, headDim).transpose(0, 2, 1, 3); // [B, K, T, D]
        qh = RotaryEmbedding.apply(qh, cos, sin);
        kh = RotaryEmbedding.apply(kh, cos, sin);
        NDArray[] all = cache.append(layer, kh, vh);                                       // 2 x [B, K, S, D]
        NDArray keys = repeatGroups(inScope(all[0].expandDims(2), scope));                 // [B, H, S, D]
        NDArray values = repeatGroups(inScope(all[1].expandDims(2), scope));               // [B, H, S, D]
        NDArray scores = qh.matMul(keys.transpose(0, 1, 3, 2))                             // [B, H, T, S]
                .mul(1.0 / Math.sqrt(headDim)).add(mask);
        NDArray attended = scores.softmax(-1).matMul(values);                              // [B, H, T, D]
        return o.forward(attended.transpose(0, 2, 1, 3).reshape(b, t, (long) heads * headDim)); // [B, T, C]
    }

    /** [B, K, 1, S, D] -> [B, H, S, D]: query head h reads key/value head h / G. */
    private NDArray repeatGroups(NDArray kv) {
        long[] s = kv.getShape().getShape();
        int group = heads / kvHeads;
        return kv.broadcast(s[0], s[1], group, s[3], s[4]).reshape(s[0], heads, s[3], s[4]);
    }

    /** Moves an array derived from a cached one into the step's manager, so it is freed with the step. */
    static NDArray inScope(NDArray a, NDManager scope) {
        a.attach(scope);
        return a;
    }

    /** The projections, in Hugging Face order q, k, v, o. */
    Linear[] projections() {
        return new Linear[] {q, k, v, o};
    }
}
