package io.r1kit.notebook;

import io.r1kit.eval.MetricScore;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

import java.awt.image.BufferedImage;
import java.util.List;

/** Bar charts of evaluation scores, as images. */
public final class EvalCharts {

    private EvalCharts() {}

    /** Corpus score per metric (CIDEr is on a 0..10 scale, the others 0..1, as the scorers report them). */
    public static BufferedImage scores(String title, List<MetricScore> scores) {
        CategoryChart chart = new CategoryChartBuilder().width(720).height(360)
                .title(title).xAxisTitle("metric").yAxisTitle("score").build();
        chart.getStyler().setLegendVisible(false);
        chart.addSeries("score", scores.stream().map(MetricScore::name).toList(),
                scores.stream().map(MetricScore::score).toList());
        return BitmapEncoder.getBufferedImage(chart);
    }

    /** One metric's per-sample scores, one bar per sample id. */
    public static BufferedImage perSample(MetricScore score, List<String> ids) {
        CategoryChart chart = new CategoryChartBuilder().width(720).height(360)
                .title(score.name() + " per sample").xAxisTitle("sample").yAxisTitle(score.name()).build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(60);
        double[] v = score.perSample();
        chart.addSeries(score.name(), ids, java.util.Arrays.stream(v).boxed().toList());
        return BitmapEncoder.getBufferedImage(chart);
    }
}
