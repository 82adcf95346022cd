package io.r1kit.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.r1kit.model.Engines;
import io.r1kit.model.generate.Generation;
import io.r1kit.model.generate.GenerationConfig;
import io.r1kit.model.generate.Generator;
import io.r1kit.model.lm.ComputeDtype;
import io.r1kit.model.lm.Qwen2Checkpoint;
import io.r1kit.model.lm.Qwen2Model;
import io.r1kit.train.AdamW;
import io.r1kit.train.GradientUpdate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * {@code r1kit model bench-steps DIR}: the time of every training step and every GRPO-style sampling call
 * of a checkpoint, warm-up included, so that another runtime on the same weights can be compared with it
 * ({@code toolkit/src/test/python/bench_steps.py} runs transformers the same way).
 *
 * <p>A training step is a forward pass over {@code --batch} rows of T tokens, the mean negative
 * log-probability of the next tokens, a backward pass, then clipping to norm 1, AdamW (weight decay 0.01)
 * and zeroed gradients ({@link GradientUpdate}). A sampling call draws {@code --new-tokens} tokens at
 * temperature 1 (no top-k, no top-p, no stop token) for {@code --batch} copies of one prompt and keeps
 * the log-probability of each drawn token, as a GRPO group does. Ids are seeded and uniform over the
 * vocabulary. Each iteration is timed on the wall clock ({@code ms}) and in CPU time of the whole process
 * ({@code cpu_ms}), which a busy machine disturbs less. {@code --device} chooses where the model runs; on a GPU
 * each figure ends with a read of its result, so the work queued on the device is inside the time.
 * {@code --dtype} is the compute type of the sampling calls (the weights loaded again from {@code DIR} in it);
 * training steps always run in float32, since DJL 0.36's type cast runs without gradients, so no
 * half-precision graph can be trained through it.
 */
@Command(name = "bench-steps", mixinStandardHelpOptions = true,
        description = "Time training steps and sampling calls of a checkpoint (every iteration, warm-up included).")
