package io.r1kit.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.r1kit.model.Engines;
import io.r1kit.model.vlm.Vlm3d;
import io.r1kit.model.vlm.VlmExample;
import io.r1kit.train.TextProgress;
import io.r1kit.train.sft.SftConfig;
import io.r1kit.train.sft.SftData;
import io.r1kit.train.sft.SftTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code r1kit bench sft-batches [--config RECIPE] [--steps N] [--chunk K] [--json]}: SFT steps with random
 * batches against batches grouped by length ({@code group_by_length}), side by side in one JVM: the recipe's
 * training examples are built once, two models start from the same initialisation, and chunks of K steps
 * alternate between them (so a busy machine slows both alike) after {@code --warmup} untimed steps each.
 */
@Command(name = "sft-batches", mixinStandardHelpOptions = true,
        description = "Time SFT steps with random batches against batches grouped by length, side by side.")
final class BenchSftBatchesCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "RECIPE", description = "SFT recipe JSON (default: the nano preset)")
    Path config;

    @Option(names = "--steps", defaultValue = "60", description = "timed steps of each order (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--chunk", defaultValue = "15", description = "steps of one order before the other runs (default ${DEFAULT-VALUE})")
    int chunk;

    @Option(names = "--warmup", defaultValue = "5", description = "untimed steps of each order first (default ${DEFAULT-VALUE})")
    int warmup;

    @Mixin
    JsonOutput output;

    /** Time and positions (scene, prompt and answer tokens) of one order's timed steps. */
    private static final class Tally {
        long nanos;
        long positions;
        long padded;
        int steps;
    }

    @Override
    public Integer call() throws Exception {
        if (steps < 1 || chunk < 1 || warmup < 0) {
            throw new IllegalArgumentException("--steps " + steps + ", --chunk " + chunk + ", --warmup " + warmup
                    + ": steps and chunk must be at least 1, warmup at least 0");
        }
        SftConfig recipe = config == null ? SftConfig.defaults() : SftConfig.read(config);
        SftConfig random = withGrouping(recipe, false);
        SftConfig grouped = withGrouping(recipe, true);
        SftData data = SftData.training(recipe, new TextProgress(output.err()));
        List<VlmExample> examples = data.examples();
        Tally r = new Tally();
        Tally g = new Tally();
        try (Vlm3d a = Vlm3d.initialize(recipe.vlmConfig(data.vocabulary().size()), Engines.defaultDevice());
             Vlm3d b = Vlm3d.initialize(recipe.vlmConfig(data.vocabulary().size()), Engines.defaultDevice())) {
            SftTrainer ta = new SftTrainer(a, random, recipe.schedule());
            SftTrainer tb = new SftTrainer(b, grouped, recipe.schedule());
            run(ta, examples, recipe.batchSize(), warmup, null);
            run(tb, examples, recipe.batchSize(), warmup, null);
            while (r.steps < steps) {
                int n = Math.min(chunk, steps - r.steps);
                run(ta, examples, recipe.batchSize(), n, r);
                run(tb, examples, recipe.batchSize(), n, g);
                output.err().printf(Locale.ROOT, "\r%d of %d steps each", r.steps, steps);
                output.err().flush();
            }
            output.err().println();
        }
        double speedUp = (r.nanos / (double) r.steps) / (g.nanos / (double) g.steps);
        output.print(() -> String.format(Locale.ROOT,
                "SFT steps, %d examples, batch %d, %d timed steps each after %d, chunks of %d (%d cores)%n"
                        + "order     ms/step  positions/s  padded/own%n"
                        + "random  %9.1f  %11.0f  %10.2f%n"
                        + "grouped %9.1f  %11.0f  %10.2f%n"
                        + "grouped is %.2fx as fast per step",
                examples.size(), recipe.batchSize(), steps, warmup, chunk, Runtime.getRuntime().availableProcessors(),
                ms(r), rate(r), r.padded / (double) r.positions, ms(g), rate(g), g.padded / (double) g.positions,
                speedUp), () -> {
            JsonObject o = new JsonObject();
            o.addProperty("examples", examples.size());
            o.addProperty("batch_size", recipe.batchSize());
            o.addProperty("steps", steps);
            o.addProperty("warmup", warmup);
            o.add("random", json(r));
            o.add("grouped", json(g));
            o.addProperty("speed_up", speedUp);
            return JsonOutput.pretty(o);
        });
        return 0;
    }

    /** {@code recipe} with {@code group_by_length} set to {@code on}. */
    private static SftConfig withGrouping(SftConfig recipe, boolean on) {
        JsonObject o = JsonParser.parseString(recipe.toJson()).getAsJsonObject();
        o.addProperty("group_by_length", on);
        return SftConfig.fromJson(o.toString());
    }

    private static void run(SftTrainer trainer, List<VlmExample> examples, int size, int n, Tally tally) {
        for (int i = 0; i < n; i++) {
            List<VlmExample> batch = trainer.nextBatch(examples, size);
            long t0 = System.nanoTime();
            trainer.step(batch);
            if (tally != null) {
                tally.nanos += System.nanoTime() - t0;
                tally.steps++;
                tally.positions += batch.stream().mapToLong(VlmExample::positions).sum();
                tally.padded += (long) batch.size() * batch.stream().mapToInt(VlmExample::positions).max().orElse(0);
            }
        }
    }

    private static double ms(Tally t) {
        return t.nanos / 1e6 / t.steps;
    }

    private static double rate(Tally t) {
        return t.positions / (t.nanos / 1e9);
    }

    private static JsonObject json(Tally t) {
        JsonObject o = new JsonObject();
        o.addProperty("ms_per_step", ms(t));
        o.addProperty("positions_per_s", rate(t));
        o.addProperty("padded_over_own", t.padded / (double) t.positions);
        return o;
    }
}
