package io.r1kit.notebook;

import io.r1kit.display.Table;
import io.r1kit.eval.tasks.TaskComparison;
import io.r1kit.eval.tasks.TaskReport;
import io.r1kit.eval.tasks.TaskScores;
import io.r1kit.task.Task;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The seven-task evaluation as a table and charts: a model's headline per task with its 95% interval,
 * format and fact accuracy; two models on the same questions with their paired differences; and bars of the
 * share-valued headlines with their intervals drawn as error bars.
 *
 * <pre>{@code
 * TaskTables.report(report)                 // one row per task
 * TaskTables.chart(List.of(sft, plain))     // bars per task, one series per model
 * }</pre>
 */
public final class TaskTables {

    private TaskTables() {}

    /** One row per task: headline metric, value, interval, cases, format, fact accuracy. */
    public static Table report(TaskReport r) {
        List<List<?>> rows = new ArrayList<>();
        for (Map.Entry<Task, TaskScores> e : r.tasks().entrySet()) {
            TaskScores s = e.getValue();
            double[] ci = r.interval(e.getKey());
            rows.add(List.of(e.getKey().slug(), s.headline(), f(s.value()), "[" + f(ci[0]) + ", " + f(ci[1]) + "]",
                    s.items().size(), f(s.metrics().get("format")), f(s.metrics().get("fact_accuracy"))));
        }
        return Table.of(r.model() + ": " + r.rooms() + " rooms from seed " + r.options().seed(),
                List.of("task", "headline", "value", "95% interval", "n", "format", "fact accuracy"), rows);
    }

    /** One row per task: both headlines, the difference and its paired interval. */
    public static Table comparison(TaskComparison c) {
        List<List<?>> rows = new ArrayList<>();
        for (TaskComparison.Row r : c.rows()) {
            rows.add(List.of(r.task().slug(), r.metric(), f(r.first()), f(r.second()),
                    String.format(Locale.ROOT, "%+.3f", r.difference()),
                    String.format(Locale.ROOT, "[%+.3f, %+.3f]", r.low(), r.high()),
                    r.significant() ? "" : "within the noise"));
        }
        return Table.of(c.first().model() + " vs " + c.second().model() + " on the same questions",
                List.of("task", "headline", c.first().model(), c.second().model(), "difference", "95% interval", ""),
                rows);
    }

    /** Bars of each model's headline per task (CIDEr tasks on their own 0..10 scale divided by 10). */
    public static BufferedImage chart(List<TaskReport> reports) {
        CategoryChart chart = new CategoryChartBuilder().width(820).height(380)
                .title("Headline per task (CIDEr / 10), 95% intervals").xAxisTitle("task").yAxisTitle("score").build();
        chart.getStyler().setXAxisLabelRotation(20);
        for (TaskReport r : reports) {
            List<String> names = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            List<Double> errors = new ArrayList<>();
            r.tasks().forEach((t, s) -> {
                double scale = s.headline().startsWith("cider") ? 10 : 1;
                double[] ci = r.interval(t);
                names.add(t.slug());
                values.add(s.value() / scale);
                errors.add(Double.isNaN(ci[1]) ? 0 : (ci[1] - ci[0]) / 2 / scale);
            });
            chart.addSeries(r.model(), names, values, errors);
        }
        return BitmapEncoder.getBufferedImage(chart);
    }

    private static String f(Double v) {
        return v == null || v.isNaN() ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }
}
