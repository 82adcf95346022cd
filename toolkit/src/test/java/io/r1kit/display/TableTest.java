package io.r1kit.display;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TableTest {

    private final Table table = Table.of("Objects", List.of("id", "label"),
            List.of(List.of(1, "chair"), List.of(12, "<b>&")));

    @Test
    void textIsAligned() {
        assertEquals("Objects\nid  label\n1   chair\n12  <b>&\n", table.toString());
    }

    @Test
    void htmlIsEscaped() {
        assertEquals("<table class=\"r1kit-table\"><caption style=\"text-align:left;font-weight:bold\">Objects</caption>"
                + "<thead><tr><th>id</th><th>label</th></tr></thead><tbody><tr><td>1</td><td>chair</td></tr>"
                + "<tr><td>12</td><td>&lt;b&gt;&amp;</td></tr></tbody></table>", table.toHtml());
    }

    @Test
    void raggedRowsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Table.of("", List.of("a", "b"), List.of(List.of(1))));
        assertEquals("row 0 has 1 cells for 2 columns", e.getMessage());
    }
}
