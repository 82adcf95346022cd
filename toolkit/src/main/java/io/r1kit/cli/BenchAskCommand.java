package io.r1kit.cli;

import com.google.gson.JsonObject;
import io.r1kit.cot.tasks.Example;
import io.r1kit.cot.tasks.InstructionGenerator;
import io.r1kit.cot.tasks.Queries;
import io.r1kit.cot.tasks.SceneContext;
import io.r1kit.model.text.TextTokenizer;
import io.r1kit.model.vlm.PromptFormat;
import io.r1kit.model.vlm.Vlm3d;
import io.r1kit.model.vlm.VlmAsk;
import io.r1kit.scene.gen.GeneratedRoom;
import io.r1kit.scene.gen.RoomSpec;
import io.r1kit.task.Task;
import io.r1kit.task.TaskAnswer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code r1kit bench ask [--model sft|r1|DIR] [--room KIND:SEED] [--repeats N] [--json]}: how long one answer
 * takes inside a warm JVM, per task: the data engine's first question of each task about a generated room,
 * asked once to warm up and then {@code repeats} times, greedily and alone (as {@code r1kit ask} asks); the
 * median and the largest time, and the median answer length in tokens. Model loading is timed apart.
 */
@Command(name = "ask", mixinStandardHelpOptions = true,
        description = "Time one answer per task in a warm JVM (median and worst of N), and the model's load time.")
final class BenchAskCommand implements Callable<Integer> {

    @Mixin
    ModelChoice model;

    @Option(names = "--room", paramLabel = "KIND:SEED", defaultValue = "bedroom:300001",
            description = "the generated room asked about (default ${DEFAULT-VALUE}, never trained on)")
    String room;

    @Option(names = "--repeats", defaultValue = "5", description = "timed answers per task (default ${DEFAULT-VALUE})")
    int repeats;

    @Mixin
    JsonOutput output;

    @Mixin
    DeviceOption deviceOption;

    @Override
    public Integer call() throws Exception {
        deviceOption.apply();
        if (repeats < 1) {
            throw new IllegalArgumentException("--repeats " + repeats + " must be at least 1");
        }
        RoomSpec spec = RoomSpec.parse(room);
        GeneratedRoom r = spec.generate();
        long t0 = System.nanoTime();
        try (Vlm3d vlm = Vlm3d.load(model.dir()); TextTokenizer tok = TextTokenizer.load(model.dir())) {
            VlmAsk ask = new VlmAsk(vlm, tok);
            double loadMs = (System.nanoTime() - t0) / 1e6;
            VlmAsk.Input in = ask.prepare(r.scene());
            SceneContext c = InstructionGenerator.context(r, spec.seed());
            Map<Task, double[]> times = new EnumMap<>(Task.class);
            Map<Task, Integer> lengths = new EnumMap<>(Task.class);
            List<Task> tasks = Arrays.stream(Task.values()).filter(t -> PromptFormat.asks(vlm.config(), t)).toList();
            for (Example e : firstOfEachTask(r, spec.seed(), tasks, vlm.config().maxObjects())) {
                var q = Queries.of(e, c);
                TaskAnswer warm = ask.ask(in, q);
                double[] ms = new double[repeats];
                for (int i = 0; i < repeats; i++) {
                    long s = System.nanoTime();
                    ask.ask(in, q);
                    ms[i] = (System.nanoTime() - s) / 1e6;
                }
                Arrays.sort(ms);
                times.put(e.task(), ms);
                lengths.put(e.task(), tok.encode(warm.reply()).length);
            }
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s on %s: model loaded in %.0f ms%n",
                    model.name(), r.scene().id(), loadMs));
            sb.append(String.format(Locale.ROOT, "%-15s %10s %10s %8s%n", "task", "median ms", "worst ms", "tokens"));
            JsonObject json = new JsonObject();
            json.addProperty("load_ms", loadMs);
            times.forEach((t, ms) -> {
                sb.append(String.format(Locale.ROOT, "%-15s %10.0f %10.0f %8d%n", t.slug(), ms[ms.length / 2],
                        ms[ms.length - 1], lengths.get(t)));
                JsonObject o = new JsonObject();
                o.addProperty("median_ms", ms[ms.length / 2]);
                o.addProperty("worst_ms", ms[ms.length - 1]);
                o.addProperty("tokens", lengths.get(t));
                json.add(t.slug(), o);
            });
            output.print(() -> sb.toString().stripTrailing(), () -> JsonOutput.pretty(json));
        }
        return 0;
    }

    private static List<Example> firstOfEachTask(GeneratedRoom r, long seed, List<Task> tasks, int maxObjects) {
        List<Example> out = new ArrayList<>();
        for (Task t : tasks) {
            InstructionGenerator.forModel(r, seed, List.of(t), maxObjects).stream().findFirst().ifPresent(out::add);
        }
        return out;
    }
}
