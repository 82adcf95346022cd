package io.r1kit.eval.tasks;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.r1kit.eval.MeteorResources;
import io.r1kit.task.Task;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The scores of one model on the seven-task evaluation ({@link TaskEval}): per task its {@link TaskScores}
 * and its headline with a 95% interval that resamples rooms ({@link Bootstrap}). As JSON:
 * {@code {"model": ..., "rooms": R, "seed": S, "tasks": {"<task-slug>": {...metrics..., "format": rate,
 * "headline": {"metric": name, "value": v, "ci95": [lo, hi], "n": cases}}}}}.
 *
 * @param model   what was evaluated (a name or folder)
 * @param options what it was evaluated on
 * @param rooms   rooms the questions came from
 * @param tasks   the scores of each task evaluated, in {@link Task} order
 */
public record TaskReport(String model, TaskEval.Options options, int rooms, Map<Task, TaskScores> tasks) {

    /** Scores answered cases. */
    public static TaskReport of(String model, List<TaskCase> cases, TaskEval.Options options, MeteorResources meteor) {
        Map<Task, List<TaskCase>> byTask = new EnumMap<>(Task.class);
        for (TaskCase c : cases) {
            byTask.computeIfAbsent(c.example().task(), t -> new ArrayList<>()).add(c);
        }
        Map<Task, TaskScores> scores = new EnumMap<>(Task.class);
        byTask.forEach((t, cs) -> scores.put(t, TaskScores.of(t, cs, meteor)));
        int rooms = cases.stream().mapToInt(TaskCase::room).max().orElse(-1) + 1;
        return new TaskReport(model, options, rooms, scores);
    }

    /** The 95% interval of {@code task}'s headline. */
    public double[] interval(Task task) {
        return Bootstrap.interval95(tasks.get(task).items(), options.seed() ^ task.ordinal());
    }

    /** The report as JSON (see the class comment). */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("model", model);
        o.addProperty("rooms", rooms);
        o.addProperty("seed", options.seed());
        o.addProperty("per_task", options.perTask());
        JsonObject ts = new JsonObject();
        tasks.forEach((t, s) -> {
            JsonObject j = new JsonObject();
            j.addProperty("cases", s.cases());
            s.metrics().forEach(j::addProperty);
            if (!s.byType().isEmpty()) {
                JsonObject types = new JsonObject();
                s.byType().forEach((type, v) -> {
                    JsonObject e = new JsonObject();
                    e.addProperty("em@1", v[0] / v[1]);
                    e.addProperty("n", (int) v[1]);
                    types.add(type, e);
                });
                j.add("em@1_by_type", types);
            }
            JsonObject h = new JsonObject();
            h.addProperty("metric", s.headline());
            h.addProperty("value", s.value());
            double[] ci = interval(t);
            JsonArray a = new JsonArray();
            a.add(ci[0]);
            a.add(ci[1]);
            h.add("ci95", a);
            h.addProperty("n", s.items().size());
            j.add("headline", h);
            ts.add(t.slug(), j);
        });
        o.add("tasks", ts);
        return o;
    }

    /** The JSON pretty-printed (NaN written as such). */
    public String toJsonText() {
        return new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(toJson());
    }

    /** One line per task: headline with its interval, format, fact accuracy and the task's other metrics. */
    public String toText() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "model %s: %d rooms from seed %d, up to %d "
                + "questions per task%n", model, rooms, options.seed(), options.perTask()));
        sb.append(String.format(Locale.ROOT, "%-15s %-14s %7s  %-15s %6s %7s %6s  %s%n", "task", "headline", "value",
                "95% interval", "n", "format", "facts", "other"));
        tasks.forEach((t, s) -> {
            double[] ci = interval(t);
            StringBuilder other = new StringBuilder();
            s.metrics().forEach((k, v) -> {
                if (!k.equals(s.headline()) && !k.equals("format") && !k.equals("fact_accuracy")
                        && !k.equals("facts_contradicted") && !Double.isNaN(v)) {
                    other.append(String.format(Locale.ROOT, "%s %.3f  ", k, v));
                }
            });
            s.byType().forEach((type, v) -> other.append(String.format(Locale.ROOT, "%s %.2f (%d)  ", type, v[0] / v[1],
                    (int) v[1])));
            sb.append(String.format(Locale.ROOT, "%-15s %-14s %7.3f  [%.3f, %.3f] %6d %7.3f %6.3f  %s%n", t.slug(),
                    s.headline(), s.value(), ci[0], ci[1], s.items().size(), s.metrics().get("format"),
                    s.metrics().get("fact_accuracy"), other.toString().strip()));
        });
        return sb.toString().stripTrailing();
    }
}
