package io.r1kit.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 csv parser: comma-separated fields, optionally in double quotes; inside quotes
 * a doubled quote is a quote and commas and line breaks are data. Lines end with LF or CRLF.
 * Empty lines outside quotes are skipped (pandas and spreadsheets often leave one at the end).
 *
 * <p>Strict where guessing would corrupt data: an unterminated quote, text after a closing quote,
 * or a quote inside an unquoted field is a {@link DataFormatException} naming the line.
 */
final class CsvReader {

    /**
     * One csv record.
     *
     * @param line   the line (from 1) on which the record starts
     * @param fields its fields, unquoted
     */
    record Row(int line, List<String> fields) {
        Row {
            fields = List.copyOf(fields);
        }
    }

    private CsvReader() {}

    /** Parses all records of {@code text} (the content of {@code file}, used in messages). */
    static List<Row> parse(Path file, String text) throws DataFormatException {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int rowLine = 1;
        int rowStart = 0;
        int i = 0;
        int n = text.length();
        boolean fieldStart = true;
        while (i < n) {
            char c = text.charAt(i);
            if (fieldStart && c == '"') {
                int quoteLine = line;
                i++;
                while (true) {
                    if (i >= n) {
                        throw DataFormatException.atLine(file, quoteLine, "quoted field is never closed");
                    }
                    char q = text.charAt(i);
                    if (q == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    if (q == '\n') {
                        line++;
                    }
                    field.append(q);
                    i++;
                }
                if (i < n && !isDelimiter(text, i)) {
                    throw DataFormatException.atLine(file, line, "text after the closing quote of field "
                            + (fields.size() + 1));
                }
                fieldStart = false;
                continue;
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldStart = true;
                i++;
            } else if (c == '\n' || (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n')) {
                endRow(rows, fields, field, rowLine, i == rowStart);
                i += c == '\r' ? 2 : 1;
                line++;
                rowLine = line;
                rowStart = i;
                fieldStart = true;
            } else if (c == '"') {
                throw DataFormatException.atLine(file, line, "quote inside unquoted field " + (fields.size() + 1));
            } else {
                field.append(c);
                fieldStart = false;
                i++;
            }
        }
        endRow(rows, fields, field, rowLine, n == rowStart);
        return rows;
    }

    private static boolean isDelimiter(String text, int i) {
        char c = text.charAt(i);
        return c == ',' || c == '\n' || (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n');
    }

    private static void endRow(List<Row> rows, List<String> fields, StringBuilder field, int rowLine,
                               boolean emptyLine) {
        fields.add(field.toString());
        field.setLength(0);
        if (!emptyLine) {
            rows.add(new Row(rowLine, fields));
        }
        fields.clear();
    }
}
