package io.r1kit.model.lm;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A Qwen2 decoder: token embedding, {@code L} pre-norm decoder layers, final RMSNorm and a tied or
 * untied LM head, computed with NDArray ops on DJL's PyTorch engine in the model's
 * {@link ComputeDtype} (float32, or float16 with float32 norms, attention softmax and logits). A generation
 * step (one new token per row over a preallocated cache) runs every layer in one TorchScript call instead
 * ({@link ScriptedDecode}), the same arithmetic without a bridge crossing per op.
 *
 * <p>The weights live in the model's manager; every forward pass allocates in the manager of its
 * input, so callers scope memory with {@link #newScope()} in try-with-resources. Parameters are
 * plain NDArrays ({@link #parameters()}): {@link #setTrainable(boolean)} makes them collect
 * gradients inside a DJL {@code GradientCollector}.
 *
 * <pre>{@code
 * try (Qwen2Model model = Qwen2Checkpoint.load(dir); NDManager scope = model.newScope()) {
 *     NDArray ids = scope.create(new long[][] {{1, 2, 3}});
 *     NDArray logits = model.forward(ids, null);   // [1, 3, V]
 * }
 * }</pre>
 *
 * <p>Legend: B batch, T tokens in this call, P prefix embeddings, C width, V vocabulary.
 */
public final class Qwen2Model implements AutoCloseable {

    private final Qwen2Config config;
    private final ComputeDtype dtype;
    private final NDManager manager;
    private final Map<String, NDArray> parameters;
    private final NDArray embedding; // [V, C]
    private final List<DecoderLayer> layers;
    private final RmsNorm norm;
    private final Linear lmHead;     // null when tied to the embedding
    private final RotaryEmbedding rotary;

    Qwen2Model(Qwen2Config config, ComputeDtype dtype, NDManager manager, Map<String, NDArray> parameters,
               NDArray embedding, List<DecoderLayer> layers, RmsNorm norm, Linear lmHead) {
        this.config = config;
        this.dtype = dtype;
        this.manager = manager;
        this.parameters = Collections.unmodifiableMap(parameters);
        this.embedding = embedding;
        this.layers = List.copyOf(layers);
        this.norm = norm;
        this.lmHead = lmHead;
        this.rotary = new RotaryEmbedding(config.headDim(), config.ropeTheta(), dtype.dataType(), manager);
    }

    /** The architecture. */
    public Qwen2Config config() {
        return config;
    }

    /**
     * The type weights, activations and the KV cache are held in (never {@link ComputeDtype#AUTO}: that
     * is resolved when the model is loaded).
     */
    public ComputeDtype dtype() {
        return dtype;
    }

    /** The device the weights are on. */
    public Device device() {
        return manager.getDevice();
    }

    /** A manager for one call's arrays, on the model's device; close it to free them. */
    public NDManager newScope() {
        return manager.newSubManager();
    }

    /**
     * The parameters by Hugging Face name. Projection weights are held transposed ([in, out]); see
     * {@link WeightSpec#transposed()}.
     */
    public Map<String, NDArray> parameters() {
        return parameters;
    }

    /** The number of scalar parameters (tied embeddings counted once). */
    public long parameterCount() {
        return parameters.values().stream().mapToLong(a -> a.getShape().size()).sum();
    }

    /** Switches gradient collection on or off for every parameter (off after loading). */
    public void setTrainable(boolean trainable) {
        parameters.values().forEach(p -> p.setRequiresGradient(trainable));
    }

    /** A KV cache for {@code batch} rows whose arrays live under {@code scope}. */
    public KvCache newCache(NDManager scope, int batch) {
        return new KvCache(scope, layers.size(), batch);
    }

    /**
     * A KV cache for {@code batch} rows of at most {@code capacity} tokens each, preallocated and written in
     * place (for generation, where the length is known up front).
     */
    public KvCache newCache(NDManager scope, int batch, int capacity) {
        return new KvCache(scope, layers.size(), batch, capacity);
    }

    /** Token embeddings: {@code ids [B, T]} (int64) -> [B, T, C], in the ids' manager. */
    public NDArray embed(NDArray ids) {
        long[] s = ids.getShape().getShape();
        NDArray flat = ids.toType(DataType.INT64, false).reshape(-1);          // [B*T]
        NDArray rows = embedding.get(ids.getManager(), new NDIndex("{}", flat)); // [B*T, C]
        return rows.reshape(s[0], s[1], config.hiddenSize());                    // [B, T, C]
    }

    /**
     * Splices extra embeddings (e.g. the 3D model's scene tokens) before the tokens':
     * {@code prefix [B, P, C] ++ tokens [B, T, C] -> [B, P+T, C]}, in the prefix's manager and the
     * tokens' type (a float32 prefix is cast for a half-precision model).
     */
    public static NDArray prepend(NDArray prefix, NDArray tokens) {
        NDArray p = prefix.getDataType() == tokens.getDataType() ? prefix : prefix.toType(tokens.getDataType(), false);
        return p.concat(tokens, 1);
    }

    /** Logits for token ids without padding: {@code ids [B, T] -> [B, T, V]}; {@code cache} may be null. */
    public NDArray forward(NDArray ids, KvCache cache) {
        long[] s = ids.getShape().getShape();
        boolean[][] keep = new boolean[(int) s[0]][(int) s[1]];
        for (boolean[] row : keep) {
            Arrays.fill(row, true);
        }
        return logits(hidden(embed(ids), keep, cache));
    }

    /**
     * The final hidden states (after the last norm) for input embeddings.
     *
     * @param embeds [B, T, C], e.g. {@link #embed} or {@link #prepend} of prefix and tokens; cast to
     *               {@link #dtype()} when of another type
     * @param keep   [B][T]: false marks padding, which no token attends to
     * @param cache  past keys and values, extended by this call; null for a one-off pass
     * @return [B, T, C] in the manager of {@code embeds}
     */
    public NDArray hidden(NDArray embeds, boolean[][] keep, KvCache cache) {
        NDManager scope = embeds.getManager();
        long b = embeds.getShape().get(0);
        KvCache c = cache == null ? newCache(scope, (int) b) : cache;
        try {
            int[][] positions = c.advance(keep);
            NDList angles = rotary.angles(scope, positions);                   // cos, signed sin [B or 1, 1, T, D]
            NDArray mask = c.mask(scope, keep[0].length);                      // [B or 1, 1, T, S] or null
            NDArray x = embeds.getDataType() == dtype.dataType()
                    ? embeds : embeds.toType(dtype.dataType(), false);                  // [B, T, C]
            if (ScriptedDecode.applies(layers, keep[0].length, cache)) {
                return ScriptedDecode.hidden(layers, norm, config, x, angles, mask, c);   // one call, [B, 1, C]
            }
            for (DecoderLayer layer : layers) {
                x = layer.forward(x, angles, mask, c);                         // [B, T, C]
            }
            return norm.forward(x);                                            // [B, T, C]
        } finally {
            if (cache == null) {
                c.close();
            }
        }
    }

    /**
     * The LM head: {@code hidden [B, T, C] -> logits [B, T, V]}, always float32. In half precision the
     * product is taken in the compute type and widened after, as transformers does before sampling.
     */
    public NDArray logits(NDArray hidden) {
        NDArray logits;
        if (lmHead != null) {
            logits = lmHead.forward(hidden);
        } else {
            NDArray embeddingT = embedding.transpose();   // [C, V], a view
            embeddingT.attach(hidden.getManager());       // freed with the call, not the model
            logits = hidden.matMul(embeddingT);
        }
        return logits.getDataType() == DataType.FLOAT32 ? logits : logits.toType(DataType.FLOAT32, false);
    }

    /**
     * The values of {@code a} as float32, whatever its type: half-precision arrays are widened in the
     * engine first, so no half-precision buffer is read across the bridge.
     */
    static float[] floats(NDArray a) {
        if (a.getDataType() == DataType.FLOAT32) {
            return a.toFloatArray();
        }
        try (NDArray wide = a.toType(DataType.FLOAT32, false)) {
            return wide.toFloatArray();
        }
    }

    List<DecoderLayer> layers() {
        return layers;
    }

    /** Every projection of every layer, in Hugging Face order (the places LoRA can adapt). */
    List<Linear> projections() {
        List<Linear> out = new java.util.ArrayList<>();
        for (DecoderLayer layer : layers) {
            out.addAll(List.of(layer.attention().projections()));
            out.addAll(List.of(layer.mlp().projections()));
        }
        return out;
    }

    @Override
    public void close() {
        manager.close();
    }
}
