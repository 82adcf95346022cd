package io.r1kit.train.sft;

import io.r1kit.train.TrainingCurve;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The losses of a run, step by step: written as CSV ({@code step,train_loss,held_out_loss,learning_rate};
 * the held-out cell is empty on steps without a held-out pass) and drawn as a chart, since a curve is
 * read at a glance where a column of numbers is not.
 */
public final class LossCurve {

    /** One step: its batch loss, held-out loss (NaN when none was taken) and learning rate. */
    public record Point(int step, double trainLoss, double heldOutLoss, double learningRate) {}

    private final List<Point> points = new ArrayList<>();

    /** Adds a step. */
    public void add(int step, double trainLoss, double heldOutLoss, double learningRate) {
        points.add(new Point(step, trainLoss, heldOutLoss, learningRate));
    }

    /** Every step so far. */
    public List<Point> points() {
        return List.copyOf(points);
    }

    /** The CSV text. */
    public String csv() {
        StringBuilder sb = new StringBuilder("step,train_loss,held_out_loss,learning_rate\n");
        for (Point p : points) {
            sb.append(String.format(Locale.ROOT, "%d,%.6f,%s,%.6e%n", p.step(), p.trainLoss(),
                    Double.isNaN(p.heldOutLoss()) ? "" : String.format(Locale.ROOT, "%.6f", p.heldOutLoss()),
                    p.learningRate()));
        }
        return sb.toString();
    }

    /** Training loss per step (faint), its running mean over 20 steps, and the held-out loss (dots). */
    public BufferedImage chart() {
        XYChart c = new XYChartBuilder().width(800).height(450).title("SFT loss").xAxisTitle("step")
                .yAxisTitle("answer-token cross-entropy").build();
        c.getStyler().setLegendVisible(true);
        List<Integer> steps = new ArrayList<>();
        List<Double> train = new ArrayList<>();
        List<Integer> heldSteps = new ArrayList<>();
        List<Double> held = new ArrayList<>();
        for (Point p : points) {
            steps.add(p.step());
            train.add(p.trainLoss());
            if (!Double.isNaN(p.heldOutLoss())) {
                heldSteps.add(p.step());
                held.add(p.heldOutLoss());
            }
        }
        if (steps.isEmpty()) {
            return BitmapEncoder.getBufferedImage(c);
        }
        TrainingCurve.addSmoothed(c, "training batch", "training, mean of 20", steps, train, 20);
        if (!held.isEmpty()) {
            c.addSeries("held-out", heldSteps, held).setMarker(SeriesMarkers.CIRCLE);
        }
        return BitmapEncoder.getBufferedImage(c);
    }

    /** Writes {@code loss.csv} and {@code loss.png} into {@code dir}; returns both paths. */
    public List<Path> write(Path dir) throws IOException {
        return TrainingCurve.write(dir, "loss", csv(), this::chart);
    }
}
