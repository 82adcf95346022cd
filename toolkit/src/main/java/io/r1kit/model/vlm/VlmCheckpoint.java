package io.r1kit.model.vlm;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import io.r1kit.Provenance;
import io.r1kit.model.io.CheckpointException;
import io.r1kit.model.io.Dtype;
import io.r1kit.model.io.FloatTensor;
import io.r1kit.model.io.SafetensorsWriter;
import io.r1kit.model.io.TensorStore;
import io.r1kit.model.lm.ComputeDtype;
import io.r1kit.model.lm.Qwen2Checkpoint;
import io.r1kit.model.lm.Qwen2Model;

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
     *                             {@value VlmConfig#FILE} differs from {@code config.json}, or when a tensor is
     *                             missing, truncated or of another shape
     */
    public static Vlm3d load(Path dir, Device device) throws IOException {
        VlmConfig config = VlmConfig.read(dir);
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
}
