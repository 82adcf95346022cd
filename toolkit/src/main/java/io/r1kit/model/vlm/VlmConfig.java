package io.r1kit.model.vlm;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.r1kit.JsonFields;
import io.r1kit.StrictJson;
import io.r1kit.model.io.CheckpointException;
import io.r1kit.model.lm.Qwen2Config;
import io.r1kit.task.BoxCodec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The shape of a {@link Vlm3d}: its Qwen2 decoder, how objects are sampled and encoded, and which
 * vocabulary entries are the 256 grid numbers of {@link BoxCodec} (DESIGN "Numbers as tokens": a
 * box costs six tokens). Immutable; {@link #builder()} holds the nano defaults in one place and
 * {@link Builder#build()} says what to fix. Round-trips through {@code vlm.json}.
 *
 * <pre>{@code
 * VlmConfig c = VlmConfig.builder().vocabSize(2000).gridTokenOffset(10).build();  // ids 10..265 are "0".."255"
 * VlmConfig same = VlmConfig.fromJson(c.toJson());
 * }</pre>
 *
 * @param decoder         the Qwen2 decoder (its width C is the width of every scene token)
 * @param pointsPerObject points P sampled from each object for the PointNet
 * @param maxObjects      objects N encoded per scene at most (the first by id)
 * @param pointWidth      width of the PointNet's hidden per-point layer
 * @param pointFeatures   width of the per-point features that are max-pooled
 * @param objectWidth     width of the hidden layer of the MLP that projects an object to C
 * @param gridTokenIds    the vocabulary id of each grid number 0..255 (index = number)
 * @param seed            seed of the random initialisation and of point sampling
 * @param objectPointers  whether encoded objects are also pointer tokens: id {@code V + i} is object i, scored
 *                        and embedded by its feature token ({@link Vlm3d#pointerEntries}); false only for
 *                        checkpoints written before pointers existed
 * @param taskPrompts     whether prompts open with their task's instruction ({@code TaskPrompt.chat}); false only
 *                        for checkpoints trained before task instructions existed ({@code TaskPrompt.question})
 */
public record VlmConfig(Qwen2Config decoder, int pointsPerObject, int maxObjects, int pointWidth, int pointFeatures,
                        int objectWidth, int[] gridTokenIds, long seed, boolean objectPointers, boolean taskPrompts) {

    /** The file a checkpoint directory keeps this config in. */
    public static final String FILE = "vlm.json";
    /** Most points sampled per object (the nano model samples 32 to 64). */
    public static final int MAX_POINTS = 4096;
    /** Most objects encoded per scene. */
    public static final int MAX_OBJECTS = 1024;
    /** Widest encoder layer. */
    public static final int MAX_WIDTH = 1 << 16;
    private static final long MAX_FILE = 1L << 20;

    public VlmConfig {
        if (decoder == null) {
            throw new IllegalArgumentException("decoder is missing: give a Qwen2Config");
        }
        within("points_per_object", pointsPerObject, MAX_POINTS);
        within("max_objects", maxObjects, MAX_OBJECTS);
        within("point_width", pointWidth, MAX_WIDTH);
        within("point_features", pointFeatures, MAX_WIDTH);
        within("object_width", objectWidth, MAX_WIDTH);
        if (gridTokenIds == null || gridTokenIds.length != BoxCodec.GRID + 1) {
            throw new IllegalArgumentException("grid_token_ids has " + (gridTokenIds == null ? 0 : gridTokenIds.length)
                    + " ids, expected " + (BoxCodec.GRID + 1) + ": set the vocabulary id of each number 0..255"
                    + " (gridTokenOffset(id of \"0\") when they are consecutive)");
        }
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < gridTokenIds.length; i++) {
            int id = gridTokenIds[i];
            if (id < 0 || id >= decoder.vocabSize()) {
                throw new IllegalArgumentException("grid token " + i + " has id " + id + ", outside the vocabulary 0.."
                        + (decoder.vocabSize() - 1) + ": raise vocab_size or fix grid_token_ids");
            }
            if (!seen.add(id)) {
                throw new IllegalArgumentException("grid token " + i + " has id " + id
                        + ", already used by another number: each of 0..255 needs its own vocabulary entry");
            }
        }
        int sceneTokens = sceneTokensFor(maxObjects);
        if (sceneTokens >= decoder.maxPositionEmbeddings()) {
            throw new IllegalArgumentException(maxObjects + " objects take " + sceneTokens
                    + " scene tokens, not below max_position_embeddings " + decoder.maxPositionEmbeddings()
                    + ": lower max_objects or raise max_position_embeddings");
        }
        gridTokenIds = gridTokenIds.clone();
    }

    private static void within(String name, int value, int max) {
        if (value <= 0 || value > max) {
            throw new IllegalArgumentException(name + " must be from 1 to " + max + ", got " + value);
        }
    }

    /** Scene tokens for {@code objects} objects: one global token, then per object a feature token and six box tokens. */
    public static int sceneTokensFor(int objects) {
        return 1 + ObjectEncoder.TOKENS_PER_OBJECT * objects;
    }

    @Override
    public int[] gridTokenIds() {
        return gridTokenIds.clone();
    }

    /** The vocabulary id of grid number {@code value} (0..255). */
    public int gridTokenId(int value) {
        return gridTokenIds[value];
    }

    /** The grid number a vocabulary id stands for, or -1 when it is not a grid token. */
    public int gridValue(int tokenId) {
        for (int i = 0; i < gridTokenIds.length; i++) {
            if (gridTokenIds[i] == tokenId) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VlmConfig c && decoder.equals(c.decoder) && pointsPerObject == c.pointsPerObject
                && maxObjects == c.maxObjects && pointWidth == c.pointWidth && pointFeatures == c.pointFeatures
                && objectWidth == c.objectWidth && Arrays.equals(gridTokenIds, c.gridTokenIds) && seed == c.seed
                && objectPointers == c.objectPointers && taskPrompts == c.taskPrompts;
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Objects.hash(decoder, pointsPerObject, maxObjects, pointWidth, pointFeatures, objectWidth,
                seed, objectPointers, taskPrompts) + Arrays.hashCode(gridTokenIds);
    }

    @Override
    public String toString() {
        return "VlmConfig[hidden=" + decoder.hiddenSize() + ", layers=" + decoder.numHiddenLayers() + ", vocab="
                + decoder.vocabSize() + ", points=" + pointsPerObject + ", objects=" + maxObjects + ", seed=" + seed
                + (objectPointers ? ", object pointers" : "") + (taskPrompts ? ", task prompts" : "") + "]";
    }

    /** This config as JSON; the decoder is nested as its {@code config.json} object. */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.add("decoder", decoder.toJson());
        o.addProperty("points_per_object", pointsPerObject);
        o.addProperty("max_objects", maxObjects);
        o.addProperty("point_width", pointWidth);
        o.addProperty("point_features", pointFeatures);
        o.addProperty("object_width", objectWidth);
        JsonArray ids = new JsonArray();
        for (int id : gridTokenIds) {
            ids.add(id);
        }
        o.add("grid_token_ids", ids);
        o.addProperty("seed", seed);
        o.addProperty("object_pointers", objectPointers);
        o.addProperty("task_prompts", taskPrompts);
        return o;
    }

    /**
     * The config of a {@link #toJson()} object; absent keys take the builder's defaults, except
     * {@code object_pointers}: a file without it was written before pointer tokens existed, so it reads
     * as false and the checkpoint keeps answering as it was trained (boxes as six grid numbers); likewise
     * {@code task_prompts}, absent from files written before task instructions existed.
     */
    public static VlmConfig fromJson(JsonObject o) {
        if (!o.has("decoder") || !o.has("grid_token_ids")) {
            throw new IllegalArgumentException("needs \"decoder\" and \"grid_token_ids\"");
        }
        Builder d = builder();
        int[] ids = JsonFields.integers(o, "grid_token_ids", 0, Integer.MAX_VALUE, BoxCodec.GRID + 1);
        return new VlmConfig(Qwen2Config.fromJson(JsonFields.object(o.get("decoder"), "decoder")),
                JsonFields.integer(o, "points_per_object", 1, MAX_POINTS, d.pointsPerObject),
                JsonFields.integer(o, "max_objects", 1, MAX_OBJECTS, d.maxObjects),
                JsonFields.integer(o, "point_width", 1, MAX_WIDTH, d.pointWidth),
                JsonFields.integer(o, "point_features", 1, MAX_WIDTH, d.pointFeatures),
                JsonFields.integer(o, "object_width", 1, MAX_WIDTH, d.objectWidth), ids,
                JsonFields.wholeNumber(o, "seed", Long.MIN_VALUE, Long.MAX_VALUE, d.seed),
                JsonFields.bool(o, "object_pointers", false), JsonFields.bool(o, "task_prompts", false));
    }

    /** Writes {@link #toJson()} to {@code file}, pretty-printed. */
    public void write(Path file) throws IOException {
        Files.writeString(file, new GsonBuilder().setPrettyPrinting().create().toJson(toJson()));
    }

    /** Reads {@value #FILE} (a file, or the checkpoint directory holding it). */
    public static VlmConfig read(Path path) throws IOException {
        Path file = Files.isDirectory(path) ? path.resolve(FILE) : path;
        if (!Files.isRegularFile(file)) {
            throw new CheckpointException(file, "not found (a 3D model checkpoint needs " + FILE + ")");
        }
        try {
            return fromJson(JsonFields.object(StrictJson.read(file, MAX_FILE), "the file"));
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(file, e.getMessage());
        }
    }

    /** A builder with the nano defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this config. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.decoder = decoder.toBuilder();
        return b.pointsPerObject(pointsPerObject).maxObjects(maxObjects).pointWidth(pointWidth)
                .pointFeatures(pointFeatures).objectWidth(objectWidth).gridTokenIds(gridTokenIds).seed(seed).objectPointers(objectPointers)
                .taskPrompts(taskPrompts);
    }

    /**
     * Builds a {@link VlmConfig}. Nano defaults (DESIGN "Sizes"): decoder width 256, 4 layers, 4 heads
     * (2 key/value heads), MLP 768, tied embeddings (so a box token's embedding already scores its own
     * number at the LM head, which makes copying a box cheap), 2048 positions; 64 points and 48 objects
     * per scene; PointNet 64 -> 128, object MLP 256; objects as pointer tokens; task prompts; seed 0. The grid token ids have no default: they
     * depend on the tokenizer.
     */
    public static final class Builder {
        private Qwen2Config.Builder decoder = Qwen2Config.builder().vocabSize(4096).hiddenSize(256)
                .intermediateSize(768).layers(4).heads(4).kvHeads(2).maxPositions(2048).tieWordEmbeddings(true)
                .ropeTheta(10000.0);
        private int pointsPerObject = 64;
        private int maxObjects = 48;
        private int pointWidth = 64;
        private int pointFeatures = 128;
        private int objectWidth = 256;
        private int[] gridTokenIds;
        private long seed = 0;
        private boolean objectPointers = true;
        private boolean taskPrompts = true;

        private Builder() {}

        /** Replaces the whole decoder config. */
        public Builder decoder(Qwen2Config c) { decoder = c.toBuilder(); return this; }
        public Builder vocabSize(int v) { decoder.vocabSize(v); return this; }
        public Builder hiddenSize(int v) { decoder.hiddenSize(v); return this; }
        public Builder intermediateSize(int v) { decoder.intermediateSize(v); return this; }
        public Builder layers(int v) { decoder.layers(v); return this; }
        public Builder heads(int heads, int kvHeads) { decoder.heads(heads).kvHeads(kvHeads); return this; }
        public Builder maxPositions(int v) { decoder.maxPositions(v); return this; }
        public Builder eosTokenId(int v) { decoder.eosTokenId(v); return this; }
        public Builder pointsPerObject(int v) { pointsPerObject = v; return this; }
        public Builder maxObjects(int v) { maxObjects = v; return this; }
        public Builder pointWidth(int v) { pointWidth = v; return this; }
        public Builder pointFeatures(int v) { pointFeatures = v; return this; }
        public Builder objectWidth(int v) { objectWidth = v; return this; }
        public Builder gridTokenIds(int[] ids) { gridTokenIds = ids.clone(); return this; }
        public Builder seed(long v) { seed = v; return this; }
        public Builder objectPointers(boolean v) { objectPointers = v; return this; }
        public Builder taskPrompts(boolean v) { taskPrompts = v; return this; }

        /** Grid numbers 0..255 are the consecutive ids {@code offset..offset+255}. */
        public Builder gridTokenOffset(int offset) {
            gridTokenIds = new int[BoxCodec.GRID + 1];
            for (int i = 0; i < gridTokenIds.length; i++) {
                gridTokenIds[i] = offset + i;
            }
            return this;
        }

        /** The config; throws {@link IllegalArgumentException} saying which field to fix. */
        public VlmConfig build() {
            return new VlmConfig(decoder.build(), pointsPerObject, maxObjects, pointWidth, pointFeatures, objectWidth,
                    gridTokenIds, seed, objectPointers, taskPrompts);
        }
    }
}
