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

    /**
     * A bar chart of each object's box size, largest first: the longest side and the height (m).
     * Useful for proposals, which all share one label.
     */
    public static BufferedImage objectSizes(Scene scene) {
        List<io.r1kit.scene.SceneObject> objects = new ArrayList<>(scene.objects());
        objects.sort((a, b) -> Float.compare(longest(b.box()), longest(a.box())));
        List<String> names = objects.stream().map(o -> o.label() + " " + o.id()).toList();
        List<Float> sides = objects.stream().map(o -> longest(o.box())).toList();
        List<Float> heights = objects.stream().map(o -> o.box().dz()).toList();
        CategoryChart chart = new CategoryChartBuilder().width(820).height(360)
                .title(scene.id() + ": object sizes").xAxisTitle("object").yAxisTitle("metres").build();
        chart.getStyler().setXAxisLabelRotation(90);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        if (names.isEmpty()) {
            names = List.of("(no objects)");
            sides = List.of(0f);
            heights = List.of(0f);
        }
        chart.addSeries("longest side", names, sides);
        chart.addSeries("height", names, heights);
        return BitmapEncoder.getBufferedImage(chart);
    }

    private static float longest(io.r1kit.scene.Box3 b) {
        return Math.max(b.dx(), Math.max(b.dy(), b.dz()));
    }
}
