package io.r1kit.model.lm;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.r1kit.AtomicFolder;
import io.r1kit.Provenance;
import io.r1kit.model.Engines;
import io.r1kit.model.io.Dtype;
import io.r1kit.model.io.FloatTensor;
import io.r1kit.model.io.SafetensorsWriter;
import io.r1kit.model.io.TensorStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Builds {@link Qwen2Model}s from Hugging Face checkpoint directories ({@code config.json} +
 * safetensors) or from a random initialisation, and writes them back in the same layout.
 *
 * <pre>{@code
 * Qwen2Model model = Qwen2Checkpoint.load(Path.of("qwen2.5-0.5b"));       // default device, auto dtype
 * Qwen2Model half = Qwen2Checkpoint.load(dir, Device.gpu(), ComputeDtype.FLOAT16);
 * Qwen2Checkpoint.save(model, Path.of("copy"), Dtype.BF16);
 * }</pre>
 */
public final class Qwen2Checkpoint {

    /** Shards written by {@link #save} hold at most this many bytes (as Hugging Face's default). */
    public static final long MAX_SHARD_BYTES = 5L * 1024 * 1024 * 1024;

    private Qwen2Checkpoint() {}

    /** Loads {@code dir} on {@link Engines#defaultDevice()} in {@link ComputeDtype#AUTO}. */
    public static Qwen2Model load(Path dir) throws IOException {
        return load(dir, Engines.defaultDevice());
    }

    /** Loads {@code dir} on {@code device} in {@link ComputeDtype#AUTO} (float32 on CPU). */
    public static Qwen2Model load(Path dir, Device device) throws IOException {
        return load(dir, device, ComputeDtype.AUTO);
    }

    /**
     * Loads {@code dir} on {@code device}, computing in {@code dtype}. Half-precision files are widened
     * to float32 in Java, then every weight is cast on the engine (never through a Java buffer).
     *
     * @throws IllegalArgumentException when {@code dtype} cannot run on {@code device} (checked before
     *                                  anything is read), see {@link ComputeDtype#requireSupported}
     */
    public static Qwen2Model load(Path dir, Device device, ComputeDtype dtype) throws IOException {
        ComputeDtype resolved = dtype.resolve(device);
        AtomicFolder.restore(dir);   // a save killed between its renames leaves the previous folder aside
        Qwen2Config config = Qwen2Config.read(dir);
        Map<String, FloatTensor> tensors = new LinkedHashMap<>();
        try (TensorStore store = TensorStore.open(dir)) {
            for (WeightSpec spec : WeightSpec.all(config)) {
                tensors.put(spec.name(), store.read(spec.name(), spec.shape()));
            }
        }
        return build(config, tensors, device, resolved);
    }

    /**
     * A randomly initialised model, as Hugging Face initialises Qwen2: normal(0, 0.02) weights,
     * zero biases, unit norms. The same seed gives the same weights. Computes in float32: a model
     * made to be trained stays out of half precision, which would need loss scaling.
     */
    public static Qwen2Model initialize(Qwen2Config config, long seed, Device device) {
        return initialize(config, seed, device, ComputeDtype.FLOAT32);
    }

    /** As {@link #initialize(Qwen2Config, long, Device)}, computing in {@code dtype}. */
    public static Qwen2Model initialize(Qwen2Config config, long seed, Device device, ComputeDtype dtype) {
        ComputeDtype resolved = dtype.resolve(device);
        Random random = new Random(seed);
        Map<String, FloatTensor> tensors = new LinkedHashMap<>();
        for (WeightSpec spec : WeightSpec.all(config)) {
            long[] shape = spec.shape();
            float[] data = new float[Math.toIntExact(new Shape(shape).size())];
            switch (spec.kind()) {
                case EMBEDDING, PROJECTION -> {
                    for (int i = 0; i < data.length; i++) {
                        data[i] = (float) (random.nextGaussian() * 0.02);
                    }
                }
                case NORM -> java.util.Arrays.fill(data, 1f);
                case BIAS -> { } // zeros
            }
            tensors.put(spec.name(), new FloatTensor(shape, data));
        }
        return build(config, tensors, device, resolved);
    }

