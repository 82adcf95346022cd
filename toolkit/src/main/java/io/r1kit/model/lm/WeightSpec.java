package io.r1kit.model.lm;

import java.util.ArrayList;
import java.util.List;

/**
 * One tensor of a Qwen2 checkpoint: its Hugging Face name and shape, and whether r1kit keeps it
 * transposed (projection weights are held as [in, out], see {@link Linear}).
 *
 * @param name       Hugging Face name, e.g. {@code model.layers.0.mlp.up_proj.weight}
 * @param shape      shape in the checkpoint file
 * @param transposed whether the in-memory parameter is the transpose of the file's tensor
 * @param kind       what it is, which decides its random initialisation
 */
public record WeightSpec(String name, long[] shape, boolean transposed, Kind kind) {

    /** What a tensor is. */
    public enum Kind { EMBEDDING, PROJECTION, BIAS, NORM }

    public WeightSpec {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** The in-memory shape: the file shape, reversed for transposed projection weights. */
    public long[] parameterShape() {
        return transposed ? new long[] {shape[1], shape[0]} : shape.clone();
    }

    /** Every tensor a checkpoint of {@code c} holds, in Hugging Face order. */
    public static List<WeightSpec> all(Qwen2Config c) {
        long v = c.vocabSize();
        long h = c.hiddenSize();
        long f = c.intermediateSize();
        long q = (long) c.numAttentionHeads() * c.headDim();
        long kv = (long) c.numKeyValueHeads() * c.headDim();
        List<WeightSpec> out = new ArrayList<>();
        out.add(new WeightSpec("model.embed_tokens.weight", new long[] {v, h}, false, Kind.EMBEDDING));
        for (int i = 0; i < c.numHiddenLayers(); i++) {
            String p = "model.layers." + i + ".";
            out.add(new WeightSpec(p + "input_layernorm.weight", new long[] {h}, false, Kind.NORM));
            projection(out, p + "self_attn.q_proj", q, h, true);
            projection(out, p + "self_attn.k_proj", kv, h, true);
            projection(out, p + "self_attn.v_proj", kv, h, true);
            projection(out, p + "self_attn.o_proj", h, q, false);
            out.add(new WeightSpec(p + "post_attention_layernorm.weight", new long[] {h}, false, Kind.NORM));
            projection(out, p + "mlp.gate_proj", f, h, false);
            projection(out, p + "mlp.up_proj", f, h, false);
            projection(out, p + "mlp.down_proj", h, f, false);
        }
        out.add(new WeightSpec("model.norm.weight", new long[] {h}, false, Kind.NORM));
        if (!c.tieWordEmbeddings()) {
            out.add(new WeightSpec("lm_head.weight", new long[] {v, h}, true, Kind.PROJECTION));
        }
        return out;
    }

    private static void projection(List<WeightSpec> out, String prefix, long outDim, long inDim, boolean bias) {
        out.add(new WeightSpec(prefix + ".weight", new long[] {outDim, inDim}, true, Kind.PROJECTION));
        if (bias) {
            out.add(new WeightSpec(prefix + ".bias", new long[] {outDim}, false, Kind.BIAS));
        }
    }

    /** Transposes a row-major [rows, cols] matrix. */
    static float[] transpose(float[] data, int rows, int cols) {
        float[] t = new float[data.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = data[r * cols + c];
            }
        }
        return t;
    }
}
