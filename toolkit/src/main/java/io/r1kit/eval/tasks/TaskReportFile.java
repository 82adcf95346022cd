package io.r1kit.eval.tasks;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.r1kit.task.Task;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link TaskReport} kept whole in a file, per-case values included, so that a later comparison pairs
 * against it without answering the questions again. The file names what was evaluated by a key the caller
 * chooses (for a checkpoint: its weights' hash) and by the evaluation's options; {@link #read} gives the
 * report back only when both match, so a changed model or another question set is evaluated afresh.
 */
public final class TaskReportFile {

    private static final int VERSION = 1;

    private TaskReportFile() {}

    /** Writes {@code report} with its per-case values, under {@code key}. */
    public static void write(TaskReport report, String key, Path file) throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("version", VERSION);
        o.addProperty("key", key);
        o.addProperty("model", report.model());
        o.addProperty("rooms", report.rooms());
        o.add("options", options(report.options()));
        JsonObject tasks = new JsonObject();
        report.tasks().forEach((t, s) -> {
            JsonObject j = new JsonObject();
            j.addProperty("cases", s.cases());
            j.addProperty("headline", s.headline());
            JsonObject metrics = new JsonObject();
            s.metrics().forEach(metrics::addProperty);
            j.add("metrics", metrics);
            JsonObject types = new JsonObject();
            s.byType().forEach((type, v) -> types.add(type, pair(v[0], v[1])));
            j.add("by_type", types);
            JsonArray items = new JsonArray();
            for (Bootstrap.Item i : s.items()) {
                JsonArray a = new JsonArray();
                a.add(i.room());
                a.add(i.numerator());
                a.add(i.denominator());
                items.add(a);
            }
            j.add("items", items);
            tasks.add(t.slug(), j);
        });
        o.add("tasks", tasks);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, new GsonBuilder().serializeSpecialFloatingPointValues().create().toJson(o));
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The report in {@code file} when it was written under {@code key} for {@code options}; empty when the
     * file is missing, unreadable, of another key or of other options.
     */
    public static Optional<TaskReport> read(Path file, String key, TaskEval.Options options) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonObject o = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
            if (o.get("version").getAsInt() != VERSION || !o.get("key").getAsString().equals(key)
                    || !o.get("options").equals(options(options))) {
                return Optional.empty();
            }
            Map<Task, TaskScores> scores = new EnumMap<>(Task.class);
            for (Map.Entry<String, JsonElement> e : o.getAsJsonObject("tasks").entrySet()) {
                Task task = Task.fromSlug(e.getKey());
                scores.put(task, scores(task, e.getValue().getAsJsonObject()));
            }
            return Optional.of(new TaskReport(o.get("model").getAsString(), options, o.get("rooms").getAsInt(), scores));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();   // a torn or foreign file: evaluate again
        }
    }

    private static TaskScores scores(Task task, JsonObject j) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        j.getAsJsonObject("metrics").entrySet().forEach(m -> metrics.put(m.getKey(), m.getValue().getAsDouble()));
        Map<String, double[]> byType = new TreeMap<>();
        j.getAsJsonObject("by_type").entrySet().forEach(t -> {
            JsonArray a = t.getValue().getAsJsonArray();
            byType.put(t.getKey(), new double[] {a.get(0).getAsDouble(), a.get(1).getAsDouble()});
        });
        List<Bootstrap.Item> items = new ArrayList<>();
        for (JsonElement e : j.getAsJsonArray("items")) {
            JsonArray a = e.getAsJsonArray();
            items.add(new Bootstrap.Item(a.get(0).getAsInt(), a.get(1).getAsDouble(), a.get(2).getAsDouble()));
        }
        return new TaskScores(task, j.get("cases").getAsInt(), metrics, byType, j.get("headline").getAsString(),
                List.copyOf(items));
    }

    private static JsonObject options(TaskEval.Options o) {
        JsonObject j = new JsonObject();
        j.addProperty("rooms", o.rooms());
        j.addProperty("seed", o.seed());
        j.addProperty("per_task", o.perTask());
        JsonArray tasks = new JsonArray();
        o.tasks().forEach(t -> tasks.add(t.slug()));
        j.add("tasks", tasks);
        return j;
    }

    private static JsonArray pair(double a, double b) {
        JsonArray j = new JsonArray();
        j.add(a);
        j.add(b);
        return j;
    }
}
