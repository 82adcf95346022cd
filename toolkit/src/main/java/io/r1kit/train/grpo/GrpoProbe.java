package io.r1kit.train.grpo;

import com.google.gson.JsonObject;
import io.r1kit.model.generate.Generation;
import io.r1kit.model.generate.GenerationConfig;
import io.r1kit.model.generate.TokenDecoder;
import io.r1kit.model.Engines;
import io.r1kit.model.text.TextTokenizer;
import io.r1kit.model.vlm.Vlm3d;
import io.r1kit.model.vlm.VlmCheckpoint;
import io.r1kit.task.Task;
import io.r1kit.task.TaskPrompt;
import io.r1kit.train.TrainProgress;

import java.io.IOException;
import java.nio.file.Path;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The headroom GRPO can use, per task: how often the greedy answer is right (pass@1), how often a sampled one
 * is, and how often some of G samples is (pass@G), with the share of groups that tie (all right or all wrong:
 * no signal). "Right" is verifiable: grounding IoU ≥ 0.25 with the target box; QA and dialogue an exact match
 * ({@code answer}); the other tasks every fact of the reference stated ({@code facts} = 1). Prompts come from
 * {@link #recipe}, the run's recipe with those checks as its only rewards.
 *
 * <pre>{@code
 * GrpoProbe.Report r = GrpoProbe.run(config, 24, TrainProgress.none(), (done, total) -> {});
 * r.tasks().get(Task.PLANNING).passG();   // share of planning prompts some sample of G gets right
 * }</pre>
 */
public final class GrpoProbe {

    /** Prompts decoded together (each sampled G times). */
    private static final int BATCH = 4;

    /** Told after each batch. */
    @FunctionalInterface
    public interface Progress {
        void probed(int done, int total);
    }

    /**
     * One task's headroom.
     *
     * @param prompts prompts probed
     * @param pass1   share whose greedy answer is right
     * @param sampled share of sampled answers that are right
     * @param passG   share with at least one right answer among G samples
     * @param tied    share whose G samples are all right or all wrong
     */
    public record Headroom(int prompts, double pass1, double sampled, double passG, double tied) {

        public JsonObject toJson() {
            JsonObject o = new JsonObject();
            o.addProperty("prompts", prompts);
            o.addProperty("pass@1", pass1);
            o.addProperty("sampled", sampled);
            o.addProperty("pass@G", passG);
            o.addProperty("tied", tied);
            return o;
        }

        public String toText(Task t, int g) {
            return String.format(Locale.ROOT, "%-15s %5d prompts  pass@1 %.3f  sampled %.3f  pass@%d %.3f  tied %.2f",
                    t.slug(), prompts, pass1, sampled, g, passG, tied);
        }
    }

    /**
     * A probe of one recipe: its starting model, G, the temperature and each task's headroom.
     *
     * @param model       the starting model's folder
     * @param g           samples per prompt
     * @param temperature sampling temperature
     * @param tasks       per task, its headroom
     */
    public record Report(Path model, int g, double temperature, Map<Task, Headroom> tasks) {

        public JsonObject toJson() {
            JsonObject o = new JsonObject();
            o.addProperty("model", model.toString());
            o.addProperty("num_generations", g);
            o.addProperty("temperature", temperature);
            JsonObject t = new JsonObject();
            tasks.forEach((k, v) -> t.add(k.slug(), v.toJson()));
            o.add("tasks", t);
            return o;
        }

        public String toText() {
            StringBuilder sb = new StringBuilder("headroom of " + model + " (right: grounding IoU >= 0.25, qa/dialogue"
                    + " exact match, other tasks every reference fact stated)\n");
            tasks.forEach((t, v) -> sb.append(v.toText(t, g)).append('\n'));
            return sb.toString().stripTrailing();
        }
    }

    private GrpoProbe() {}

    /**
     * Probes the first {@code perTask} training prompts of each of {@code config}'s tasks on its starting model.
     *
     * @param data told while the prompt rooms are generated
     */
    public static Report run(GrpoConfig config, int perTask, TrainProgress data, Progress progress) throws IOException {
        if (perTask < 1) {
            throw new IllegalArgumentException("prompts per task must be at least 1, got " + perTask);
        }
        GrpoConfig recipe = recipe(config);
        Path base = GrpoRun.base(recipe);
        try (Vlm3d model = VlmCheckpoint.load(base, Engines.defaultDevice());
             TextTokenizer tokenizer = TextTokenizer.load(base)) {
            TokenDecoder text = ids -> TaskPrompt.stripEnd(tokenizer.decodeWithoutSpecial(ids));
            GrpoData all = GrpoData.of(recipe.trainRooms(), recipe.trainSeed(), recipe, new GrpoRewards(),
                    model.config(), tokenizer, data);
            Map<Task, Integer> taken = new EnumMap<>(Task.class);
            List<GrpoPrompt> prompts = new ArrayList<>();
            for (GrpoPrompt p : all.prompts()) {
                if (taken.merge(p.task(), 1, Integer::sum) <= perTask) {
                    prompts.add(p);
                }
            }
            return new Report(base, recipe.numGenerations(), recipe.temperature(),
                    run(model, prompts, text, recipe, progress));
        }
    }

    /** {@code config} with each task scored by its correctness check alone (see the class comment). */
    public static GrpoConfig recipe(GrpoConfig config) {
        Map<String, List<String>> checks = new LinkedHashMap<>();
        for (Task t : config.tasks()) {
            checks.put(t.slug(), List.of(check(t)));
        }
        return config.withRewards(checks);
    }

    /** The reward whose value says whether an answer to {@code task} is right. */
    public static String check(Task task) {
        return switch (task) {
            case GROUNDING -> "perception";
            case QA, DIALOGUE -> "answer";
            default -> "facts";
        };
    }

    /** Whether a score of {@link #check}'s reward is a right answer. */
    public static boolean right(Task task, double score) {
        return task == Task.GROUNDING ? score >= 0.25 : score >= 1 - 1e-9;
    }

    /** Probes {@code prompts} (made with {@link #recipe}) greedily and with G samples at the recipe's temperature. */
    public static Map<Task, Headroom> run(Vlm3d model, List<GrpoPrompt> prompts, TokenDecoder text, GrpoConfig config,
                                          Progress progress) {
        int g = config.numGenerations();
        IntFunction<GenerationConfig> greedy = LengthBatches.greedy(model);
        Map<Task, double[]> sums = new EnumMap<>(Task.class);   // prompts, pass1, sampled, passG, tied
        for (int from = 0; from < prompts.size(); from += BATCH) {
            List<GrpoPrompt> chunk = prompts.subList(from, Math.min(prompts.size(), from + BATCH));
            List<Generation> first = LengthBatches.generate(model, chunk, config::completionLength, greedy);
            long seed = config.seed() * 7919L + from;
            IntFunction<GenerationConfig> sampling = n -> greedy.apply(n).toBuilder().sample(true)
                    .temperature(config.temperature()).topP(config.topP()).seed(seed).build();
            List<GrpoPrompt> rows = new ArrayList<>();
            chunk.forEach(p -> {
                for (int i = 0; i < g; i++) {
                    rows.add(p);
                }
            });
            List<Generation> samples = LengthBatches.generate(model, rows, config::completionLength, sampling);
            for (int k = 0; k < chunk.size(); k++) {
                GrpoPrompt p = chunk.get(k);
                double[] s = sums.computeIfAbsent(p.task(), t -> new double[5]);
                s[0]++;
                s[1] += right(model, p, first.get(k), text) ? 1 : 0;
                int hits = 0;
                for (int i = 0; i < g; i++) {
                    hits += right(model, p, samples.get(k * g + i), text) ? 1 : 0;
                }
                s[2] += (double) hits / g;
                s[3] += hits > 0 ? 1 : 0;
                s[4] += hits == 0 || hits == g ? 1 : 0;
            }
            progress.probed(Math.min(prompts.size(), from + BATCH), prompts.size());
        }
        Map<Task, Headroom> out = new EnumMap<>(Task.class);
        sums.forEach((t, s) -> out.put(t, new Headroom((int) s[0], s[1] / s[0], s[2] / s[0], s[3] / s[0], s[4] / s[0])));
        return out;
    }

    private static boolean right(Vlm3d model, GrpoPrompt p, Generation gen, TokenDecoder text) {
        double score = p.rewards().score(text.decode(model.readable(gen.tokens(), p.features())), p.target()).total();
        return right(p.task(), score);
    }
}
