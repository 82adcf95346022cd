package io.r1kit.display;

import java.io.PrintWriter;

/**
 * The one-line text progress bar of long commands (data generation, vocabulary, training): a
 * 30-character bar redrawn in place with {@code \r}, ended with a newline when the work is done; and the
 * same bar as HTML, for a notebook display updated in place.
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

    /** The bar as HTML: a {@code <progress>} element and {@code text} beside it. */
    public static String html(long done, long total, String text) {
        long max = Math.max(total, 1);
        long value = total == 0 ? 1 : Math.min(Math.max(done, 0), total);
        return "<div class=\"r1kit-progress\"><progress style=\"width:20em;vertical-align:middle\" max=\"" + max
                + "\" value=\"" + value + "\"></progress> <code>" + Html.escape(text) + "</code></div>";
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
