package io.r1kit.model.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.r1kit.AtomicFolder;
import io.r1kit.model.io.CheckpointException;
import io.r1kit.model.io.Dtype;
import io.r1kit.model.io.FloatTensor;
import io.r1kit.model.io.SafetensorsWriter;
import io.r1kit.model.io.TensorStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * LoRA adapters attached to a {@link Qwen2Model}: created fresh or loaded from a directory, saved
 * apart from the base weights (PEFT layout: {@code adapter_config.json} +
 * {@code adapter_model.safetensors}), merged into the weights on demand, or detached.
 *
 * <pre>{@code
 * try (Lora lora = Lora.attach(model, new LoraConfig(8, 16, 0.05, Set.of("q_proj", "v_proj"), 0))) {
 *     lora.setTrainable(true);      // only the adapters collect gradients
 *     ...                           // train
 *     lora.save(Path.of("adapter"));
 * }
 * }</pre>
 */
public final class Lora implements AutoCloseable {

    /** The weights file of a saved adapter directory (PEFT's name). */
    public static final String WEIGHTS = "adapter_model.safetensors";
    private static final String PREFIX = "base_model.model.";

    private final Qwen2Model model;
    private final LoraConfig config;
    private final NDManager manager;
    private final Map<Linear, LoraAdapter> adapters;
    private boolean attached = true;

    private Lora(Qwen2Model model, LoraConfig config, NDManager manager, Map<Linear, LoraAdapter> adapters) {
        this.model = model;
        this.config = config;
        this.manager = manager;
        this.adapters = adapters;
        adapters.forEach(Linear::setLora);
    }

