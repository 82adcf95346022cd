package io.r1kit.model.lm;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.r1kit.Excerpt;
import io.r1kit.JsonFields;
import io.r1kit.StrictJson;
import io.r1kit.model.io.CheckpointException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shape of a Qwen2 decoder, as in a Hugging Face {@code config.json} with
 * {@code "model_type": "qwen2"}. Immutable; {@link #builder()} holds the defaults (those of
 * Hugging Face's {@code Qwen2Config}) in one place and {@link Builder#build()} explains what is wrong.
 *
 * <pre>{@code
 * Qwen2Config c = Qwen2Config.builder().vocabSize(256).hiddenSize(64).intermediateSize(128)
 *         .layers(2).heads(4).kvHeads(2).build();
 * }</pre>
 *
 * @param vocabSize             rows of the token embedding (and of the LM head)
 * @param hiddenSize            width C of the residual stream
 * @param intermediateSize      width of the SwiGLU MLP
 * @param numHiddenLayers       decoder layers
 * @param numAttentionHeads     query heads H; C must be a multiple of H
 * @param numKeyValueHeads      key/value heads K of grouped-query attention; H must be a multiple of K
 * @param rmsNormEps            epsilon inside RMSNorm's square root
 * @param ropeTheta             base of the rotary frequencies
 * @param maxPositionEmbeddings longest sequence the model was trained for (generation stops there)
 * @param tieWordEmbeddings     whether the LM head reuses the token embedding matrix
 * @param bosTokenId            beginning-of-sequence id, or -1 when the config has none
 * @param eosTokenId            end-of-sequence id, or -1 when the config has none
 */
public record Qwen2Config(int vocabSize, int hiddenSize, int intermediateSize, int numHiddenLayers,
                          int numAttentionHeads, int numKeyValueHeads, double rmsNormEps, double ropeTheta,
                          int maxPositionEmbeddings, boolean tieWordEmbeddings, int bosTokenId, int eosTokenId) {

    /** Largest config.json read. */
    private static final long MAX_FILE = 1L << 20;
    /** Bounds of the sizes read from a file, far above any real Qwen2. */
    private static final int MAX_VOCAB = 1 << 24;
    private static final int MAX_WIDTH = 1 << 18;
    private static final int MAX_COUNT = 1 << 12;
    private static final int MAX_POSITIONS = 1 << 24;

    /** The only {@code model_type} this config reads. */
    public static final String MODEL_TYPE = "qwen2";

    public Qwen2Config {
        positive("vocab_size", vocabSize);
        positive("hidden_size", hiddenSize);
        positive("intermediate_size", intermediateSize);
        positive("num_hidden_layers", numHiddenLayers);
        positive("num_attention_heads", numAttentionHeads);
        positive("num_key_value_heads", numKeyValueHeads);
        positive("max_position_embeddings", maxPositionEmbeddings);
        if (hiddenSize % numAttentionHeads != 0) {
            throw new IllegalArgumentException("hidden_size " + hiddenSize + " is not a multiple of num_attention_heads "
                    + numAttentionHeads + ": pick heads that divide the width");
        }
        if ((hiddenSize / numAttentionHeads) % 2 != 0) {
            throw new IllegalArgumentException("head size " + hiddenSize / numAttentionHeads
                    + " is odd: rotary embeddings rotate pairs, so hidden_size / num_attention_heads must be even");
        }
        if (numAttentionHeads % numKeyValueHeads != 0) {
            throw new IllegalArgumentException("num_attention_heads " + numAttentionHeads
                    + " is not a multiple of num_key_value_heads " + numKeyValueHeads
                    + ": each key/value head serves a whole group of query heads");
        }
        if (!(rmsNormEps > 0)) {
            throw new IllegalArgumentException("rms_norm_eps must be > 0, got " + rmsNormEps);
        }
        if (!(ropeTheta > 0)) {
            throw new IllegalArgumentException("rope_theta must be > 0, got " + ropeTheta);
        }
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, got " + value);
        }
    }

    /** Size D of one attention head: {@code hiddenSize / numAttentionHeads}. */
    public int headDim() {
        return hiddenSize / numAttentionHeads;
    }

    /** Query heads per key/value head. */
    public int groupSize() {
        return numAttentionHeads / numKeyValueHeads;
    }

    /** A builder with Hugging Face's Qwen2 defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        return new Builder().vocabSize(vocabSize).hiddenSize(hiddenSize).intermediateSize(intermediateSize)
                .layers(numHiddenLayers).heads(numAttentionHeads).kvHeads(numKeyValueHeads).rmsNormEps(rmsNormEps)
                .ropeTheta(ropeTheta).maxPositions(maxPositionEmbeddings).tieWordEmbeddings(tieWordEmbeddings)
                .bosTokenId(bosTokenId).eosTokenId(eosTokenId);
    }

    /** Reads {@code config.json} (a file, or the checkpoint directory holding it). */
    public static Qwen2Config read(Path path) throws IOException {
        Path file = Files.isDirectory(path) ? path.resolve("config.json") : path;
        if (!Files.isRegularFile(file)) {
            throw new CheckpointException(file, "not found (a checkpoint directory needs config.json)");
        }
        try {
            return fromJson(JsonFields.object(StrictJson.read(file, MAX_FILE), "the file"));
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(file, e.getMessage());
        }
    }

    /**
     * The config of a parsed {@code config.json} object; unknown keys are ignored. Each key must have its type
     * and lie within bounds far above any real Qwen2 (so a damaged file cannot ask for terabytes).
     *
     * @throws IllegalArgumentException one line naming the key and what it holds
     */
    public static Qwen2Config fromJson(JsonObject o) {
        String type = JsonFields.string(o, "model_type", "(none)");
        if (!type.equals(MODEL_TYPE)) {
            throw new IllegalArgumentException("model_type is " + Excerpt.of(type) + ", r1kit reads " + MODEL_TYPE);
        }
        unsupported(o, "use_sliding_window", "sliding-window attention is not implemented; set it to false");
        unsupported(o, "rope_scaling", "scaled rotary embeddings are not implemented; remove rope_scaling");
        String act = JsonFields.string(o, "hidden_act", "silu");
        if (!act.equals("silu")) {
            throw new IllegalArgumentException("hidden_act " + Excerpt.of(act) + " is not supported: Qwen2's MLP uses silu");
        }
        Builder d = builder(); // defaults for absent keys
        Builder b = builder();
        b.vocabSize(JsonFields.integer(o, "vocab_size", 1, MAX_VOCAB, d.vocabSize))
                .hiddenSize(JsonFields.integer(o, "hidden_size", 1, MAX_WIDTH, d.hiddenSize))
                .intermediateSize(JsonFields.integer(o, "intermediate_size", 1, MAX_WIDTH, d.intermediateSize))
                .layers(JsonFields.integer(o, "num_hidden_layers", 1, MAX_COUNT, d.layers))
                .heads(JsonFields.integer(o, "num_attention_heads", 1, MAX_COUNT, d.heads));
        b.kvHeads(JsonFields.integer(o, "num_key_value_heads", 1, MAX_COUNT, b.heads));
        if (JsonFields.has(o, "head_dim")) {
            int hd = JsonFields.integer(o, "head_dim", 1, MAX_WIDTH, 0);
            if ((long) hd * b.heads != b.hiddenSize) {
                throw new IllegalArgumentException("head_dim " + hd + " x num_attention_heads " + b.heads
                        + " differs from hidden_size: r1kit needs head_dim = hidden_size / num_attention_heads");
            }
        }
        b.rmsNormEps(JsonFields.number(o, "rms_norm_eps", Double.MIN_VALUE, 1, d.rmsNormEps))
                .ropeTheta(ropeTheta(o, d.ropeTheta))
                .maxPositions(JsonFields.integer(o, "max_position_embeddings", 1, MAX_POSITIONS, d.maxPositions))
                .tieWordEmbeddings(JsonFields.bool(o, "tie_word_embeddings", d.tieWordEmbeddings))
                .bosTokenId(tokenId(o, "bos_token_id", b.vocabSize)).eosTokenId(tokenId(o, "eos_token_id", b.vocabSize));
        return b.build();
    }

    /** This config as a {@code config.json} object that Hugging Face transformers also loads. */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        com.google.gson.JsonArray arch = new com.google.gson.JsonArray();
        arch.add("Qwen2ForCausalLM");
        o.add("architectures", arch);
        o.addProperty("model_type", MODEL_TYPE);
        o.addProperty("vocab_size", vocabSize);
        o.addProperty("hidden_size", hiddenSize);
        o.addProperty("intermediate_size", intermediateSize);
        o.addProperty("num_hidden_layers", numHiddenLayers);
        o.addProperty("num_attention_heads", numAttentionHeads);
        o.addProperty("num_key_value_heads", numKeyValueHeads);
        o.addProperty("hidden_act", "silu");
        o.addProperty("rms_norm_eps", rmsNormEps);
        o.addProperty("rope_theta", ropeTheta);
        o.addProperty("max_position_embeddings", maxPositionEmbeddings);
        o.addProperty("tie_word_embeddings", tieWordEmbeddings);
        o.addProperty("use_sliding_window", false);
        if (bosTokenId >= 0) {
            o.addProperty("bos_token_id", bosTokenId);
        }
        if (eosTokenId >= 0) {
            o.addProperty("eos_token_id", eosTokenId);
        }
        o.addProperty("torch_dtype", "float32");
        return o;
    }

    /** Writes {@link #toJson()} to {@code file}, pretty-printed. */
    public void write(Path file) throws IOException {
        Files.writeString(file, new GsonBuilder().setPrettyPrinting().create().toJson(toJson()));
    }

    private static void unsupported(JsonObject o, String key, String why) {
        JsonElement e = o.get(key);
        if (e != null && !e.isJsonNull() && !(e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean()
                && !e.getAsBoolean())) {
            throw new IllegalArgumentException(key + " = " + JsonFields.show(e) + ": " + why);
        }
    }

    /** {@code rope_theta}, top level (transformers 4) or inside {@code rope_parameters} (transformers 5). */
    private static double ropeTheta(JsonObject o, double fallback) {
        double top = JsonFields.number(o, "rope_theta", Double.MIN_VALUE, Double.MAX_VALUE, fallback);
        if (JsonFields.has(o, "rope_parameters")) {
            JsonObject rope = JsonFields.object(o.get("rope_parameters"), "rope_parameters");
            String type = JsonFields.string(rope, "rope_type", "default");
            if (!type.equals("default")) {
                throw new IllegalArgumentException("rope_parameters.rope_type " + Excerpt.of(type)
                        + " is not implemented: r1kit's rotary embedding is the default one");
            }
            return JsonFields.number(rope, "rope_theta", Double.MIN_VALUE, Double.MAX_VALUE, top);
        }
        return top;
    }

    /** A token id below {@code vocabSize}; Qwen2 configs may list several end ids, of which the first is used. */
    private static int tokenId(JsonObject o, String key, int vocabSize) {
        if (!JsonFields.has(o, key)) {
            return -1;
        }
        JsonElement e = o.get(key);
        if (e.isJsonArray()) {
            int[] ids = JsonFields.integers(o, key, 0, vocabSize - 1, 64);
            return ids.length == 0 ? -1 : ids[0];
        }
        return JsonFields.integer(e, key, 0, vocabSize - 1);
    }

    /** Builds a {@link Qwen2Config}; every field starts at Hugging Face's Qwen2 default. */
    public static final class Builder {
        private int vocabSize = 151936;
        private int hiddenSize = 4096;
        private int intermediateSize = 22016;
        private int layers = 32;
        private int heads = 32;
        private int kvHeads = 32;
        private double rmsNormEps = 1e-6;
        private double ropeTheta = 10000.0;
        private int maxPositions = 32768;
        private boolean tieWordEmbeddings = false;
        private int bosTokenId = -1;
        private int eosTokenId = -1;

        private Builder() {}

        public Builder vocabSize(int v) { vocabSize = v; return this; }
        public Builder hiddenSize(int v) { hiddenSize = v; return this; }
        public Builder intermediateSize(int v) { intermediateSize = v; return this; }
        public Builder layers(int v) { layers = v; return this; }
        public Builder heads(int v) { heads = v; return this; }
        public Builder kvHeads(int v) { kvHeads = v; return this; }
        public Builder rmsNormEps(double v) { rmsNormEps = v; return this; }
        public Builder ropeTheta(double v) { ropeTheta = v; return this; }
        public Builder maxPositions(int v) { maxPositions = v; return this; }
        public Builder tieWordEmbeddings(boolean v) { tieWordEmbeddings = v; return this; }
        public Builder bosTokenId(int v) { bosTokenId = v; return this; }
        public Builder eosTokenId(int v) { eosTokenId = v; return this; }

        /** The config; throws {@link IllegalArgumentException} saying which field to fix. */
        public Qwen2Config build() {
            return new Qwen2Config(vocabSize, hiddenSize, intermediateSize, layers, heads, kvHeads, rmsNormEps,
                    ropeTheta, maxPositions, tieWordEmbeddings, bosTokenId, eosTokenId);
        }
    }
}
