package io.r1kit.data;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes Scene-30K jsonl: one {@code {"scene_id", "question", "cot"}} object per line.
 * Blank lines are skipped on reading; a bad line fails with its line number (from 1). Writing
 * puts the fields in that order, one record per {@code \n}-terminated line, without HTML escaping
 * so that {@code <think>} stays readable; {@code read(write(x))} gives back {@code x}.
 *
 * <pre>{@code
 * Scene30k.write(Path.of("scene30k.jsonl"), List.of(new Scene30kRecord("scene0000_00", "q", "<think>..")));
 * List<Scene30kRecord> back = Scene30k.read(Path.of("scene30k.jsonl"));
 * }</pre>
 */
public final class Scene30k {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private Scene30k() {}

    /** All records of {@code file}, in file order. */
    public static List<Scene30kRecord> read(Path file) throws IOException {
        List<Scene30kRecord> out = new ArrayList<>();
        List<String> lines = TextFiles.read(file).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            RecordFields r = RecordFields.of(file, "line " + (i + 1), Json.parseLine(file, i + 1, line));
            out.add(new Scene30kRecord(r.string("scene_id"), r.string("question"), r.string("cot")));
        }
        return List.copyOf(out);
    }

    /** Writes {@code records} to {@code file} (replacing it), one per line. */
    public static void write(Path file, List<Scene30kRecord> records) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Scene30kRecord r : records) {
                JsonObject o = new JsonObject();
                o.addProperty("scene_id", r.sceneId());
                o.addProperty("question", r.question());
                o.addProperty("cot", r.cot());
                w.write(GSON.toJson(o));
                w.write('\n');
            }
        }
    }
}
