package io.r1kit.train;

import io.r1kit.display.ProgressBar;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A {@link TrainProgress} that redraws one line of text: a 30-character bar, step, loss, learning
 * rate, tokens/s and the time left; held-out losses are printed on their own lines and stay.
 *
 * <pre>
 * [#########                     ] step 300/1000  loss 2.104  lr 9.1e-04  1,840 tok/s  ETA 12:31
 * </pre>
 */
public final class TextProgress implements TrainProgress {

    private final PrintWriter out;

    /** Draws on {@code out} (usually standard error, so that standard output stays clean). */
    public TextProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void rooms(String phase, int done, int total) {
        ProgressBar.redraw(out, done, total, phase + " " + done + "/" + total);
    }

    @Override
    public void step(int step, int steps, double loss, double learningRate, double tokensPerSecond, double etaSeconds) {
        out.print(String.format(Locale.ROOT, "\r%s step %d/%d  loss %.3f  lr %.1e  %,.0f tok/s  ETA %s   ",
                ProgressBar.bar(step, steps), step, steps, loss, learningRate, tokensPerSecond, clock(etaSeconds)));
        if (step == steps) {
            out.println();
        }
        out.flush();
    }

    @Override
    public void step(int step, int steps, String figures, double etaSeconds) {
        out.print(String.format(Locale.ROOT, "\r%s step %d/%d  %s  ETA %s   ", ProgressBar.bar(step, steps), step, steps,
                figures, clock(etaSeconds)));
        if (step == steps) {
            out.println();
        }
        out.flush();
    }

    @Override
    public void heldOut(int step, double loss) {
        out.print(String.format(Locale.ROOT, "\rheld-out loss after step %d: %.4f%s%n", step, loss, " ".repeat(40)));
        out.flush();
    }

    /** Seconds as {@code m:ss}, or {@code h:mm:ss} from an hour on. */
    static String clock(double seconds) {
        long s = Math.round(Math.max(0, seconds));
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
