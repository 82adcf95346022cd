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
 * The experiment's result per task: the SFT model's headline, each arm's (GRPO, the SFT-continuation control, GRPO
 * without rewards) as mean ± standard deviation over seeds, its relative change from SFT, and how many seeds' paired
 * 95% intervals (per prompt, {@link TaskComparison}) lie above or below zero; the last row is the mean relative
 * change over the tasks, the paper's "+10% on average". With two seeds or more of GRPO and of another arm, their
 * per-seed mean relative changes are compared paired over seeds ({@link SeedComparison}).
 *
 * @param sft            the starting model's report
 * @param grpo           one report per seed
 * @param controls       one report per seed, or none
 * @param withoutRewards one report per seed of GRPO with every reward weighted 0 ({@link RewardFreeRecipe}), or none
 */
public record ExperimentTable(TaskReport sft, List<TaskReport> grpo, List<TaskReport> controls,
                              List<TaskReport> withoutRewards) {

    /** The arms, as the table names them and as {@code experiment.json} keys them. */
    public enum Side {
        GRPO("GRPO", "grpo"), CONTROL("SFT continued", "control"), WITHOUT_REWARDS("GRPO without rewards", "without_rewards");

        private final String label;
        private final String key;

        Side(String label, String key) {
            this.label = label;
            this.key = key;
        }

        /** The arm's name in the table. */
        public String label() {
            return label;
        }

        /** The arm's key in {@code experiment.json}. */
        public String key() {
            return key;
        }
    }

    /** One arm's standing on one task. */
    public record Arm(double mean, double spread, double relative, int up, int down) {}

    /** One task's row; an arm the experiment did not run is null. */
    public record Row(Task task, String metric, double sft, Arm grpo, Arm control, Arm withoutRewards) {
        /** The arm of {@code side}, or null. */
        public Arm arm(Side side) {
            return switch (side) {
                case GRPO -> grpo;
                case CONTROL -> control;
                case WITHOUT_REWARDS -> withoutRewards;
            };
        }
    }

    public ExperimentTable {
        if (grpo.isEmpty()) {
            throw new IllegalArgumentException("no GRPO report");
        }
        grpo = List.copyOf(grpo);
        controls = List.copyOf(controls);
        withoutRewards = List.copyOf(withoutRewards);
    }

    /** GRPO and the control only. */
    public ExperimentTable(TaskReport sft, List<TaskReport> grpo, List<TaskReport> controls) {
        this(sft, grpo, controls, List.of());
    }

    /** The reports of one arm, in seed order (empty when the experiment did not run it). */
    public List<TaskReport> reports(Side side) {
        return switch (side) {
            case GRPO -> grpo;
            case CONTROL -> controls;
            case WITHOUT_REWARDS -> withoutRewards;
        };
    }

    /** The arms run: GRPO first. */
    public List<Side> sides() {
        return java.util.Arrays.stream(Side.values()).filter(s -> !reports(s).isEmpty()).toList();
    }

    /** The tasks SFT and every arm score, in {@link Task} order. */
    public List<Row> rows() {
        Map<Task, int[]> g = signs(grpo);
        Map<Task, int[]> c = signs(controls);
        Map<Task, int[]> w = signs(withoutRewards);
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<Task, TaskScores> e : sft.tasks().entrySet()) {
            Task t = e.getKey();
            double base = e.getValue().value();
            rows.add(new Row(t, e.getValue().headline(), base, arm(t, base, grpo, g), arm(t, base, controls, c),
                    arm(t, base, withoutRewards, w)));
        }
        return rows;
    }

    /** The mean over tasks of one arm's relative change from SFT, the mean of {@link #perSeed} (NaN for an arm not run). */
    public double meanRelative(Side side) {
        return perSeed(side).stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** Per seed, the mean over the tasks of one arm's relative change from SFT; their mean is {@link #meanRelative}. */
    public List<Double> perSeed(Side side) {
        List<Double> out = new ArrayList<>();
        for (TaskReport r : reports(side)) {
            out.add(meanRelative(sft, r));
        }
        return out;
    }

    /** The mean over {@code sft}'s tasks of {@code r}'s relative change from it (NaN where SFT scores 0). */
    static double meanRelative(TaskReport sft, TaskReport r) {
        double sum = 0;
        int n = 0;
        for (Map.Entry<Task, TaskScores> e : sft.tasks().entrySet()) {
            double base = e.getValue().value();
            sum += base == 0 ? Double.NaN : r.tasks().get(e.getKey()).value() / base - 1;
            n++;
        }
        return sum / n;
    }

    /** GRPO against another arm paired over seeds, or null with fewer than two seeds of either. */
    public SeedComparison against(Side other) {
        return Math.min(grpo.size(), reports(other).size()) < 2 ? null
                : SeedComparison.of(perSeed(Side.GRPO), perSeed(other));
    }

    /** Per task, how many of {@code reports} lie above and below SFT by their paired 95% interval: one pairing each. */
    private Map<Task, int[]> signs(List<TaskReport> reports) {
        Map<Task, int[]> out = new java.util.EnumMap<>(Task.class);
        for (TaskReport r : reports) {
            for (TaskComparison.Row row : TaskComparison.of(r, sft).rows()) {
                int[] n = out.computeIfAbsent(row.task(), k -> new int[2]);
                n[0] += row.low() > 0 ? 1 : 0;
                n[1] += row.high() < 0 ? 1 : 0;
            }
        }
        return out;
    }

    private static Arm arm(Task t, double base, List<TaskReport> reports, Map<Task, int[]> signs) {
        if (reports.isEmpty()) {
            return null;
        }
        double[] v = reports.stream().mapToDouble(r -> r.tasks().get(t).value()).toArray();
        double mean = 0;
        for (double x : v) {
            mean += x / v.length;
        }
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        int[] n = signs.getOrDefault(t, new int[2]);
        return new Arm(mean, v.length > 1 ? Math.sqrt(ss / (v.length - 1)) : 0, base == 0 ? Double.NaN : mean / base - 1,
                n[0], n[1]);
    }

    /** A Markdown table, one row per task and the mean relative change, then the per-seed figures and tests. */
    public String toMarkdown() {
        List<Side> sides = sides();
        StringBuilder sb = new StringBuilder("| task | metric | SFT |");
        for (Side s : sides) {
            String label = s == Side.GRPO ? "GRPO (" + grpo.size() + " seed" + (grpo.size() == 1 ? "" : "s") + ")"
                    : s.label();
            sb.append(' ').append(label).append(" | vs SFT | paired CI above / below 0 |");
        }
        sb.append("\n| --- | --- | --- |").append(" --- | --- | --- |".repeat(sides.size())).append('\n');
        for (Row r : rows()) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %.3f |", r.task().slug(), r.metric(), r.sft()));
            sides.forEach(s -> sb.append(' ').append(cells(r.arm(s))).append(" |"));
            sb.append('\n');
        }
        sb.append("| **mean** | relative change | |");
        sides.forEach(s -> sb.append(String.format(Locale.ROOT, " | **%+.1f%%** | |", 100 * meanRelative(s))));
        sb.append('\n');
        if (grpo.size() > 1 || sides.size() > 1) {
            sb.append("\nMean relative change per seed: ").append(String.join("; ", sides.stream()
                    .map(s -> s.label() + " " + percents(perSeed(s))).toList())).append(".\n");
        }
        for (Side s : sides) {
            SeedComparison c = s == Side.GRPO ? null : against(s);
            if (c != null) {
                sb.append("\nGRPO − ").append(s.label()).append(", paired over ").append(c.seeds()).append(" seeds: ")
                        .append(c.describe()).append(".\n");
            }
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

    /**
     * The table as JSON: per task the SFT value and each arm run (keys {@code grpo}, {@code control},
     * {@code without_rewards}), each arm's mean and per-seed relative changes ({@code <key>_mean_relative},
     * {@code <key>_per_seed}), and GRPO against the control ({@code paired_over_seeds}) and against GRPO without
     * rewards ({@code paired_without_rewards}) where there are seeds enough.
     */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        JsonArray rows = new JsonArray();
        for (Row r : rows()) {
            JsonObject j = new JsonObject();
            j.addProperty("task", r.task().slug());
            j.addProperty("metric", r.metric());
            j.addProperty("sft", r.sft());
            sides().forEach(s -> j.add(s.key, json(r.arm(s))));
            rows.add(j);
        }
        o.add("tasks", rows);
        sides().forEach(s -> o.addProperty(s.key + "_mean_relative", meanRelative(s)));
        sides().forEach(s -> o.add(s.key + "_per_seed", numbers(perSeed(s))));
        SeedComparison c = against(Side.CONTROL);
        if (c != null) {
            o.add("paired_over_seeds", c.toJson());
        }
        SeedComparison w = against(Side.WITHOUT_REWARDS);
        if (w != null) {
            o.add("paired_without_rewards", w.toJson());
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
