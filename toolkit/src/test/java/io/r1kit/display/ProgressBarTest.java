package io.r1kit.display;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The progress bar as text (redrawn in place, ended at the last unit) and as HTML. */
class ProgressBarTest {

    @Test
    void textRedrawsInPlaceAndEndsTheLineWhenDone() {
        StringWriter out = new StringWriter();
        Progress p = Progress.text(new PrintWriter(out));
        p.update(1, 3, "one");
        p.update(3, 3, "all");
        assertEquals("\r[##########                    ] one   \r[##############################] all   "
                + System.lineSeparator(), out.toString());
    }

    @Test
    void htmlIsAProgressElementWithTheTextEscaped() {
        assertEquals("<div class=\"r1kit-progress\"><progress style=\"width:20em;vertical-align:middle\" max=\"4\""
                + " value=\"3\"></progress> <code>a &lt;b&gt;</code></div>", ProgressBar.html(3, 4, "a <b>"));
        assertEquals(ProgressBar.html(1, 1, ""), ProgressBar.html(0, 0, ""), "nothing to do is done");
        assertEquals(ProgressBar.html(4, 4, "x"), ProgressBar.html(9, 4, "x"), "past the end is full");
    }
}