    /**
     * Writes {@code config.json}, the weights (as {@code dtype}) and {@value io.r1kit.Provenance#FILE} (toolkit
     * version, dtype, parameter count) into {@code dir}; Hugging Face transformers loads the result.
     */
    public static List<Path> save(Qwen2Model model, Path dir, Dtype dtype) throws IOException {
        Files.createDirectories(dir);
        model.config().write(dir.resolve("config.json"));
        Path provenance = Provenance.of("architecture", "qwen2").with("dtype", dtype.name())
                .with("parameters", model.parameterCount()).write(dir);
        Map<String, FloatTensor> tensors = tensors(model);
        List<Path> files = new ArrayList<>(List.of(dir.resolve("config.json"), provenance));
        files.addAll(SafetensorsWriter.writeCheckpoint(dir, tensors, dtype, MAX_SHARD_BYTES));
        return files;
    }

    /**
     * The model's weights as float32 tensors in Hugging Face layout and order ({@link WeightSpec#all}):
     * what {@link #save} writes, for callers that add tensors of their own to the same file.
     */
    public static Map<String, FloatTensor> tensors(Qwen2Model model) {
        Map<String, FloatTensor> tensors = new LinkedHashMap<>();
        for (WeightSpec spec : WeightSpec.all(model.config())) {
            float[] data = Qwen2Model.floats(model.parameters().get(spec.name()));
            long[] s = spec.shape();
            if (spec.transposed()) {
                data = WeightSpec.transpose(data, (int) s[1], (int) s[0]);
            }
            tensors.put(spec.name(), new FloatTensor(s, data));
        }
        return tensors;
    }

    /**
     * Assembles a model from tensors in Hugging Face layout, named as {@link WeightSpec#all}, computing
     * in {@code dtype} (already resolved and checked).
     */
    static Qwen2Model build(Qwen2Config config, Map<String, FloatTensor> tensors, Device device,
                            ComputeDtype dtype) {
        NDManager manager = NDManager.newBaseManager(device, Engines.pytorch().getEngineName());
        try {
            Map<String, NDArray> params = new LinkedHashMap<>();
            for (WeightSpec spec : WeightSpec.all(config)) {
                FloatTensor t = tensors.get(spec.name());
                float[] data = t.data();
                if (spec.transposed()) {
                    data = WeightSpec.transpose(data, (int) spec.shape()[0], (int) spec.shape()[1]);
                }
                NDArray a = manager.create(data, new Shape(spec.parameterShape()));
                if (!dtype.isFloat32()) {
                    NDArray wide = a;
                    a = wide.toType(dtype.dataType(), false); // cast in the engine: no half buffer crosses JNI
                    wide.close();
                }
                a.setName(spec.name());
                params.put(spec.name(), a);
            }
            List<DecoderLayer> layers = new ArrayList<>();
            for (int i = 0; i < config.numHiddenLayers(); i++) {
                String p = "model.layers." + i + ".";
                Attention attention = new Attention(linear(params, p + "self_attn.q_proj"),
                        linear(params, p + "self_attn.k_proj"), linear(params, p + "self_attn.v_proj"),
                        linear(params, p + "self_attn.o_proj"), config);
                SwiGluMlp mlp = new SwiGluMlp(linear(params, p + "mlp.gate_proj"), linear(params, p + "mlp.up_proj"),
                        linear(params, p + "mlp.down_proj"));
                layers.add(new DecoderLayer(i, norm(params, p + "input_layernorm", config), attention,
                        norm(params, p + "post_attention_layernorm", config), mlp));
            }
            Linear head = config.tieWordEmbeddings() ? null : linear(params, "lm_head");
            return new Qwen2Model(config, dtype, manager, params, params.get("model.embed_tokens.weight"), layers,
                    norm(params, "model.norm", config), head);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static Linear linear(Map<String, NDArray> params, String prefix) {
        return new Linear(prefix, params.get(prefix + ".weight"), params.get(prefix + ".bias"));
    }

    private static RmsNorm norm(Map<String, NDArray> params, String prefix, Qwen2Config config) {
        return new RmsNorm(prefix + ".weight", params.get(prefix + ".weight"), config.rmsNormEps());
    }
}