final class ModelStepsBenchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "a Hugging Face checkpoint directory")
    Path dir;

    @Option(names = "--batch", defaultValue = "8", description = "rows per step and per sampling call (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--seq", split = ",", defaultValue = "64,256",
            description = "training sequence lengths T, in order (default ${DEFAULT-VALUE})")
    int[] seqs;

    @Option(names = "--prompt", defaultValue = "32", description = "sampling prompt length (default ${DEFAULT-VALUE})")
    int prompt;

    @Option(names = "--new-tokens", defaultValue = "64", description = "tokens drawn per row per call (default ${DEFAULT-VALUE})")
    int newTokens;

    @Option(names = "--iterations", defaultValue = "10",
            description = "steps per length and sampling calls, warm-up included (default ${DEFAULT-VALUE})")
    int iterations;

    @Mixin
    ThreadsOption threadsOption;

    @Mixin
    DeviceOption deviceOption;

    @Option(names = "--dtype", defaultValue = "float32", paramLabel = "float32|float16",
            description = "compute type of the sampling calls: float32 or float16; training steps run in float32"
                    + " (default ${DEFAULT-VALUE})")
    String dtypeName;

    @Mixin
    JsonOutput output;

    @Override
    public Integer call() throws Exception {
        if (batch < 1 || prompt < 1 || newTokens < 1 || iterations < 1 || seqs.length == 0
                || Arrays.stream(seqs).anyMatch(t -> t < 2)) {
            throw new IllegalArgumentException("--batch, --prompt, --new-tokens and --iterations must be >= 1 and"
                    + " each --seq >= 2");
        }
        ComputeDtype dtype = ComputeDtype.parse(dtypeName);
        if (dtype != ComputeDtype.FLOAT32 && dtype != ComputeDtype.FLOAT16) {
            throw new IllegalArgumentException("--dtype " + dtypeName + ": bench-steps runs float32 or float16");
        }
        threadsOption.apply();
        deviceOption.apply();
        JsonObject result = new JsonObject();
        try (Qwen2Model model = Qwen2Checkpoint.load(dir, Engines.defaultDevice(), ComputeDtype.FLOAT32)) {
            JsonArray train = new JsonArray();
            model.setTrainable(true);
            AdamW optimizer = new AdamW(1e-4, 0.01, model.newScope());
            for (int t : seqs) {
                JsonObject o = new JsonObject();
                o.addProperty("seq", t);
                double[][] ms = trainSteps(model, optimizer, t);
                o.add("ms", times(ms[0]));
                o.add("cpu_ms", times(ms[1]));
                train.add(o);
            }
            result.add("train", train);
            result.addProperty("parameters", model.parameterCount());
        }
        try (Qwen2Model model = Qwen2Checkpoint.load(dir, Engines.defaultDevice(), dtype)) {
            double[][] sample = samplingCalls(model);
            result.add("sample_ms", times(sample[0]));
            result.add("sample_cpu_ms", times(sample[1]));
        }
        result.addProperty("batch", batch);
        result.addProperty("prompt", prompt);
        result.addProperty("new_tokens", newTokens);
        result.addProperty("threads", threadsOption.threads);
        result.addProperty("device", Engines.defaultDevice().toString());
        result.addProperty("dtype", dtype.label());
        PrintWriter out = output.out();
        out.println(output.json() ? new Gson().toJson(result) : text(result));
        out.flush();
        return 0;
    }

    /** Wall-clock and CPU milliseconds of each of {@code iterations} training steps on sequences of {@code t} tokens. */
    private double[][] trainSteps(Qwen2Model model, AdamW optimizer, int t) {
        int vocab = model.config().vocabSize();
        Random random = new Random(t);
        double[][] ms = new double[2][iterations];
        for (int i = 0; i < iterations; i++) {
            long[] ids = new long[batch * (t + 1)];
            for (int j = 0; j < ids.length; j++) {
                ids[j] = random.nextInt(vocab);
            }
            long start = System.nanoTime();
            long cpu = cpuNanos();
            try (NDManager scope = model.newScope()) {
                NDArray all = scope.create(ids, new Shape(batch, t + 1));                      // [B, T+1]
                NDArray loss;
                try (GradientCollector collector = Engines.pytorch().newGradientCollector()) {
                    NDArray logits = model.forward(all.get(new NDIndex(":, :-1")), null);         // [B, T, V]
                    NDArray targets = all.get(new NDIndex(":, 1:")).expandDims(2);             // [B, T, 1]
                    loss = logits.logSoftmax(-1).gather(targets, 2).mean().neg();              // scalar
                    collector.backward(loss);
                }
                GradientUpdate.apply(model.parameters(), optimizer, 1f, scope);
                loss.getFloat(); // the step is over once its result is read
            }
            ms[0][i] = (System.nanoTime() - start) / 1e6;
            ms[1][i] = (cpuNanos() - cpu) / 1e6;
        }
        return ms;
    }

    /** Wall-clock and CPU milliseconds of each of {@code iterations} sampling calls of {@code batch} rows. */
    private double[][] samplingCalls(Qwen2Model model) {
        int vocab = model.config().vocabSize();
        Random random = new Random(1);
        int[] ids = new int[prompt];
        for (int j = 0; j < prompt; j++) {
            ids[j] = random.nextInt(vocab);
        }
        List<int[]> rows = new ArrayList<>();
        for (int b = 0; b < batch; b++) {
            rows.add(ids);
        }
        Generator generator = new Generator(model);
        double[][] ms = new double[2][iterations];
        for (int i = 0; i < iterations; i++) {
            GenerationConfig config = GenerationConfig.builder().maxNewTokens(newTokens).sample(true).temperature(1.0)
                    .seed(i).build();
            long start = System.nanoTime();
            long cpu = cpuNanos();
            List<Generation> out = generator.generate(rows, config, null, null);
            ms[0][i] = (System.nanoTime() - start) / 1e6;
            ms[1][i] = (cpuNanos() - cpu) / 1e6;
            if (out.stream().anyMatch(g -> g.tokens().length != newTokens || g.logProbs().length != newTokens)) {
                throw new IllegalStateException("a row stopped before " + newTokens + " tokens");
            }
        }
        return ms;
    }

    /** CPU time of the whole process (every thread: the engine's, the JIT's, the collector's). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static JsonArray times(double[] ms) {
        JsonArray a = new JsonArray();
        for (double m : ms) {
            a.add(Math.round(m * 100) / 100.0);
        }
        return a;
    }

    private static String text(JsonObject r) {
        StringBuilder s = new StringBuilder();
        r.getAsJsonArray("train").forEach(e -> s.append(String.format(Locale.ROOT, "train T=%d: %s ms%n",
                e.getAsJsonObject().get("seq").getAsInt(), e.getAsJsonObject().get("ms"))));
        s.append(String.format(Locale.ROOT, "sample %d rows x %d tokens: %s ms", r.get("batch").getAsInt(),
                r.get("new_tokens").getAsInt(), r.get("sample_ms")));
        return s.toString();
    }
}
