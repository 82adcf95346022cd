package io.r1kit.model.lm;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
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
            return fromJson(JsonParser.parseString(Files.readString(file)).getAsJsonObject());
        } catch (JsonParseException | IllegalStateException | IllegalArgumentException | ClassCastException e) {
            throw new CheckpointException(file, e.getMessage());
        }
    }

    /** The config of a parsed {@code config.json} object; unknown keys are ignored. */
    public static Qwen2Config fromJson(JsonObject o) {
        String type = o.has("model_type") ? o.get("model_type").getAsString() : "(none)";
        if (!type.equals(MODEL_TYPE)) {
            throw new IllegalArgumentException("model_type is " + type + ", r1kit reads " + MODEL_TYPE);
        }
        unsupported(o, "use_sliding_window", "sliding-window attention is not implemented; set it to false");
        unsupported(o, "rope_scaling", "scaled rotary embeddings are not implemented; remove rope_scaling");
        if (o.has("hidden_act") && !o.get("hidden_act").getAsString().equals("silu")) {
            throw new IllegalArgumentException("hidden_act " + o.get("hidden_act").getAsString()
                    + " is not supported: Qwen2's MLP uses silu");
        }
        if (o.has("head_dim") && !o.get("head_dim").isJsonNull()) {
            int hd = o.get("head_dim").getAsInt();
            int heads = o.get("num_attention_heads").getAsInt();
            if (hd * heads != o.get("hidden_size").getAsInt()) {
                throw new IllegalArgumentException("head_dim " + hd + " x num_attention_heads " + heads
                        + " differs from hidden_size: r1kit needs head_dim = hidden_size / num_attention_heads");
            }
        }
        Builder b = builder();
        Builder d = builder(); // defaults for absent keys
        b.vocabSize(intOr(o, "vocab_size", d.vocabSize)).hiddenSize(intOr(o, "hidden_size", d.hiddenSize))
                .intermediateSize(intOr(o, "intermediate_size", d.intermediateSize))
                .layers(intOr(o, "num_hidden_layers", d.layers)).heads(intOr(o, "num_attention_heads", d.heads));
        b.kvHeads(intOr(o, "num_key_value_heads", b.heads));
        b.rmsNormEps(doubleOr(o, "rms_norm_eps", d.rmsNormEps)).ropeTheta(ropeTheta(o, d.ropeTheta))
                .maxPositions(intOr(o, "max_position_embeddings", d.maxPositions))
                .tieWordEmbeddings(o.has("tie_word_embeddings") ? o.get("tie_word_embeddings").getAsBoolean()
                        : d.tieWordEmbeddings)
                .bosTokenId(tokenId(o, "bos_token_id")).eosTokenId(tokenId(o, "eos_token_id"));
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
            throw new IllegalArgumentException(key + " = " + e + ": " + why);
        }
    }

    /** {@code rope_theta}, top level (transformers 4) or inside {@code rope_parameters} (transformers 5). */
    private static double ropeTheta(JsonObject o, double fallback) {
        JsonElement p = o.get("rope_parameters");
        if (p != null && p.isJsonObject()) {
            JsonObject rope = p.getAsJsonObject();
            String type = rope.has("rope_type") ? rope.get("rope_type").getAsString() : "default";
            if (!type.equals("default")) {
                throw new IllegalArgumentException("rope_parameters.rope_type " + type
                        + " is not implemented: r1kit's rotary embedding is the default one");
            }
            return doubleOr(rope, "rope_theta", doubleOr(o, "rope_theta", fallback));
        }
        return doubleOr(o, "rope_theta", fallback);
    }

    private static int intOr(JsonObject o, String key, int fallback) {
        return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsInt() : fallback;
    }

    private static double doubleOr(JsonObject o, String key, double fallback) {
        return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsDouble() : fallback;
    }

    /** A token id; Qwen2 configs may list several end ids, of which the first is the one used here. */
    private static int tokenId(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return -1;
        }
        return e.isJsonArray() ? e.getAsJsonArray().get(0).getAsInt() : e.getAsInt();
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
