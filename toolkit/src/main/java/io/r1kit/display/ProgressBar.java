package io.r1kit.display;

import java.io.PrintWriter;

/**
 * The one-line text progress bar of long commands (data generation, vocabulary, training): a
 * 30-character bar redrawn in place with {@code \r}, ended with a newline when the work is done.
 *
 * <pre>
 * [#########                     ] 30/100 office-0029
 * </pre>
 */
public final class ProgressBar {

    /** Characters between the brackets. */
    public static final int WIDTH = 30;

    private ProgressBar() {}

    /** {@code [####      ]}: the share {@code done / total} filled (full when {@code total} is 0). */
    public static String bar(long done, long total) {
        int filled = total == 0 ? WIDTH : (int) (WIDTH * Math.min(done, total) / total);
        return "[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "]";
    }

    /** Redraws the line as the bar and {@code text}; the last call ({@code done == total}) ends it. */
    public static void redraw(PrintWriter out, long done, long total, String text) {
        out.print("\r" + bar(done, total) + " " + text + "   ");
        if (done == total) {
            out.println();
        }
        out.flush();
    }
}
