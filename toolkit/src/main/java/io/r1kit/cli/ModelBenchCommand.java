package io.r1kit.cli;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.r1kit.model.Engines;
import io.r1kit.model.generate.GenerationConfig;
import io.r1kit.model.generate.Generator;
import io.r1kit.model.lm.ComputeDtype;
import io.r1kit.model.lm.Qwen2Checkpoint;
import io.r1kit.model.lm.Qwen2Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code r1kit model bench DIR [--dtype float32,float16]}: greedy decoding speed (new tokens per
 * second of the best of {@code --repeats} runs, prompt included in the time) of a checkpoint in each
 * compute dtype named, for comparison with other runtimes on the same weights and threads.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure greedy decoding speed (tokens per second) of a checkpoint, per compute dtype.")
final class ModelBenchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "a Hugging Face checkpoint directory")
    Path dir;

    @Option(names = "--prompt", defaultValue = "16", description = "prompt length in tokens (default ${DEFAULT-VALUE})")
    int prompt;

    @Option(names = "--new-tokens", defaultValue = "64", description = "tokens generated per run (default ${DEFAULT-VALUE})")
    int newTokens;

    @Option(names = "--repeats", defaultValue = "3", description = "timed runs after two warm-up runs; the best is reported (default ${DEFAULT-VALUE})")
    int repeats;

    @Mixin
    ThreadsOption threadsOption;

    @Mixin
    DtypeOption dtype;

    @Mixin
    JsonOutput output;

    @Mixin
    DeviceOption deviceOption;

    @Override
    public Integer call() throws Exception {
        deviceOption.apply();
        if (prompt < 1 || newTokens < 1 || repeats < 1) {
            throw new IllegalArgumentException("--prompt, --new-tokens and --repeats must be >= 1");
        }
        threadsOption.apply();
        var device = Engines.defaultDevice();
        var dtypes = dtype.all();
        for (ComputeDtype d : dtypes) {
            d.resolve(device); // refuse an unrunnable dtype before timing anything
        }
        Map<String, Double> tokensPerSecond = new LinkedHashMap<>();
        for (ComputeDtype d : dtypes) {
            try (Qwen2Model model = Qwen2Checkpoint.load(dir, device, d)) {
                tokensPerSecond.put(model.dtype().label(), newTokens / bestSeconds(model));
            }
        }
        PrintWriter out = output.out();
        if (output.json()) {
            JsonObject o = new JsonObject();
            JsonArray runs = new JsonArray();
            tokensPerSecond.forEach((name, speed) -> {
                JsonObject r = new JsonObject();
                r.addProperty("dtype", name);
                r.addProperty("tokens_per_second", speed);
                runs.add(r);
            });
            o.add("runs", runs);
            o.addProperty("device", device.toString());
            o.addProperty("prompt", prompt);
            o.addProperty("new_tokens", newTokens);
            o.addProperty("repeats", repeats);
            o.addProperty("threads", threadsOption.threads);
            out.println(new Gson().toJson(o));
        } else {
            out.printf(Locale.ROOT, "greedy decoding on %s (prompt %d, %d new tokens, best of %d runs):%n", device,
                    prompt, newTokens, repeats);
            tokensPerSecond.forEach((name, speed) ->
                    out.printf(Locale.ROOT, "  %-8s  %8.1f tokens/s%n", name, speed));
        }
        out.flush();
        return 0;
    }

    /** Seconds of the fastest of {@code repeats} timed runs after two warm-up runs. */
    private double bestSeconds(Qwen2Model model) {
        int[] ids = new int[prompt];
        for (int i = 0; i < prompt; i++) {
            ids[i] = (7 * i + 3) % model.config().vocabSize(); // a fixed, unremarkable prompt
        }
        Generator g = new Generator(model);
        GenerationConfig config = GenerationConfig.builder().maxNewTokens(newTokens).build();
        g.generate(ids, config); // warm-up: JIT, allocator, BLAS buffers
        g.generate(ids, config);
        double seconds = Double.MAX_VALUE;
        for (int r = 0; r < repeats; r++) { // the best run: least disturbed by other processes
            long start = System.nanoTime();
            g.generate(ids, config);
            seconds = Math.min(seconds, (System.nanoTime() - start) / 1e9);
        }
        return seconds;
    }
}
