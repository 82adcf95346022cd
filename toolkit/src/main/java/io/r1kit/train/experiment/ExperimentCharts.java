package io.r1kit.train.experiment;

import io.r1kit.BadFileException;
import io.r1kit.train.TrainingCurve;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The experiment's charts: each task's relative change from SFT for each arm (bars, with the
 * standard deviation over seeds as error bars when there are several), the same for each arm's seeds averaged into
 * one model, and each seed's sampled GRPO reward per step (running mean of 10; with several seeds also their mean,
 * drawn thick), read back from the runs' {@code reward.csv}.
 */
public final class ExperimentCharts {

    private static final int WINDOW = 10;

    private ExperimentCharts() {}

    /** Per task, each arm's mean relative change from SFT, in percent. */
    public static BufferedImage perTask(ExperimentTable table) {
        CategoryChart c = new CategoryChartBuilder().width(900).height(450).title("Held-out change from SFT, per task")
                .xAxisTitle("task").yAxisTitle("relative change (%)").build();
        c.getStyler().setLegendVisible(true);
        c.getStyler().setXAxisLabelRotation(20);
        for (ExperimentTable.Side s : table.sides()) {
            arm(c, s.label(), table.rows(), table.reports(s).size(), r -> r.arm(s));
        }
        return BitmapEncoder.getBufferedImage(c);
    }

    /** Per task, each averaged arm's relative change from SFT, in percent ({@link AveragedArms}). */
    public static BufferedImage averaged(AveragedArms arms) {
        CategoryChart c = new CategoryChartBuilder().width(900).height(450)
                .title("Held-out change from SFT, each arm's seeds averaged into one model")
                .xAxisTitle("task").yAxisTitle("relative change (%)").build();
        c.getStyler().setLegendVisible(true);
        c.getStyler().setXAxisLabelRotation(20);
        List<io.r1kit.task.Task> tasks = new ArrayList<>(arms.sft().tasks().keySet());
        arms.averaged().forEach((side, report) -> c.addSeries(side.label() + " (" + arms.seeds().get(side)
                        + " averaged)", tasks.stream().map(io.r1kit.task.Task::slug).toList(),
                tasks.stream().map(t -> 100 * (report.tasks().get(t).value() / arms.sft().tasks().get(t).value() - 1))
                        .toList()));
        return BitmapEncoder.getBufferedImage(c);
    }

    /** One arm's bars in percent of SFT; with several seeds, their standard deviation as error bars. */
    private static void arm(CategoryChart c, String name, List<ExperimentTable.Row> rows, int seeds,
                            java.util.function.Function<ExperimentTable.Row, ExperimentTable.Arm> arm) {
        List<String> tasks = rows.stream().map(r -> r.task().slug()).toList();
        boolean bars = seeds > 1;
        c.addSeries(name + (bars ? " (" + seeds + " seeds, ± sd)" : ""), tasks,
                rows.stream().map(r -> 100 * arm.apply(r).relative()).toList(),
                bars ? rows.stream().map(r -> 100 * arm.apply(r).spread() / r.sft()).toList() : null);
    }

    /** Each run's sampled reward per step, smoothed; {@code runs} are GRPO output folders. */
    public static BufferedImage rewards(List<Path> runs) throws IOException {
        XYChart c = new XYChartBuilder().width(900).height(450).title("GRPO reward per step (mean of " + WINDOW + ")")
                .xAxisTitle("step").yAxisTitle("mean total reward").build();
        c.getStyler().setLegendVisible(true);
        java.util.TreeMap<Integer, double[]> sums = new java.util.TreeMap<>();   // step -> {sum, runs}
        int drawn = 0;
        for (Path run : runs) {
            List<double[]> rows = column(run.resolve("reward.csv"), "reward");
            if (rows.isEmpty()) {
                continue;
            }
            List<Integer> x = rows.stream().map(r -> (int) r[0]).toList();
            List<Double> y = rows.stream().map(r -> r[1]).toList();
            c.addSeries(run.getFileName().toString(), x, TrainingCurve.runningMean(y, WINDOW))
                    .setMarker(SeriesMarkers.NONE).setLineWidth(runs.size() > 1 ? 1f : 2f);
            rows.forEach(r -> {
                double[] s = sums.computeIfAbsent((int) r[0], k -> new double[2]);
                s[0] += r[1];
                s[1]++;
            });
            drawn++;
        }
        if (drawn > 1) {
            List<Double> mean = sums.values().stream().map(s -> s[0] / s[1]).toList();
            c.addSeries("mean of " + drawn + " seeds", new ArrayList<>(sums.keySet()),
                            TrainingCurve.runningMean(mean, WINDOW))
                    .setMarker(SeriesMarkers.NONE).setLineWidth(4f).setLineColor(java.awt.Color.BLACK);
        }
        return BitmapEncoder.getBufferedImage(c);
    }

    /** (step, value) of one column of a {@code reward.csv}; rows where it is empty are left out. */
    static List<double[]> column(Path csv, String name) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        if (lines.isEmpty()) {
            throw new BadFileException(csv, "is empty");
        }
        int k = Arrays.asList(lines.get(0).split(",", -1)).indexOf(name);
        if (k < 0) {
            throw new BadFileException(csv, "has no column \"" + name + "\"");
        }
        List<double[]> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (f.length > k && !f[k].isEmpty()) {
                out.add(new double[]{Double.parseDouble(f[0]), Double.parseDouble(f[k])});
            }
        }
        return out;
    }
}
