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
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the curves of a training run share: a noisy per-step series drawn faint under its running mean,
 * and the pair of files a curve is kept as ({@code NAME.csv}, {@code NAME.png}).
 */
public final class TrainingCurve {

    private static final Color FAINT = new Color(150, 180, 230);
    private static final java.util.concurrent.atomic.AtomicBoolean WARNED = new java.util.concurrent.atomic.AtomicBoolean();

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

    /**
     * Writes {@code NAME.csv}, then {@code NAME.png} when this Java runtime can draw; returns the files written.
     * A runtime without its font libraries (a trimmed JRE, a minimal container: AWT's font manager needs the
     * system's {@code libharfbuzz} and {@code libfreetype}) cannot draw text, so there the picture is left out
     * with one warning line on standard error, and the CSV still holds every figure.
     */
    public static List<Path> write(Path dir, String name, String csv, Supplier<BufferedImage> chart) throws IOException {
        Path csvFile = dir.resolve(name + ".csv");
        Files.writeString(csvFile, csv);
        Optional<BufferedImage> image = draw(chart, name + ".png");
        if (image.isEmpty()) {
            return List.of(csvFile);
        }
        Path png = dir.resolve(name + ".png");
        javax.imageio.ImageIO.write(image.get(), "png", png.toFile());
        return List.of(csvFile, png);
    }

    /** The picture {@link #write} left in {@code dir} ({@code NAME.png}), else its CSV. */
    public static Path saved(Path dir, String name) {
        Path png = dir.resolve(name + ".png");
        return Files.exists(png) ? png : dir.resolve(name + ".csv");
    }

    /**
     * The chart, or empty when this Java runtime cannot draw (the first such failure is reported once on
     * standard error, naming {@code what} and the missing piece).
     */
    private static Optional<BufferedImage> draw(Supplier<BufferedImage> chart, String what) {
        try {
            return Optional.of(chart.get());
        } catch (LinkageError | InternalError | java.awt.AWTError | java.awt.HeadlessException e) {
            if (!WARNED.getAndSet(true)) {
                System.err.println("r1kit: " + what + " not drawn: this Java runtime cannot draw charts ("
                        + e.getClass().getSimpleName() + ": " + e.getMessage() + "); the figures are in the CSV beside it");
            }
            return Optional.empty();
        }
    }
}
