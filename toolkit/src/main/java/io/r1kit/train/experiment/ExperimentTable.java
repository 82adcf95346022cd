package io.r1kit.train.experiment;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.r1kit.eval.tasks.TaskComparison;
import io.r1kit.eval.tasks.TaskReport;
import io.r1kit.eval.tasks.TaskScores;
import io.r1kit.task.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The experiment's result per task: the SFT model's headline, GRPO's and the control's as mean ± standard
 * deviation over seeds, each one's relative change from SFT, and how many seeds' paired 95% intervals
 * (per prompt, {@link TaskComparison}) lie above or below zero; the last row is the mean relative change
 * over the tasks, the paper's "+10% on average". With two seeds or more of both arms, the per-seed mean relative
 * changes are compared paired over seeds ({@link SeedComparison}).
 *
 * @param sft      the starting model's report
 * @param grpo     one report per seed
 * @param controls one report per seed, or none
 */
public record ExperimentTable(TaskReport sft, List<TaskReport> grpo, List<TaskReport> controls) {

    /** One arm's standing on one task. */
    public record Arm(double mean, double spread, double relative, int up, int down) {}

    /** One task's row. */
    public record Row(Task task, String metric, double sft, Arm grpo, Arm control) {}

    public ExperimentTable {
        if (grpo.isEmpty()) {
            throw new IllegalArgumentException("no GRPO report");
        }
        grpo = List.copyOf(grpo);
        controls = List.copyOf(controls);
    }

    /** The tasks SFT and every arm score, in {@link Task} order. */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<Task, TaskScores> e : sft.tasks().entrySet()) {
            Task t = e.getKey();
            double base = e.getValue().value();
            rows.add(new Row(t, e.getValue().headline(), base, arm(t, base, grpo),
                    controls.isEmpty() ? null : arm(t, base, controls)));
        }
        return rows;
    }

    /** The mean over tasks of GRPO's (or, with {@code control}, the control's) relative change from SFT. */
    public double meanRelative(boolean control) {
        return rows().stream().filter(r -> !control || r.control() != null)
                .mapToDouble(r -> (control ? r.control() : r.grpo()).relative()).average().orElse(Double.NaN);
    }

    /**
     * Per seed, the mean over the tasks of the relative change from SFT, for GRPO (or, with {@code control}, the
     * control), in seed order; the mean of these is {@link #meanRelative}.
     */
    public List<Double> perSeed(boolean control) {
        List<Double> out = new ArrayList<>();
        for (TaskReport r : control ? controls : grpo) {
            double sum = 0;
            int n = 0;
            for (Map.Entry<Task, TaskScores> e : sft.tasks().entrySet()) {
                double base = e.getValue().value();
                sum += base == 0 ? Double.NaN : r.tasks().get(e.getKey()).value() / base - 1;
                n++;
            }
            out.add(sum / n);
        }
        return out;
    }

    /** GRPO against the control paired over seeds, or null with fewer than two seeds of both arms. */
    public SeedComparison bySeed() {
        return Math.min(grpo.size(), controls.size()) < 2 ? null : SeedComparison.of(perSeed(false), perSeed(true));
    }

    private Arm arm(Task t, double base, List<TaskReport> reports) {
        double[] v = reports.stream().mapToDouble(r -> r.tasks().get(t).value()).toArray();
        double mean = 0;
        for (double x : v) {
            mean += x / v.length;
        }
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        int up = 0;
        int down = 0;
        for (TaskReport r : reports) {
            for (TaskComparison.Row row : TaskComparison.of(r, sft).rows()) {
                if (row.task() == t) {
                    up += row.low() > 0 ? 1 : 0;
                    down += row.high() < 0 ? 1 : 0;
                }
            }
        }
        return new Arm(mean, v.length > 1 ? Math.sqrt(ss / (v.length - 1)) : 0, base == 0 ? Double.NaN : mean / base - 1,
                up, down);
    }

    /** A Markdown table, one row per task and the mean relative change. */
    public String toMarkdown() {
        boolean c = !controls.isEmpty();
        StringBuilder sb = new StringBuilder("| task | metric | SFT | GRPO (" + grpo.size() + " seed"
                + (grpo.size() == 1 ? "" : "s") + ") | vs SFT | paired CI above / below 0 |"
                + (c ? " SFT continued | vs SFT | paired CI above / below 0 |" : "") + "\n");
        sb.append("| --- | --- | --- | --- | --- | --- |").append(c ? " --- | --- | --- |" : "").append('\n');
        for (Row r : rows()) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %.3f | %s |", r.task().slug(), r.metric(), r.sft(),
                    cells(r.grpo())));
            sb.append(c ? " " + cells(r.control()) + " |" : "").append('\n');
        }
        sb.append(String.format(Locale.ROOT, "| **mean** | relative change | | | **%+.1f%%** | |", 100 * meanRelative(false)));
        sb.append(c ? String.format(Locale.ROOT, " | **%+.1f%%** | |", 100 * meanRelative(true)) : "").append('\n');
        if (grpo.size() > 1 || c) {
            sb.append("\nMean relative change per seed: GRPO ").append(percents(perSeed(false)));
            sb.append(c ? "; SFT continued " + percents(perSeed(true)) : "").append(".\n");
        }
        SeedComparison s = bySeed();
        if (s != null) {
            sb.append("\nGRPO − SFT continued, paired over ").append(s.seeds()).append(" seeds: ")
                    .append(s.describe()).append(".\n");
        }
        return sb.toString();
    }

    private static String percents(List<Double> v) {
        return String.join(" / ", v.stream().map(x -> String.format(Locale.ROOT, "%+.1f%%", 100 * x)).toList());
    }

    private String cells(Arm a) {
        String spread = grpo.size() > 1 ? String.format(Locale.ROOT, " ± %.3f", a.spread()) : "";
        return String.format(Locale.ROOT, "%.3f%s | %+.1f%% | %d / %d", a.mean(), spread, 100 * a.relative(), a.up(),
                a.down());
    }

    /** The table as JSON: per task the SFT value and each arm, and the means. */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        JsonArray rows = new JsonArray();
        for (Row r : rows()) {
            JsonObject j = new JsonObject();
            j.addProperty("task", r.task().slug());
            j.addProperty("metric", r.metric());
            j.addProperty("sft", r.sft());
            j.add("grpo", json(r.grpo()));
            if (r.control() != null) {
                j.add("control", json(r.control()));
            }
            rows.add(j);
        }
        o.add("tasks", rows);
        o.addProperty("grpo_mean_relative", meanRelative(false));
        if (!controls.isEmpty()) {
            o.addProperty("control_mean_relative", meanRelative(true));
        }
        o.add("grpo_per_seed", numbers(perSeed(false)));
        if (!controls.isEmpty()) {
            o.add("control_per_seed", numbers(perSeed(true)));
        }
        SeedComparison s = bySeed();
        if (s != null) {
            o.add("paired_over_seeds", s.toJson());
        }
        return o;
    }

    private static JsonArray numbers(List<Double> v) {
        JsonArray a = new JsonArray();
        v.forEach(a::add);
        return a;
    }

    private static JsonObject json(Arm a) {
        JsonObject o = new JsonObject();
        o.addProperty("mean", a.mean());
        o.addProperty("spread", a.spread());
        o.addProperty("relative", a.relative());
        o.addProperty("seeds_up", a.up());
        o.addProperty("seeds_down", a.down());
        return o;
    }
}
