package io.r1kit.cot;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.r1kit.cot.filter.Verdict;
import io.r1kit.cot.tasks.QuestionType;
import io.r1kit.task.Task;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scene-30K jsonl with the engine's extra fields. Each line starts with the released fields
 * {@code scene_id, question, cot} (so {@link io.r1kit.data.Scene30k#read} reads the file as it is)
 * and adds {@code task}, {@code question_type}, {@code target}, {@code target_ids} (object ids, main target
 * first; optional on reading, so files written before it still load), {@code short_answer} and
 * {@code filters: {name: {value, threshold, pass}}}.
 */
public final class CotRecords {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private CotRecords() {}

    public static void write(Path file, List<CotRecord> records) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (CotRecord r : records) {
                JsonObject o = new JsonObject();
                o.addProperty("scene_id", r.sceneId());
                o.addProperty("question", r.question());
                o.addProperty("cot", r.cot());
                o.addProperty("task", r.task().slug());
                o.addProperty("question_type", r.type() == null ? null : r.type().slug());
                o.addProperty("target", r.target());
                JsonArray ids = new JsonArray();
                r.targetIds().forEach(ids::add);
                o.add("target_ids", ids);
                o.addProperty("short_answer", r.shortAnswer());
                JsonObject filters = new JsonObject();
                for (Verdict v : r.verdicts()) {
                    JsonObject j = new JsonObject();
                    j.addProperty("value", v.value());
                    j.addProperty("threshold", v.threshold());
                    j.addProperty("pass", v.pass());
                    filters.add(v.filter(), j);
                }
                o.add("filters", filters);
                w.write(GSON.toJson(o));
                w.write('\n');
            }
        }
    }

    /**
     * Reads a file written by {@link #write}; plain Scene-30K lines (no extra fields) come back as
     * QA records without target or verdicts.
     *
     * @throws IOException naming the file and line of a bad record
     */
    public static List<CotRecord> read(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException(file.getFileName() + ": no such file");
        }
        List<CotRecord> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                JsonObject o = JsonParser.parseString(lines.get(i)).getAsJsonObject();
                List<Verdict> verdicts = new ArrayList<>();
                if (o.has("filters")) {
                    for (Map.Entry<String, JsonElement> e : o.getAsJsonObject("filters").entrySet()) {
                        JsonObject v = e.getValue().getAsJsonObject();
                        verdicts.add(new Verdict(e.getKey(), v.get("value").getAsDouble(), v.get("threshold").getAsDouble(),
                                v.get("pass").getAsBoolean()));
                    }
                }
                String type = o.has("question_type") && !o.get("question_type").isJsonNull()
                        ? o.get("question_type").getAsString() : null;
                Task task = o.has("task") ? Task.fromSlug(o.get("task").getAsString()) : Task.QA;
                out.add(new CotRecord(req(o, "scene_id"), task,
                        type == null ? null : QuestionType.valueOf(type.toUpperCase(java.util.Locale.ROOT)),
                        req(o, "question"), req(o, "cot"), o.has("target") ? o.get("target").getAsString() : "", targetIds(o),
                        o.has("short_answer") && o.get("short_answer").getAsBoolean(), verdicts));
            } catch (RuntimeException e) {
                throw new IOException(file.getFileName() + ": line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(out);
    }

    /** The {@code target_ids} array, empty when the line has none (files written before the field existed). */
    private static List<Integer> targetIds(JsonObject o) {
        if (!o.has("target_ids") || o.get("target_ids").isJsonNull()) {
            return List.of();
        }
        if (!o.get("target_ids").isJsonArray()) {
            throw new IllegalArgumentException("\"target_ids\" must be an array of object ids");
        }
        List<Integer> ids = new ArrayList<>();
        for (JsonElement e : o.getAsJsonArray("target_ids")) {
            ids.add(e.getAsInt());
        }
        return ids;
    }

    private static String req(JsonObject o, String field) {
        if (!o.has(field) || !o.get(field).isJsonPrimitive()) {
            throw new IllegalArgumentException("no string field \"" + field + "\"");
        }
        return o.get(field).getAsString();
    }
}
