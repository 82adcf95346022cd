package io.r1kit.train.grpo;

import io.r1kit.train.TrainingCurve;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rewards of a GRPO run, step by step: {@code reward.csv} (every {@link GrpoStepStats} metric, TRL's
 * names as columns) and {@code reward.png}: the sampled groups' mean reward per step, its running mean, the
 * running mean of the greedy answers' reward when they are the baseline, and the held-out greedy reward before
 * and after training as two dots.
 */
public final class RewardCurve {

    /** Steps averaged by the running mean. */
    private static final int WINDOW = 10;

    private final List<GrpoStepStats> steps = new ArrayList<>();
    private final double heldOutBefore;
    private double heldOutAfter = Double.NaN;

    /** A curve that starts from the held-out mean reward before training. */
    public RewardCurve(double heldOutBefore) {
        this.heldOutBefore = heldOutBefore;
    }

    public void add(GrpoStepStats s) {
        steps.add(s);
    }

    /** The held-out mean reward after the last step. */
    public void heldOutAfter(double reward) {
        heldOutAfter = reward;
    }

    /** One row per step: the step and every metric any step logged, under TRL's names (empty where absent). */
    public String csv() {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        steps.forEach(s -> names.addAll(s.metrics().keySet()));
        StringBuilder sb = new StringBuilder("step");
        names.forEach(n -> sb.append(',').append(n));
        sb.append('\n');
        for (GrpoStepStats s : steps) {
            sb.append(s.step());
            for (String n : names) {
                Double v = s.metrics().get(n);
                sb.append(',').append(v == null || v.isNaN() ? "" : String.format(Locale.ROOT, "%.6g", v));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    public BufferedImage chart() {
        return BitmapEncoder.getBufferedImage(plot());
    }

    /** The chart {@link #chart()} draws. */
    XYChart plot() {
        XYChart c = new XYChartBuilder().width(800).height(450).title("GRPO reward").xAxisTitle("step")
                .yAxisTitle("mean total reward").build();
        c.getStyler().setLegendVisible(true);
        if (steps.isEmpty()) {
            return c;
        }
        List<Integer> x = steps.stream().map(GrpoStepStats::step).toList();
        List<Double> reward = steps.stream().map(GrpoStepStats::reward).toList();
        TrainingCurve.addSmoothed(c, "sampled groups", "sampled, mean of " + WINDOW, x, reward, WINDOW);
        if (steps.stream().allMatch(s -> s.metrics().containsKey(GrpoMetrics.BASELINE_REWARD))) {   // advantage_baseline greedy, greedy_gain
            List<Double> greedy = steps.stream().map(s -> s.metrics().get(GrpoMetrics.BASELINE_REWARD)).toList();
            c.addSeries("greedy answers, mean of " + WINDOW, x, TrainingCurve.runningMean(greedy, WINDOW))
                    .setMarker(SeriesMarkers.NONE);
        }
        List<Integer> heldX = new ArrayList<>(List.of(0));
        List<Double> heldY = new ArrayList<>(List.of(heldOutBefore));
        if (!Double.isNaN(heldOutAfter)) {
            heldX.add(steps.get(steps.size() - 1).step());
            heldY.add(heldOutAfter);
        }
        XYSeries held = c.addSeries("held-out, greedy", heldX, heldY);
        held.setMarker(SeriesMarkers.CIRCLE);
        held.setLineStyle(org.knowm.xchart.style.lines.SeriesLines.NONE);
        return c;
    }

    /** Writes {@code reward.csv} and {@code reward.png} into {@code dir}; returns both paths. */
    public List<Path> write(Path dir) throws IOException {
        return TrainingCurve.write(dir, "reward", csv(), this::chart);
    }
}
