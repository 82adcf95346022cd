package io.r1kit.display;

import java.io.PrintWriter;

/**
 * Where long work reports how far it is: {@code done} of {@code total} units, and a short text of what it is
 * doing. A terminal draws it as the text bar of {@link ProgressBar}; a notebook as a bar updated in place.
 * Called on the working thread; {@code done == total} is the last call.
 *
 * <pre>{@code
 * Progress p = Progress.text(new PrintWriter(System.err, true));
 * p.update(3, 10, "rooms 3/10");   // [#########                     ] rooms 3/10
 * }</pre>
 */
@FunctionalInterface
public interface Progress {

    /** {@code done} of {@code total} units are done; {@code text} says what (e.g. {@code "answered 12/40"}). */
    void update(long done, long total, String text);

    /** Reports nothing. */
    static Progress none() {
        return (done, total, text) -> {};
    }

    /** The text bar of {@link ProgressBar}, redrawn on {@code out}. */
    static Progress text(PrintWriter out) {
        return (done, total, text) -> ProgressBar.redraw(out, done, total, text);
    }
}
