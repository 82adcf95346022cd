package io.r1kit.magics;

import io.r1kit.display.Html;
import io.r1kit.display.Progress;
import io.r1kit.display.ProgressBar;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The one progress display of the magics: in a notebook, one output (a bar, a line of text and, for training,
 * the curve so far) shown when the work starts and updated in place as it goes ({@code update_display_data});
 * without a kernel, the text bar of {@link ProgressBar} on standard error. Redraws at most every
 * {@value #BAR_MILLIS} ms and the curve at most every {@value #CHART_MILLIS} ms, so a fast loop costs nothing;
 * the last update ({@code done == total}) and {@link #finish} always draw.
 */
final class LiveProgress implements Progress {

    static final long BAR_MILLIS = 250;
    static final long CHART_MILLIS = 2000;

    private final BaseKernel kernel;
    private final PrintWriter text;
    private final String id = "r1kit-progress-" + UUID.randomUUID();
    private boolean shown;
    private long done;
    private long total = 1;
    private String what = "";
    private long drawnAt;
    private Supplier<BufferedImage> chart;
    private String chartUri;
    private long chartAt;
    private int draws;

    /** A display in {@code kernel}'s current cell, or a text bar on standard error when {@code kernel} is null. */
    LiveProgress(BaseKernel kernel) {
        this.kernel = kernel;
        this.text = kernel == null ? new PrintWriter(System.err, true) : null;
    }

    @Override
    public synchronized void update(long done, long total, String text) {
        this.done = done;
        this.total = total;
        this.what = text;
        long now = System.currentTimeMillis();
        if (done >= total || now - drawnAt >= BAR_MILLIS) {
            draw(now);
        }
    }

    /** The curve so far, drawn beside the bar when it is next redrawn (at most every {@value #CHART_MILLIS} ms). */
    synchronized void chart(Supplier<BufferedImage> chart) {
        this.chart = chart;
        long now = System.currentTimeMillis();
        if (now - chartAt >= CHART_MILLIS) {
            drawChart(now);
            draw(now);
        }
    }

    /** Draws the last state, with the curve redrawn: what stays in the cell when the work is done. */
    synchronized void finish() {
        long now = System.currentTimeMillis();
        if (chart != null) {
            drawChart(now);
        }
        if (draws > 0 && kernel != null) {
            draw(now);
        }
    }

    /** How many times the display was drawn (the first time included). */
    synchronized int draws() {
        return draws;
    }

    private void drawChart(long now) {
        chartUri = Html.pngDataUri(chart.get());
        chartAt = now;
    }

    private void draw(long now) {
        drawnAt = now;
        draws++;
        if (kernel == null) {
            ProgressBar.redraw(text, Math.min(done, total), total, what);
            return;
        }
        DisplayData d = new DisplayData(ProgressBar.bar(done, total) + " " + what);
        d.putHTML(ProgressBar.html(done, total, what)
                + (chartUri == null ? "" : "<img alt=\"curve so far\" width=\"520\" src=\"" + chartUri + "\">"));
        if (!shown) {
            d.setDisplayId(id);
            kernel.display(d);
            shown = true;
        } else {
            kernel.getIO().display.updateDisplay(id, d);
        }
    }
}
