package io.r1kit.facade;

import io.r1kit.display.Html;
import io.r1kit.display.HtmlRenderable;
import io.r1kit.eval.tasks.TaskReport;
import io.r1kit.notebook.TaskTables;

import java.util.List;
import java.util.Objects;

/**
 * The seven-task evaluation of a model ({@link R1Model#evaluate}): in a notebook the table of headlines with
 * their 95% intervals, format and fact accuracy beside the chart of the headlines; as text, the lines
 * {@code r1kit model evaluate} prints.
 *
 * @param report the scores
 */
public record R1Evaluation(TaskReport report) implements HtmlRenderable {

    public R1Evaluation {
        Objects.requireNonNull(report, "report");
    }

    @Override
    public String toHtml() {
        return "<div>" + TaskTables.report(report).toHtml() + "<img alt=\"headline per task\" width=\"640\" src=\""
                + Html.pngDataUri(TaskTables.chart(List.of(report))) + "\"></div>";
    }

    @Override
    public String toString() {
        return report.toText();
    }
}
