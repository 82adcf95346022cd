package io.r1kit.eval.tasks;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.r1kit.task.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Two models on the same questions: per task the difference of their headlines (first minus second), with a
 * 95% interval that resamples rooms and keeps each question's two answers together (a paired bootstrap,
 * tighter than comparing two separate intervals). A difference whose interval holds 0 is within the noise.
 *
 * <pre>{@code
 * TaskComparison d = TaskComparison.of(cold, plain);   // two TaskReports of one TaskEval.Options
 * d.rows();   // per task: both values, the difference and its interval
 * }</pre>
 *
 * @param first  the first model's report
 * @param second the second model's report, on the same questions
 */
public record TaskComparison(TaskReport first, TaskReport second) {

    /** One task's comparison. */
    public record Row(Task task, String metric, double first, double second, double difference, double low, double high) {

        /** Whether the interval of the difference leaves out 0. */
        public boolean significant() {
            return low > 0 || high < 0;
        }
    }

    /**
     * Pairs two reports.
     *
     * @throws IllegalArgumentException when they were not made on the same questions
     */
    public static TaskComparison of(TaskReport first, TaskReport second) {
        if (!first.options().equals(second.options())) {
            throw new IllegalArgumentException("the reports were made on different questions: " + first.options()
                    + " and " + second.options());
        }
        return new TaskComparison(first, second);
    }

    /** The tasks both reports score, in {@link Task} order. */
    public List<Row> rows() {
        List<Row> out = new ArrayList<>();
        for (Map.Entry<Task, TaskScores> e : first.tasks().entrySet()) {
            TaskScores b = second.tasks().get(e.getKey());
            if (b == null) {
                continue;
            }
            List<Bootstrap.Item> ia = e.getValue().items();
            List<Bootstrap.Item> ib = b.items();
            if (ia.size() != ib.size()) {
                throw new IllegalArgumentException(e.getKey().slug() + ": " + ia.size() + " and " + ib.size()
                        + " scored cases; the reports must be on the same questions");
            }
            List<Bootstrap.Item> diff = new ArrayList<>(ia.size());
            for (int i = 0; i < ia.size(); i++) {
                Bootstrap.Item x = ia.get(i);
                Bootstrap.Item y = ib.get(i);
                if (x.room() != y.room() || x.denominator() != y.denominator()) {
                    throw new IllegalArgumentException(e.getKey().slug() + ": case " + i + " differs between the reports");
                }
                diff.add(new Bootstrap.Item(x.room(), x.numerator() - y.numerator(), x.denominator()));
            }
            double[] ci = Bootstrap.interval95(diff, first.options().seed() ^ e.getKey().ordinal() ^ 0x5eed);
            out.add(new Row(e.getKey(), e.getValue().headline(), e.getValue().value(), b.value(), Bootstrap.ratio(diff),
                    ci[0], ci[1]));
        }
        return out;
    }

    /** A text table: task, metric, both values, the difference and its interval. */
    public String toText() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-15s %-14s %9s %9s %9s  %s%n", "task", "headline",
                first.model(), second.model(), "diff", "95% interval of the diff"));
        for (Row r : rows()) {
            sb.append(String.format(Locale.ROOT, "%-15s %-14s %9.3f %9.3f %+9.3f  [%+.3f, %+.3f]%s%n", r.task().slug(),
                    r.metric(), r.first(), r.second(), r.difference(), r.low(), r.high(),
                    r.significant() ? "" : "  (within the noise)"));
        }
        return sb.toString().stripTrailing();
    }

    /**
     * Both reports and the comparison as one object: {@code {"first": report, "second": report, "comparison":
     * [{"task", "metric", "first", "second", "difference", "ci95": [lo, hi]}, ...]}}.
     */
    public JsonObject toJson() {
        JsonObject j = new JsonObject();
        j.add("first", first.toJson());
        j.add("second", second.toJson());
        JsonArray rows = new JsonArray();
        for (Row r : rows()) {
            JsonObject row = new JsonObject();
            row.addProperty("task", r.task().slug());
            row.addProperty("metric", r.metric());
            row.addProperty("first", r.first());
            row.addProperty("second", r.second());
            row.addProperty("difference", r.difference());
            JsonArray ci = new JsonArray();
            ci.add(r.low());
            ci.add(r.high());
            row.add("ci95", ci);
            rows.add(row);
        }
        j.add("comparison", rows);
        return j;
    }
}
