package io.r1kit.train.experiment;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.r1kit.eval.tasks.TaskComparison;
import io.r1kit.eval.tasks.TaskReport;
import io.r1kit.eval.tasks.TaskScores;
import io.r1kit.task.Task;
import io.r1kit.train.experiment.ExperimentTable.Side;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The experiment's arms with each arm's seeds averaged weight by weight into one model ({@code grpo-average/},
 * {@code control-average/}, {@code no-reward-average/}; {@link io.r1kit.model.vlm.CheckpointAverage}): per task each
 * averaged model's headline and relative change from SFT, and the averaged GRPO model against each other averaged
 * arm, paired per question with a 95% interval ({@link TaskComparison}). A seed's run differs from the start by a
 * change the arm's runs share and a change of its own; the average keeps the first and shrinks the second, so two
 * arms compared averaged differ by where their training points, less by how much each run scatters.
 *
 * @param sft      the starting model's report
 * @param averaged per arm, the report of its averaged model (GRPO first)
 * @param seeds    per arm, how many runs were averaged
 */
public record AveragedArms(TaskReport sft, Map<Side, TaskReport> averaged, Map<Side, Integer> seeds) {

    /** The line above the table in {@code table.md} and the command's output. */
    public static final String TITLE = "Each arm's seeds averaged weight by weight into one model:";

    public AveragedArms {
        if (!averaged.containsKey(Side.GRPO)) {
            throw new IllegalArgumentException("no averaged GRPO model");
        }
        if (!averaged.keySet().equals(seeds.keySet())) {
            throw new IllegalArgumentException("one seed count per averaged arm: " + seeds.keySet() + " against "
                    + averaged.keySet());
        }
        averaged = java.util.Collections.unmodifiableMap(new EnumMap<>(averaged));
        seeds = java.util.Collections.unmodifiableMap(new EnumMap<>(seeds));
    }

    /** The folder an arm's average is written to, beside its runs: {@code grpo-average}, {@code control-average}… */
    public static String folder(Side side) {
        return switch (side) {
            case GRPO -> "grpo-average";
            case CONTROL -> "control-average";
            case WITHOUT_REWARDS -> "no-reward-average";
        };
    }

    /** The mean over the tasks of the averaged arm's relative change from SFT. */
    public double meanRelative(Side side) {
        return ExperimentTable.meanRelative(sft, averaged.get(side));
    }

    /** The averaged GRPO model against another averaged arm, paired per question (GRPO first). */
    public TaskComparison grpoAgainst(Side other) {
        return TaskComparison.of(averaged.get(Side.GRPO), averaged.get(other));
    }

    private List<Side> others() {
        return averaged.keySet().stream().filter(s -> s != Side.GRPO).toList();
    }

    /**
     * A Markdown table: per task SFT, each averaged arm and its change from SFT, and GRPO's difference from each
     * other averaged arm with its 95% interval (bold where the interval excludes 0); then the mean relative change.
     */
    public String toMarkdown() {
        List<Side> sides = new ArrayList<>(averaged.keySet());
        StringBuilder sb = new StringBuilder("| task | metric | SFT |");
        for (Side s : sides) {
            sb.append(' ').append(s.label()).append(", ").append(seeds.get(s)).append(" averaged | vs SFT |");
        }
        for (Side s : others()) {
            sb.append(" GRPO − ").append(s.label()).append(" [95%, paired] |");
        }
        sb.append("\n| --- | --- | --- |").append(" --- | --- |".repeat(sides.size()))
                .append(" --- |".repeat(others().size())).append('\n');
        Map<Side, Map<Task, TaskComparison.Row>> paired = new EnumMap<>(Side.class);
        for (Side s : others()) {
            Map<Task, TaskComparison.Row> byTask = new EnumMap<>(Task.class);
            grpoAgainst(s).rows().forEach(r -> byTask.put(r.task(), r));
            paired.put(s, byTask);
        }
        for (Map.Entry<Task, TaskScores> e : sft.tasks().entrySet()) {
            Task t = e.getKey();
            double base = e.getValue().value();
            sb.append(String.format(Locale.ROOT, "| %s | %s | %.3f |", t.slug(), e.getValue().headline(), base));
            for (Side s : sides) {
                double v = averaged.get(s).tasks().get(t).value();
                sb.append(String.format(Locale.ROOT, " %.3f | %+.1f%% |", v, 100 * (v / base - 1)));
            }
            for (Side s : others()) {
                TaskComparison.Row r = paired.get(s).get(t);
                String d = String.format(Locale.ROOT, "%+.3f", r.difference());
                sb.append(String.format(Locale.ROOT, " %s [%+.3f, %+.3f] |", r.significant() ? "**" + d + "**" : d,
                        r.low(), r.high()));
            }
            sb.append('\n');
        }
        sb.append("| **mean** | relative change | |");
        sides.forEach(s -> sb.append(String.format(Locale.ROOT, " | **%+.1f%%** |", 100 * meanRelative(s))));
        sb.append(" |".repeat(others().size())).append('\n');
        return sb.toString();
    }

    /**
     * As JSON: per arm key ({@code grpo}, {@code control}, {@code without_rewards}) the seeds averaged, the mean
     * relative change and per task the value; under {@code grpo_minus_<key>} GRPO's paired differences.
     */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        for (Side s : averaged.keySet()) {
            JsonObject arm = new JsonObject();
            arm.addProperty("seeds", seeds.get(s));
            arm.addProperty("folder", folder(s));
            arm.addProperty("mean_relative", meanRelative(s));
            JsonObject tasks = new JsonObject();
            averaged.get(s).tasks().forEach((t, v) -> tasks.addProperty(t.slug(), v.value()));
            arm.add("tasks", tasks);
            o.add(s.key(), arm);
        }
        for (Side s : others()) {
            JsonArray rows = new JsonArray();
            for (TaskComparison.Row r : grpoAgainst(s).rows()) {
                JsonObject j = new JsonObject();
                j.addProperty("task", r.task().slug());
                j.addProperty("difference", r.difference());
                j.addProperty("low", r.low());
                j.addProperty("high", r.high());
                rows.add(j);
            }
            o.add("grpo_minus_" + s.key(), rows);
        }
        return o;
    }
}
