package io.r1kit.train;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the curves of a training run share: a noisy per-step series drawn faint under its running mean,
 * and the pair of files a curve is kept as ({@code NAME.csv}, {@code NAME.png}).
 */
public final class TrainingCurve {

    private static final Color FAINT = new Color(150, 180, 230);

    private TrainingCurve() {}

    /** The mean of each value and the up to {@code window - 1} values before it. */
    public static List<Double> runningMean(List<Double> y, int window) {
        List<Double> mean = new ArrayList<>(y.size());
        double sum = 0;
        for (int i = 0; i < y.size(); i++) {
            sum += y.get(i) - (i >= window ? y.get(i - window) : 0);
            mean.add(sum / Math.min(i + 1, window));
        }
        return mean;
    }

    /** Adds {@code y} as a faint line named {@code raw} and its running mean over {@code window} steps. */
    public static void addSmoothed(XYChart c, String raw, String mean, List<Integer> x, List<Double> y, int window) {
        XYSeries s = c.addSeries(raw, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(FAINT);
        c.addSeries(mean, x, runningMean(y, window)).setMarker(SeriesMarkers.NONE);
    }

    /** Writes {@code NAME.csv} and {@code NAME.png} into {@code dir}; returns both paths. */
    public static List<Path> write(Path dir, String name, String csv, BufferedImage chart) throws IOException {
        Path csvFile = dir.resolve(name + ".csv");
        Path png = dir.resolve(name + ".png");
        Files.writeString(csvFile, csv);
        javax.imageio.ImageIO.write(chart, "png", png.toFile());
        return List.of(csvFile, png);
    }
}
