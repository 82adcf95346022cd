package io.r1kit.model.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.r1kit.model.Constants;
import io.r1kit.model.script.FusedOps;

/**
 * Grouped-query self-attention (Ainslie et al. 2023) with rotary positions and a KV cache:
 * H query heads share K key/value heads in groups of G = H / K. Qwen2 has biases on the q, k, v
 * projections and none on the output projection. In half precision the scores are widened to
 * float32 before the mask and the softmax (as transformers' eager attention takes its softmax in
 * float32), then narrowed again for the product with the values. A float32 pass over more than one position
 * per row (training, scoring, a prompt) runs in one kernel ({@link FusedOps#attention}) that never holds the
 * [B, H, T, S] weights; a generation step of one token per row, where they are small, runs the ops below.
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
     * @param angles rotary cosines and signed sines, see {@link RotaryEmbedding#angles}
     * @param mask  additive mask [B, 1, T, S], or null when every key is visible
     * @param cache holds this layer's past keys and values; the new ones are appended
     * @return [B, T, C]
     */
    NDArray forward(NDArray x, NDList angles, NDArray mask, KvCache cache, int layer) {
        NDManager scope = x.getManager();
        long b = x.getShape().get(0);
        long t = x.getShape().get(1);
        int group = heads / kvHeads;
        NDArray qh = q.forward(x).reshape(b, t, heads, headDim).transpose(0, 2, 1, 3);   // [B, H, T, D]
        NDArray kh = k.forward(x).reshape(b, t, kvHeads, headDim).transpose(0, 2, 1, 3); // [B, K, T, D]
        NDArray vh = v.forward(x).reshape(b, t, kvHeads, headDim).transpose(0, 2, 1, 3); // [B, K, T, D]
        // the softmax scale goes on the queries (T x D values, not T x S); exact when D is a power of 4
        qh = Constants.times(RotaryEmbedding.apply(qh, angles), 1.0 / Math.sqrt(headDim));             // [B, H, T, D]
        kh = RotaryEmbedding.apply(kh, angles);
        NDArray[] all = cache.append(layer, kh, vh, scope);                               // 2 x [B, K, S, D]
        NDArray attended = FusedOps.pays(x) && qh.getDataType() == DataType.FLOAT32
                ? FusedOps.attention(qh, all[0], all[1], mask, group) // one kernel, no [B, H, T, S] weights held
                : attend(qh, all, mask, scope);                                            // [B, H, T, D]
        return o.forward(attended.transpose(0, 2, 1, 3).reshape(b, t, (long) heads * headDim)); // [B, T, C]
    }

    /** Softmax attention op by op: queries [B, H, T, D], keys and values 2 x [B, K, S, D]; returns [B, H, T, D]. */
    private NDArray attend(NDArray qh, NDArray[] all, NDArray mask, NDManager scope) {
        long b = qh.getShape().get(0);
        long t = qh.getShape().get(2);
        int group = heads / kvHeads;
        long s = all[0].getShape().get(2);
        // query head h = k G + g reads key/value head k: the G heads of a group share one matrix
        // product with their keys, so the keys and values are never repeated
        NDArray grouped = qh.reshape(b, kvHeads, group * t, headDim);                     // [B, K, G*T, D]
        NDArray keysT = all[0].transpose(0, 1, 3, 2);                                     // [B, K, D, S]
        keysT.attach(scope);
        NDArray scores = grouped.matMul(keysT).reshape(b, heads, t, s);                   // [B, H, T, S]
        DataType type = scores.getDataType();
        if (type != DataType.FLOAT32) {
            scores = scores.toType(DataType.FLOAT32, false); // the mask's -1e9 is -inf in float16
        }
        if (mask != null) {
            scores = scores.add(mask);                                                     // float32 mask
        }
        NDArray weights = scores.softmax(-1);                                              // [B, H, T, S]
        if (type != DataType.FLOAT32) {
            weights = weights.toType(type, false);
        }
        return weights.reshape(b, kvHeads, group * t, s).matMul(all[1])                   // [B, K, G*T, D]
                .reshape(b, heads, t, headDim);                                            // [B, H, T, D]
    }

    /** The projections, in Hugging Face order q, k, v, o. */
    Linear[] projections() {
        return new Linear[] {q, k, v, o};
    }
}
