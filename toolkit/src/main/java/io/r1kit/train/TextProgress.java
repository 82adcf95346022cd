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
        ProgressBar.redraw(out, step, steps, stepText(step, steps, loss, learningRate, tokensPerSecond, etaSeconds));
    }

    @Override
    public void step(int step, int steps, String figures, double etaSeconds) {
        ProgressBar.redraw(out, step, steps, stepText(step, steps, figures, etaSeconds));
    }

    @Override
    public void heldOut(int step, double loss) {
        out.print("\r" + heldOutText(step, loss) + " ".repeat(40) + System.lineSeparator());
        out.flush();
    }

    /** What the bar of an SFT step says: {@code step 300/1000  loss 2.104  lr 9.1e-04  1,840 tok/s  ETA 12:31}. */
    public static String stepText(int step, int steps, double loss, double learningRate, double tokensPerSecond,
                                  double etaSeconds) {
        return String.format(Locale.ROOT, "step %d/%d  loss %.3f  lr %.1e  %,.0f tok/s  ETA %s", step, steps, loss,
                learningRate, tokensPerSecond, clock(etaSeconds));
    }

    /** What the bar of a step with other figures says: {@code step 3/10  reward 0.412 ...  ETA 0:41}. */
    public static String stepText(int step, int steps, String figures, double etaSeconds) {
        return String.format(Locale.ROOT, "step %d/%d  %s  ETA %s", step, steps, figures, clock(etaSeconds));
    }

    /** {@code held-out loss after step 300: 2.0412}. */
    public static String heldOutText(int step, double loss) {
        return String.format(Locale.ROOT, "held-out loss after step %d: %.4f", step, loss);
    }

    /** Seconds as {@code m:ss}, or {@code h:mm:ss} from an hour on. */
    static String clock(double seconds) {
        long s = Math.round(Math.max(0, seconds));
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
