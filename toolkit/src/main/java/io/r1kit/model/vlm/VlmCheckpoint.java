package io.r1kit.model.vlm;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import io.r1kit.AtomicFolder;
import io.r1kit.JsonFields;
import io.r1kit.Provenance;
import io.r1kit.StrictJson;
import io.r1kit.model.io.CheckpointException;
import io.r1kit.model.io.Dtype;
import io.r1kit.model.io.FloatTensor;
import io.r1kit.model.io.SafetensorsWriter;
import io.r1kit.model.io.TensorStore;
import io.r1kit.model.lm.ComputeDtype;
import io.r1kit.model.lm.Qwen2Checkpoint;
import io.r1kit.model.lm.Qwen2Model;
import io.r1kit.model.text.TextTokenizer;
import io.r1kit.model.text.TokenizerFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Vlm3d} as a Hugging Face style directory (DESIGN "Checkpoint"): {@code config.json} of
 * the decoder, {@value VlmConfig#FILE}, {@code model.safetensors} holding the decoder's tensors
 * under their Hugging Face names and the encoder's as {@code scene_encoder.*} (transformers loads
 * the decoder and ignores the rest), and {@value Provenance#FILE}. Weights are stored as
 * float32 or, to halve the file, float16; loading always widens them to float32.
 */
public final class VlmCheckpoint {

    /** The key of {@value VlmConfig#FILE} that holds the identity of the checkpoint's vocabulary. */
    public static final String VOCABULARY_KEY = "vocabulary_sha256";

    /** The {@code architecture} written to the provenance file. */
    public static final String ARCHITECTURE = "r1kit-vlm3d";

    private VlmCheckpoint() {}

    /** Writes {@code model} into {@code dir} in float32; returns the files written. */
    public static List<Path> save(Vlm3d model, Path dir) throws IOException {
        return save(model, dir, Dtype.F32);
    }

    /** Writes {@code model} into {@code dir} with its weights stored as {@code dtype} (F32, F16 or BF16). */
    public static List<Path> save(Vlm3d model, Path dir, Dtype dtype) throws IOException {
        Files.createDirectories(dir);
        Path configFile = dir.resolve("config.json");
        model.decoder().config().write(configFile);
        model.config().write(dir.resolve(VlmConfig.FILE));
        Path provenanceFile = Provenance.of("architecture", ARCHITECTURE).with("decoder", "qwen2")
                .with("dtype", dtype.name()).with("parameters", model.parameterCount())
                .with("seed", model.config().seed()).write(dir);
        Map<String, FloatTensor> tensors = new LinkedHashMap<>(Qwen2Checkpoint.tensors(model.decoder()));
        tensors.putAll(model.encoder().tensors());
        List<Path> files = new ArrayList<>(List.of(configFile, dir.resolve(VlmConfig.FILE), provenanceFile));
        files.addAll(SafetensorsWriter.writeCheckpoint(dir, tensors, dtype, Qwen2Checkpoint.MAX_SHARD_BYTES));
        return files;
    }

    /**
     * Loads {@code dir} on {@code device} in float32 (float16 or bfloat16 weights are widened).
     *
     * @throws CheckpointException naming the file when a config is missing or unreadable, when the decoder of
     *                             {@value VlmConfig#FILE} differs from {@code config.json}, when the folder's
     *                             {@code tokenizer.json} is not the one the model was saved with
     *                             ({@link #bindTokenizer}), or when a tensor is missing, truncated, of another
     *                             shape or not finite
     */
    public static Vlm3d load(Path dir, Device device) throws IOException {
        AtomicFolder.restore(dir);   // a save killed between its renames leaves the previous folder aside
        VlmConfig config = VlmConfig.read(dir);
        checkTokenizer(dir, config);
        Qwen2Model decoder = Qwen2Checkpoint.load(dir, device, ComputeDtype.FLOAT32);
        NDManager manager = null;
        try {
            if (!decoder.config().equals(config.decoder())) {
                throw new CheckpointException(dir.resolve(VlmConfig.FILE),
                        "its decoder differs from config.json; write both from the same model");
            }
            Map<String, FloatTensor> tensors = new LinkedHashMap<>();
            try (TensorStore store = TensorStore.open(dir)) {
                for (Map.Entry<String, long[]> e : ObjectEncoder.shapes(config).entrySet()) {
                    tensors.put(e.getKey(), store.read(e.getKey(), e.getValue()));
                }
            }
            manager = Vlm3d.newManager(device);
            return new Vlm3d(config, decoder, ObjectEncoder.fromTensors(config, tensors, manager), manager);
        } catch (IOException | RuntimeException e) {
            if (manager != null) {
                manager.close();
            }
            decoder.close();
            throw e;
        }
    }

    /**
     * Records in {@value VlmConfig#FILE} the identity of the vocabulary in {@code dir}'s {@code tokenizer.json}
     * ({@link TokenizerFile#vocabularySha256()}, key {@value #VOCABULARY_KEY}), so that {@link #load} refuses the
     * model beside a tokenizer of another run. Call it once both are written.
     */
    public static void bindTokenizer(Path dir) throws IOException {
        String sha = TokenizerFile.read(dir.resolve(TextTokenizer.FILE)).vocabularySha256();
        JsonObject o = VlmConfig.read(dir).toJson();
        o.addProperty(VOCABULARY_KEY, sha);
        Files.writeString(dir.resolve(VlmConfig.FILE), new GsonBuilder().setPrettyPrinting().create().toJson(o));
    }

    /**
     * The folder's tokenizer against the model: its vocabulary must be the one {@value VlmConfig#FILE} records
     * (checkpoints written before the key existed skip that), and no id may lie beyond the model's vocabulary.
     */
    private static void checkTokenizer(Path dir, VlmConfig config) throws IOException {
        Path tokenizer = dir.resolve(TextTokenizer.FILE);
        if (!Files.isRegularFile(tokenizer)) {
            return; // a model without its tokenizer: nothing to mismatch
        }
        Path file = dir.resolve(VlmConfig.FILE);
        String recorded;
        try {
            JsonObject o = JsonFields.object(StrictJson.read(file, StrictJson.MAX_FILE), "the file");
            recorded = JsonFields.string(o, VOCABULARY_KEY, null);
            if (recorded != null && !recorded.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException(VOCABULARY_KEY + " is " + JsonFields.show(o.get(VOCABULARY_KEY))
                        + ", expected 64 hex digits");
            }
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(file, e.getMessage());
        }
        TokenizerFile t = TokenizerFile.read(tokenizer);
        if (recorded != null && !recorded.equals(t.vocabularySha256())) {
            throw new CheckpointException(tokenizer, "its vocabulary (sha256 " + t.vocabularySha256().substring(0, 12)
                    + "...) is not the one " + VlmConfig.FILE + " was saved with (" + recorded.substring(0, 12)
                    + "...): the model and the tokenizer come from different runs");
        }
        int maxId = t.maxId();
        if (maxId >= config.decoder().vocabSize()) {
            throw new CheckpointException(tokenizer, "has id " + maxId + ", beyond the model's vocab_size "
                    + config.decoder().vocabSize() + ": the model and the tokenizer come from different runs");
        }
    }
}
