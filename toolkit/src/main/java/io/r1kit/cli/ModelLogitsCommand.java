package io.r1kit.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.r1kit.model.Engines;
import io.r1kit.model.lm.Qwen2Checkpoint;
import io.r1kit.model.lm.Qwen2Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

/**
 * {@code r1kit model logits DIR --tokens 1,2,3 [--dtype D] [--json]}: the last position's logits
 * (float32 whatever the compute dtype), for checks against other runtimes.
 */
@Command(name = "logits", mixinStandardHelpOptions = true,
        description = "Run the checkpoint on token ids and print the last position's logits.")
final class ModelLogitsCommand implements Callable<Integer> {

    /** Tokens listed in the text output, most likely first. */
    static final int TOP = 10;

    @Parameters(paramLabel = "DIR", description = "a Hugging Face checkpoint directory (config.json + safetensors)")
    Path dir;

    @Option(names = "--tokens", required = true, split = ",", paramLabel = "ID[,ID...]",
            description = "input token ids, comma-separated")
    int[] tokens;

    @Mixin
    DtypeOption dtype;

    @Mixin
    JsonOutput output;

    @Mixin
    DeviceOption deviceOption;

    @Override
    public Integer call() throws Exception {
        deviceOption.apply();
        float[] logits;
        String computed;
        try (Qwen2Model model = Qwen2Checkpoint.load(dir, Engines.defaultDevice(), dtype.one())) {
            computed = model.dtype().label();
            int vocab = model.config().vocabSize();
            for (int t : tokens) {
                if (t < 0 || t >= vocab) {
                    throw new IllegalArgumentException(dir.getFileName() + ": token " + t
                            + " is outside the vocabulary 0.." + (vocab - 1));
                }
            }
            try (NDManager scope = model.newScope()) {
                long[] ids = IntStream.of(tokens).asLongStream().toArray();
                NDArray out = model.forward(scope.create(ids, new Shape(1, ids.length)), null); // [1, T, V]
                logits = out.get(0, ids.length - 1).toFloatArray();                              // [V]
            }
        }
        int[] top = IntStream.range(0, logits.length).boxed()
                .sorted(Comparator.comparingDouble(i -> -logits[i])).limit(TOP).mapToInt(Integer::intValue).toArray();
        PrintWriter out = output.out();
        if (output.json()) {
            JsonObject o = new JsonObject();
            JsonArray in = new JsonArray();
            IntStream.of(tokens).forEach(in::add);
            o.add("tokens", in);
            o.addProperty("vocab_size", logits.length);
            o.addProperty("compute_dtype", computed);
            JsonArray values = new JsonArray();
            for (float f : logits) {
                values.add(f);
            }
            o.add("logits", values);
            JsonArray best = new JsonArray();
            IntStream.of(top).forEach(best::add);
            o.add("top", best);
            out.println(new Gson().toJson(o));
        } else {
            out.printf(Locale.ROOT, "last position of %d tokens, %d logits; top %d:%n", tokens.length, logits.length,
                    top.length);
            for (int i : top) {
                out.printf(Locale.ROOT, "  %8d  %10.5f%n", i, logits[i]);
            }
        }
        out.flush();
        return 0;
    }
}
