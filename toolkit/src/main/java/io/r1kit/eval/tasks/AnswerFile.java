package io.r1kit.eval.tasks;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * What a model answered in an evaluation, one JSON object a line: {@code model}, {@code room} (its index in the
 * evaluation), {@code scene}, {@code task}, {@code type} (QA only), {@code question}, {@code reference}, {@code reply}
 * (the model's whole reply, reasoning included) and {@code answer} (the part inside {@code <answer>}), in the order
 * the questions were asked, one model after the other; the same options ask two models the same questions in the
 * same order.
 *
 * <pre>{@code
 * AnswerFile.write(Path.of("answers.jsonl"), Map.of("r1", cases));
 * }</pre>
 */
public final class AnswerFile {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private AnswerFile() {}

    /** The line of one case. */
    public static JsonObject line(String model, TaskCase c) {
        JsonObject o = new JsonObject();
        o.addProperty("model", model);
        o.addProperty("room", c.room());
        o.addProperty("scene", c.example().sceneId());
        o.addProperty("task", c.example().task().slug());
        if (c.example().type() != null) {
            o.addProperty("type", c.example().type().name().toLowerCase(java.util.Locale.ROOT));
        }
        o.addProperty("question", c.example().question());
        o.addProperty("reference", c.example().answer());
        o.addProperty("reply", c.answer().reply());
        o.addProperty("answer", c.answer().answer());
        return o;
    }

    /**
     * Writes each model's cases (in the map's order) to {@code file} through a temporary file beside it, so a failed
     * write leaves what was there before.
     */
    public static void write(Path file, Map<String, List<TaskCase>> models) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                for (Map.Entry<String, List<TaskCase>> m : models.entrySet()) {
                    for (TaskCase c : m.getValue()) {
                        w.write(GSON.toJson(line(m.getKey(), c)));
                        w.write('\n');
                    }
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
