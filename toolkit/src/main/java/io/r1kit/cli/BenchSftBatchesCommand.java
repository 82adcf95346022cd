package io.r1kit.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.r1kit.model.Engines;
import io.r1kit.model.vlm.Vlm3d;
import io.r1kit.model.vlm.VlmExample;
import io.r1kit.train.LengthSplit;
import io.r1kit.train.TextProgress;
import io.r1kit.train.sft.SftConfig;
import io.r1kit.train.sft.SftData;
import io.r1kit.train.sft.SftTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code r1kit bench sft-batches [--config RECIPE] [--steps N] [--chunk K] [--json]}: SFT steps of three batch
 * orders side by side in one JVM: random batches in one pass, the same random batches run as parts of similar
 * length ({@code split_by_length}: the same update), and batches grouped by length ({@code group_by_length}).
 * The recipe's training examples are built once, the models start from the same initialisation, and chunks of
 * K steps rotate between them (so a busy machine slows all alike) after {@code --warmup} untimed steps each.
 */
@Command(name = "sft-batches", mixinStandardHelpOptions = true,
        description = "Time SFT steps with random batches, random batches split by length and batches grouped by"
                + " length, side by side.")
final class BenchSftBatchesCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "RECIPE", description = "SFT recipe JSON (default: the nano preset)")
    Path config;

    @Option(names = "--steps", defaultValue = "60", description = "timed steps of each order (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--chunk", defaultValue = "15", description = "steps of one order before the next runs (default ${DEFAULT-VALUE})")
    int chunk;

    @Option(names = "--warmup", defaultValue = "5", description = "untimed steps of each order first (default ${DEFAULT-VALUE})")
    int warmup;

    @Mixin
    JsonOutput output;

    /** A batch order timed: its JSON name and its recipe keys group_by_length and split_by_length. */
    private record Order(String name, boolean grouped, boolean split) {}

    private static final List<Order> ORDERS = List.of(new Order("random", false, false),
            new Order("split", false, true), new Order("grouped", true, false));

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
        SftData data = SftData.training(recipe, new TextProgress(output.err()));
        List<VlmExample> examples = data.examples();
        Tally[] tallies = new Tally[ORDERS.size()];
        List<Vlm3d> models = new ArrayList<>();
        try {
            SftTrainer[] trainers = new SftTrainer[ORDERS.size()];
            for (int i = 0; i < ORDERS.size(); i++) {
                Vlm3d m = Vlm3d.initialize(recipe.vlmConfig(data.vocabulary().size()), Engines.defaultDevice());
                models.add(m);
                trainers[i] = new SftTrainer(m, with(recipe, ORDERS.get(i)), recipe.schedule());
                tallies[i] = new Tally();
                run(trainers[i], examples, recipe.batchSize(), warmup, null);
            }
            while (tallies[0].steps < steps) {
                int n = Math.min(chunk, steps - tallies[0].steps);
                for (int i = 0; i < ORDERS.size(); i++) {
                    run(trainers[i], examples, recipe.batchSize(), n, tallies[i]);
                }
                output.err().printf(Locale.ROOT, "\r%d of %d steps each", tallies[0].steps, steps);
                output.err().flush();
            }
            output.err().println();
        } finally {
            models.forEach(Vlm3d::close);
        }
        Tally r = tallies[0];
        output.print(() -> {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                    "SFT steps, %d examples, batch %d, %d timed steps each after %d, chunks of %d (%d cores)%n"
                            + "order     ms/step  positions/s  padded/own  speed-up",
                    examples.size(), recipe.batchSize(), steps, warmup, chunk,
                    Runtime.getRuntime().availableProcessors()));
            for (int i = 0; i < ORDERS.size(); i++) {
                b.append(String.format(Locale.ROOT, "%n%-7s %9.1f  %11.0f  %10.2f  %7.2fx", ORDERS.get(i).name(),
                        ms(tallies[i]), rate(tallies[i]), tallies[i].padded / (double) tallies[i].positions,
                        ms(r) / ms(tallies[i])));
            }
            return b.toString();
        }, () -> {
            JsonObject o = new JsonObject();
            o.addProperty("examples", examples.size());
            o.addProperty("batch_size", recipe.batchSize());
            o.addProperty("steps", steps);
            o.addProperty("warmup", warmup);
            for (int i = 0; i < ORDERS.size(); i++) {
                JsonObject t = json(tallies[i]);
                t.addProperty("speed_up", ms(r) / ms(tallies[i]));
                o.add(ORDERS.get(i).name(), t);
            }
            return JsonOutput.pretty(o);
        });
        return 0;
    }

    /** {@code recipe} with {@code order}'s {@code group_by_length} and {@code split_by_length}. */
    private static SftConfig with(SftConfig recipe, Order order) {
        JsonObject o = JsonParser.parseString(recipe.toJson()).getAsJsonObject();
        o.addProperty("group_by_length", order.grouped());
        o.addProperty("split_by_length", order.split());
        return SftConfig.fromJson(o.toString());
    }

    /** Steps of {@code trainer}; a timed step counts the positions its passes compute. */
    private static void run(SftTrainer trainer, List<VlmExample> examples, int size, int n, Tally tally) {
        for (int i = 0; i < n; i++) {
            List<VlmExample> batch = trainer.nextBatch(examples, size);
            long t0 = System.nanoTime();
            trainer.step(batch);
            if (tally != null) {
                tally.nanos += System.nanoTime() - t0;
                tally.steps++;
                tally.positions += batch.stream().mapToLong(VlmExample::positions).sum();
                tally.padded += LengthSplit.padded(trainer.passes(batch), VlmExample::positions);
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