    /**
     * New adapters on the target modules of every layer: A uniform in +-1/sqrt(in) (PEFT's
     * Kaiming-uniform bound), B zero, so the model's output is unchanged until training.
     */
    public static Lora attach(Qwen2Model model, LoraConfig config) {
        Random random = new Random(config.seed());
        return create(model, config, (linear, in, out) -> {
            float bound = (float) (1 / Math.sqrt(in));
            float[] a = new float[in * config.rank()];
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
            }
            return new float[][] {a, new float[config.rank() * out]};
        });
    }

    /** Loads adapters saved by {@link #save} onto {@code model}. */
    public static Lora load(Qwen2Model model, Path dir) throws IOException {
        AtomicFolder.restore(dir);   // a save killed between its renames leaves the previous folder aside
        Path configFile = dir.resolve(LoraConfig.FILE);
        if (!Files.isRegularFile(configFile)) {
            throw new CheckpointException(configFile, "not found (an adapter directory needs " + LoraConfig.FILE + ")");
        }
        LoraConfig config;
        try {
            config = LoraConfig.fromJson(Files.readString(configFile));
        } catch (RuntimeException e) {
            throw new CheckpointException(configFile, e.getMessage());
        }
        Map<String, float[][]> read = new LinkedHashMap<>();
        try (TensorStore store = TensorStore.open(dir, WEIGHTS)) {
            for (Linear l : targets(model, config)) {
                int in = (int) l.weightT().getShape().get(0);
                int out = (int) l.weightT().getShape().get(1);
                float[] a = store.read(PREFIX + l.name() + ".lora_A.weight", config.rank(), in).data();  // [r, in]
                float[] b = store.read(PREFIX + l.name() + ".lora_B.weight", out, config.rank()).data(); // [out, r]
                read.put(l.name(), new float[][] {WeightSpec.transpose(a, config.rank(), in),
                        WeightSpec.transpose(b, out, config.rank())});
            }
        }
        return create(model, config, (linear, in, out) -> read.get(linear.name()));
    }

    private interface Init {
        /** A^T [in, r] and B^T [r, out], row-major. */
        float[][] values(Linear linear, int in, int out);
    }

    private static Lora create(Qwen2Model model, LoraConfig config, Init init) {
        NDManager manager = model.newScope();
        Map<Linear, LoraAdapter> adapters = new LinkedHashMap<>();
        for (Linear l : targets(model, config)) {
            if (l.lora() != null) {
                manager.close();
                throw new IllegalStateException(l.name() + " already has a LoRA adapter: detach or merge it first");
            }
            int in = (int) l.weightT().getShape().get(0);
            int out = (int) l.weightT().getShape().get(1);
            float[][] v = init.values(l, in, out);
            NDArray aT = inModelType(manager.create(v[0], new Shape(in, config.rank())), model);
            NDArray bT = inModelType(manager.create(v[1], new Shape(config.rank(), out)), model);
            adapters.put(l, new LoraAdapter(aT, bT, config.scale(), config.dropout()));
        }
        return new Lora(model, config, manager, adapters);
    }

    /** Adapters follow the base model's compute type, cast in the engine. */
    private static NDArray inModelType(NDArray a, Qwen2Model model) {
        if (model.dtype().isFloat32()) {
            return a;
        }
        NDArray cast = a.toType(model.dtype().dataType(), false);
        a.close();
        return cast;
    }

    private static Iterable<Linear> targets(Qwen2Model model, LoraConfig config) {
        return model.projections().stream()
                .filter(l -> config.targetModules().contains(l.name().substring(l.name().lastIndexOf('.') + 1)))
                .toList();
    }

    /** The adapter settings. */
    public LoraConfig config() {
        return config;
    }

    /** The adapter parameters by projection name and {@code .aT} / {@code .bT}. */
    public Map<String, NDArray> parameters() {
        Map<String, NDArray> out = new LinkedHashMap<>();
        adapters.forEach((l, a) -> {
            out.put(l.name() + ".aT", a.aT());
            out.put(l.name() + ".bT", a.bT());
        });
        return Collections.unmodifiableMap(out);
    }

    /** Adapters collect gradients and apply dropout while trainable; the base model is left as it is. */
    public void setTrainable(boolean trainable) {
        adapters.values().forEach(a -> {
            a.aT().setRequiresGradient(trainable);
            a.bT().setRequiresGradient(trainable);
            a.setTraining(trainable);
        });
    }

    /**
     * Writes {@code adapter_config.json} and {@code adapter_model.safetensors} (float32, whatever the
     * compute type) into {@code dir}.
     */
    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(LoraConfig.FILE), config.toJson());
        Map<String, FloatTensor> tensors = new LinkedHashMap<>();
        int r = config.rank();
        adapters.forEach((l, a) -> {
            int in = (int) a.aT().getShape().get(0);
            int out = (int) a.bT().getShape().get(1);
            tensors.put(PREFIX + l.name() + ".lora_A.weight",
                    new FloatTensor(new long[] {r, in}, WeightSpec.transpose(Qwen2Model.floats(a.aT()), in, r)));
            tensors.put(PREFIX + l.name() + ".lora_B.weight",
                    new FloatTensor(new long[] {out, r}, WeightSpec.transpose(Qwen2Model.floats(a.bT()), r, out)));
        });
        SafetensorsWriter.write(dir.resolve(WEIGHTS), tensors, Dtype.F32, Map.of("format", "pt"));
    }

    /** Adds each update into its projection's weight ({@code W^T += scale A^T B^T}) and detaches the adapters. */
    public void merge() {
        requireAttached();
        adapters.forEach((l, a) -> {
            try (NDArray delta = a.delta()) {
                l.weightT().addi(delta);
            }
        });
        detach();
    }

    /** Removes the adapters without changing the base weights. */
    public void detach() {
        if (attached) {
            adapters.keySet().forEach(l -> l.setLora(null));
            attached = false;
        }
    }

    private void requireAttached() {
        if (!attached) {
            throw new IllegalStateException("these adapters were already merged or detached");
        }
    }

    /** Detaches the adapters and frees their memory. */
    @Override
    public void close() {
        detach();
        manager.close();
    }
}
