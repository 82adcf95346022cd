package io.r1kit.model.lm;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import io.r1kit.model.Engines;
import io.r1kit.model.script.FusedOps;
import io.r1kit.model.script.ScriptArchive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One generation step of the whole decoder (every layer and the final norm, for one new token per row) as a
 * single call into a TorchScript module written by {@link ScriptArchive}: the same arithmetic as the layers'
 * NDArray ops (pre-norm, q/k/v with biases, rotary, grouped-query attention over the cache with the softmax
 * in float32, SwiGLU), with the new keys and values written into the cache's preallocated buffers in place.
 * A step of a small model is some 170 ops, each a bridge crossing of tens of microseconds from Java; in the
 * module they cost what the TorchScript interpreter takes, a few each. No gradient is recorded.
 *
 * <p>Taken only where it applies ({@link #applies}): one token per row, a preallocated cache that already
 * holds the prompt, gradients off (its output is an inference tensor, which autograd refuses to save), no
 * LoRA adapter and Qwen2's biases (q, k, v only). Otherwise the layers run op by op.
 *
 * <p>Legend: B batch, C width, H query heads, K key/value heads, G = H / K, D head size, S cached tokens.
 */
final class ScriptedDecode {

    /**
     * Tensors per layer in the weight list (the script's {@code o = i * 12}): two norms, q/k/v weights and
     * biases, o, gate, up, down.
     */
    static final int PER_LAYER = 12;

    private static final Map<Device, PtSymbolBlock> MODULES = new ConcurrentHashMap<>();

    private static final String SOURCE = """
            def rms(self, x: Tensor, w: Tensor, eps: float) -> Tensor:
              h = x.float()
              h = h * torch.rsqrt(torch.mean(h * h, [-1], True) + eps)
              return w * h.type_as(x)
            def rope(self, x: Tensor, cos: Tensor, sin: Tensor, half: int) -> Tensor:
              swapped = torch.cat([x[:, :, :, half:], x[:, :, :, :half]], -1)
              return x * cos + swapped * sin
            def forward(self, x: Tensor, cos: Tensor, sin: Tensor, mask: Tensor, keys: List[Tensor],
                values: List[Tensor], w: List[Tensor], at: int, heads: int, kv: int, scale: float,
                eps: float) -> Tensor:
              b = x.size(0)
              d = cos.size(3)
              half = d // 2
              g = heads // kv
              s = at + 1
              h = x
              for i in range(len(keys)):
                o = i * 12
                xn = self.rms(h, w[o], eps)
                q = (torch.matmul(xn, w[o + 1]) + w[o + 2]).reshape([b, 1, heads, d]).transpose(1, 2)
                k = (torch.matmul(xn, w[o + 3]) + w[o + 4]).reshape([b, 1, kv, d]).transpose(1, 2)
                v = (torch.matmul(xn, w[o + 5]) + w[o + 6]).reshape([b, 1, kv, d]).transpose(1, 2)
                q = self.rope(q, cos, sin, half) * scale
                k = self.rope(k, cos, sin, half)
                kb = keys[i]
                vb = values[i]
                kb[:, :, at:s, :] = k
                vb[:, :, at:s, :] = v
                ks = kb[:, :, 0:s, :]
                vs = vb[:, :, 0:s, :]
                scores = torch.matmul(q.reshape([b, kv, g, d]), ks.transpose(2, 3)).reshape([b, heads, 1, s]).float()
                if mask.numel() > 0:
                  scores = scores + mask
                p = torch.softmax(scores, -1).type_as(vs).reshape([b, kv, g, s])
                att = torch.matmul(p, vs).reshape([b, heads, 1, d]).transpose(1, 2).reshape([b, 1, heads * d])
                h = h + torch.matmul(att, w[o + 7])
                xn = self.rms(h, w[o + 8], eps)
                up = torch.silu(torch.matmul(xn, w[o + 9])) * torch.matmul(xn, w[o + 10])
                h = h + torch.matmul(up, w[o + 11])
              return self.rms(h, w[len(w) - 1], eps)
            """;

    private ScriptedDecode() {}

    /** Whether the step of {@code t} tokens per row over {@code cache} can run as one call. */
    static boolean applies(List<DecoderLayer> layers, int t, KvCache cache) {
        if (t != 1 || cache == null || !cache.preallocatedFilled() || FusedOps.recording()) {
            return false;
        }
        for (DecoderLayer layer : layers) {
            Linear[] p = layer.attention().projections();
            if (p[0].bias() == null || p[1].bias() == null || p[2].bias() == null || p[3].bias() != null) {
                return false;
            }
            for (Linear l : p) {
                if (l.lora() != null) {
                    return false;
                }
            }
            for (Linear l : layer.mlp().projections()) {
                if (l.lora() != null || l.bias() != null) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The final hidden states [B, 1, C] of one new token per row, in {@code x}'s manager.
     *
     * @param x      the new tokens' embeddings [B, 1, C] in the compute type
     * @param angles rotary cosines and signed sines [B or 1, 1, 1, D]
     * @param mask   the additive mask [B, 1, 1, S], or null when every cached key is visible
     * @param cache  the cache, already advanced by this step's token ({@link KvCache#advance})
     */
    static NDArray hidden(List<DecoderLayer> layers, RmsNorm finalNorm, Qwen2Config config, NDArray x, NDList angles,
                          NDArray mask, KvCache cache) {
        NDManager scope = x.getManager();
        List<PtNDArray> weights = new ArrayList<>(layers.size() * PER_LAYER + 1);
        for (DecoderLayer layer : layers) {
            Linear[] a = layer.attention().projections();
            Linear[] m = layer.mlp().projections();
            add(weights, layer.inputNorm().weight(), a[0].weightT(), a[0].bias(), a[1].weightT(), a[1].bias(),
                    a[2].weightT(), a[2].bias(), a[3].weightT(), layer.postAttentionNorm().weight(), m[0].weightT(),
                    m[1].weightT(), m[2].weightT());
        }
        add(weights, finalNorm.weight());
        NDArray noMask = mask == null ? scope.zeros(new Shape(0)) : mask;
        PtSymbolBlock module = MODULES.computeIfAbsent(x.getDevice(),
                d -> new ScriptArchive("DecodeStep", SOURCE).load(Engines.pytorch().newBaseManager(d)));
        JniUtils.setGraphExecutorOptimize(false); // shapes change every step: no profiling, no re-specialising
        try (IValue ix = IValue.from((PtNDArray) x);
             IValue cos = IValue.from((PtNDArray) angles.get(0));
             IValue sin = IValue.from((PtNDArray) angles.get(1));
             IValue mk = IValue.from((PtNDArray) noMask);
             IValue ks = IValue.listFrom(cache.buffers(true));
             IValue vs = IValue.listFrom(cache.buffers(false));
             IValue ws = IValue.listFrom(weights.toArray(PtNDArray[]::new));
             IValue at = IValue.from((long) cache.length() - 1);
             IValue h = IValue.from((long) config.numAttentionHeads());
             IValue kv = IValue.from((long) config.numKeyValueHeads());
             IValue scale = IValue.from(1.0 / Math.sqrt(config.headDim()));
             IValue eps = IValue.from((double) (float) config.rmsNormEps());
             IValue out = IValueUtils.runMethod(module, "forward", ix, cos, sin, mk, ks, vs, ws, at, h, kv, scale, eps)) {
            return out.toTensor((PtNDManager) scope);
        }
    }

    private static void add(List<PtNDArray> into, NDArray... arrays) {
        for (NDArray a : arrays) {
            into.add((PtNDArray) a);
        }
    }
}
