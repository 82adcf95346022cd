package io.r1kit.cli;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.r1kit.cot.tasks.Example;
import io.r1kit.cot.tasks.InstructionGenerator;
import io.r1kit.reward.MiniLmEmbedder;
import io.r1kit.reward.RewardTarget;
import io.r1kit.reward.SemanticReward;
import io.r1kit.scene.gen.GeneratedRoom;
import io.r1kit.scene.gen.GeneratorConfig;
import io.r1kit.scene.gen.SceneGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code r1kit bench reward [--rooms N] [--embeddings OUT.jsonl] [--json]}: the semantic reward's
 * cost on this machine over real texts (the answers of the data engine's examples for N generated
 * rooms, each scored against another example's answer as reference): model load, time per output
 * when its text is new, and when it is cached. {@code --embeddings} writes every text scored with
 * its all-MiniLM-L6-v2 vector as JSON lines ({@code {"text": ..., "embedding": [...]}}), which
 * {@code environment/check_minilm.py} compares with an independent ONNX Runtime run.
 */
@Command(name = "reward", mixinStandardHelpOptions = true,
        description = "Time the semantic reward (all-MiniLM-L6-v2) per output on generated rooms' answers.")
final class BenchRewardCommand implements Callable<Integer> {

    @Option(names = "--rooms", defaultValue = "4", description = "generated rooms whose answers are scored (default ${DEFAULT-VALUE})")
    int rooms;

    @Option(names = "--embeddings", paramLabel = "FILE", description = "write each text and its embedding as JSON lines")
    Path embeddings;

    @Mixin
    JsonOutput output;

    @Override
    public Integer call() throws Exception {
        if (rooms < 1) {
            throw new IllegalArgumentException("--rooms " + rooms + " must be at least 1");
        }
        List<String> texts = texts(rooms);
        long t0 = System.nanoTime();
        MiniLmEmbedder.shared().embed("warm-up"); // loads the ONNX model once per JVM
        double loadMs = (System.nanoTime() - t0) / 1e6;
        SemanticReward semantic = new SemanticReward(MiniLmEmbedder.shared(), texts.size() + 1);
        // Each text is an output scored against the first text as reference (one reference, as in a GRPO group).
        RewardTarget target = RewardTarget.ofReference(texts.get(0));
        long t1 = System.nanoTime();
        for (String t : texts) {
            semantic.score(t, target);
        }
        double newMs = (System.nanoTime() - t1) / 1e6 / texts.size();
        long t2 = System.nanoTime();
        for (String t : texts) {
            semantic.score(t, target);
        }
        double cachedMs = (System.nanoTime() - t2) / 1e6 / texts.size();
        if (embeddings != null) {
            write(embeddings, texts);
        }
        double meanWords = texts.stream().mapToInt(s -> s.split("\\s+").length).average().orElse(0);
        output.print(() -> String.format(Locale.ROOT,
                "semantic reward, all-MiniLM-L6-v2 on ONNX Runtime (CPU, %d cores)%n"
                        + "texts          %d distinct answers of %d generated rooms (%.1f words on average)%n"
                        + "model load     %.0f ms%n"
                        + "per output     %.2f ms (new text)%n"
                        + "per output     %.4f ms (cached text)",
                Runtime.getRuntime().availableProcessors(), texts.size(), rooms, meanWords, loadMs, newMs, cachedMs),
                () -> {
                    JsonObject o = new JsonObject();
                    o.addProperty("texts", texts.size());
                    o.addProperty("rooms", rooms);
                    o.addProperty("mean_words", meanWords);
                    o.addProperty("cores", Runtime.getRuntime().availableProcessors());
                    o.addProperty("load_ms", loadMs);
                    o.addProperty("per_output_ms", newMs);
                    o.addProperty("per_cached_output_ms", cachedMs);
                    return JsonOutput.pretty(o);
                });
        return 0;
    }

    /** The distinct answers (short and full) of the rooms' examples, in generation order. */
    private static List<String> texts(int rooms) {
        SceneGenerator gen = new SceneGenerator(GeneratorConfig.defaults().withPointBudget(6000));
        Set<String> out = new LinkedHashSet<>();
        for (int seed = 0; seed < rooms; seed++) {
            GeneratedRoom room = gen.generate(seed);
            for (Example e : InstructionGenerator.generate(room, seed)) {
                out.add(e.answer());
                out.add(e.fullAnswer());
            }
        }
        return new ArrayList<>(out);
    }

    private static void write(Path file, List<String> texts) throws java.io.IOException {
        Gson gson = new Gson();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (String t : texts) {
                JsonObject o = new JsonObject();
                o.addProperty("text", t);
                JsonArray v = new JsonArray();
                for (float x : MiniLmEmbedder.shared().embed(t)) {
                    v.add(x);
                }
                o.add("embedding", v);
                w.write(gson.toJson(o));
                w.newLine();
            }
        }
    }
}
