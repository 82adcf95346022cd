package io.r1kit.notebook;

import io.r1kit.scene.Scene;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Charts about a scene, as images: the last expression of a notebook cell displays them. */
public final class SceneCharts {

    private SceneCharts() {}

    /** A bar chart of objects per label, most frequent first. */
    public static BufferedImage labelCounts(Scene scene) {
        Map<String, Integer> counts = SceneTables.counts(scene);
        List<String> labels = new ArrayList<>(counts.keySet());
        labels.sort((a, b) -> counts.get(b).equals(counts.get(a)) ? a.compareTo(b) : counts.get(b) - counts.get(a));
        List<Integer> values = labels.stream().map(counts::get).toList();
        CategoryChart chart = new CategoryChartBuilder().width(720).height(360)
                .title(scene.id() + ": objects per label").xAxisTitle("label").yAxisTitle("objects").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(45);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        if (labels.isEmpty()) {
            labels = List.of("(no objects)");
            values = List.of(0);
        }
        chart.addSeries("objects", labels, values);
        return BitmapEncoder.getBufferedImage(chart);
    }
}
