package io.r1kit.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import ai.djl.Device;
import io.r1kit.AtomicFolder;
import io.r1kit.model.Engines;
import io.r1kit.model.io.TensorStore;
import io.r1kit.model.lm.ComputeDtype;
import io.r1kit.model.lm.Qwen2Config;
import io.r1kit.model.lm.WeightSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * {@code r1kit model info DIR [--dtype D] [--json]}: architecture, parameter count, stored dtype, the
 * compute dtype and the device it would run on, read from {@code config.json} and the safetensors
 * headers (no weights loaded).
 */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print a checkpoint's architecture, parameter count, dtype and device.")
final class ModelInfoCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "a Hugging Face checkpoint directory (config.json + safetensors)")
    Path dir;

    @Mixin
    DtypeOption dtype;

    @Mixin
    JsonOutput output;

    @Mixin
    DeviceOption deviceOption;

    @Override
    public Integer call() throws Exception {
        deviceOption.apply();
        ComputeDtype requested = dtype.one();
        AtomicFolder.restore(dir);   // a save killed between its renames leaves the previous folder aside
        Qwen2Config c = Qwen2Config.read(dir);
        long parameters = 0;
        Set<String> dtypes = new TreeSet<>();
        try (TensorStore store = TensorStore.open(dir)) {
            for (WeightSpec w : WeightSpec.all(c)) {
                var info = store.info(w.name());
                if (!java.util.Arrays.equals(info.shape(), w.shape())) {
                    throw new io.r1kit.model.io.CheckpointException(dir, "tensor " + w.name() + ": shape "
                            + info.shapeText() + ", config.json expects " + java.util.Arrays.toString(w.shape()));
                }
                parameters += info.elementCount();
                dtypes.add(info.dtype().name());
            }
        }
        Device onDevice = Engines.defaultDevice();
        String device = onDevice.toString();
        ComputeDtype compute = requested.resolve(onDevice);
        PrintWriter out = output.out();
        if (output.json()) {
            JsonObject o = new JsonObject();
            o.addProperty("path", dir.toString());
            o.addProperty("architecture", Qwen2Config.MODEL_TYPE);
            o.addProperty("layers", c.numHiddenLayers());
            o.addProperty("hidden_size", c.hiddenSize());
            o.addProperty("intermediate_size", c.intermediateSize());
            o.addProperty("heads", c.numAttentionHeads());
            o.addProperty("kv_heads", c.numKeyValueHeads());
            o.addProperty("vocab_size", c.vocabSize());
            o.addProperty("tied_embeddings", c.tieWordEmbeddings());
            o.addProperty("parameters", parameters);
            JsonArray d = new JsonArray();
            dtypes.forEach(d::add);
            o.add("stored_dtypes", d);
            o.addProperty("compute_dtype", compute.label());
            o.addProperty("device", device);
            out.println(JsonOutput.pretty(o));
        } else {
            out.println(dir.getFileName() + "  (" + Qwen2Config.MODEL_TYPE + ")");
            out.printf(Locale.ROOT, "layers       %d  (hidden %d, MLP %d)%n", c.numHiddenLayers(), c.hiddenSize(),
                    c.intermediateSize());
            out.printf(Locale.ROOT, "attention    %d heads, %d key/value heads, head size %d, rope theta %s%n",
                    c.numAttentionHeads(), c.numKeyValueHeads(), c.headDim(), c.ropeTheta());
            out.printf(Locale.ROOT, "vocabulary   %,d  (%s LM head)%n", c.vocabSize(),
                    c.tieWordEmbeddings() ? "tied" : "separate");
            out.printf(Locale.ROOT, "parameters   %,d%n", parameters);
            out.println("dtype        stored " + String.join(", ", dtypes) + ", computed in " + compute.label());
            out.println("device       " + device);
        }
        out.flush();
        return 0;
    }
}
