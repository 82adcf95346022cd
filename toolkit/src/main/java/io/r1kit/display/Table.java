package io.r1kit.display;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A small immutable table with a caption: HTML in a notebook, aligned text in JShell.
 *
 * <pre>{@code
 * Table t = Table.of("Objects", List.of("id", "label"), List.of(List.of(1, "chair")));
 * }</pre>
 */
public final class Table implements HtmlRenderable {

    private final String caption;
    private final List<String> columns;
    private final List<List<String>> rows;

    private Table(String caption, List<String> columns, List<List<String>> rows) {
        this.caption = caption;
        this.columns = columns;
        this.rows = rows;
    }

    /**
     * @throws IllegalArgumentException when a row's length differs from the column count
     */
    public static Table of(String caption, List<String> columns, List<? extends List<?>> rows) {
        Objects.requireNonNull(caption, "caption");
        List<List<String>> cells = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            List<?> row = rows.get(r);
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("row " + r + " has " + row.size() + " cells for "
                        + columns.size() + " columns");
            }
            cells.add(row.stream().map(String::valueOf).toList());
        }
        return new Table(caption, List.copyOf(columns), List.copyOf(cells));
    }

    public String caption() { return caption; }

    public List<String> columns() { return columns; }

    public List<List<String>> rows() { return rows; }

    @Override
    public String toHtml() {
        StringBuilder sb = new StringBuilder("<table class=\"r1kit-table\">");
        if (!caption.isEmpty()) {
            sb.append("<caption style=\"text-align:left;font-weight:bold\">").append(Html.escape(caption)).append("</caption>");
        }
        sb.append("<thead><tr>");
        columns.forEach(c -> sb.append("<th>").append(Html.escape(c)).append("</th>"));
        sb.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            sb.append("<tr>");
            row.forEach(c -> sb.append("<td>").append(Html.escape(c)).append("</td>"));
            sb.append("</tr>");
        }
        return sb.append("</tbody></table>").toString();
    }

    @Override
    public String toString() {
        int[] width = new int[columns.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = columns.get(c).length();
            for (List<String> row : rows) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        if (!caption.isEmpty()) {
            sb.append(caption).append('\n');
        }
        appendLine(sb, columns, width);
        for (List<String> row : rows) {
            appendLine(sb, row, width);
        }
        return sb.toString();
    }

    private static void appendLine(StringBuilder sb, List<String> cells, int[] width) {
        for (int c = 0; c < cells.size(); c++) {
            sb.append(c == 0 ? "" : "  ").append(String.format("%-" + width[c] + "s", cells.get(c)));
        }
        sb.setLength(sb.toString().stripTrailing().length());
        sb.append('\n');
    }
}
