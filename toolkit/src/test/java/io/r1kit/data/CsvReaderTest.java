package io.r1kit.data;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CsvReaderTest {

    private static final Path FILE = Path.of("in.csv");

    private static List<CsvReader.Row> parse(String text) throws DataFormatException {
        return CsvReader.parse(FILE, text);
    }

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaks() throws Exception {
        List<CsvReader.Row> rows = parse("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nlast,,\"\"\n");
        assertEquals(3, rows.size());
        assertEquals(List.of("a", "b", "c"), rows.get(0).fields());
        assertEquals(List.of("x, y", "say \"hi\"", "two\nlines"), rows.get(1).fields());
        assertEquals(List.of("last", "", ""), rows.get(2).fields());
        assertEquals(List.of(1, 2, 4), rows.stream().map(CsvReader.Row::line).toList());
    }

    @Test
    void emptyLinesAreSkippedButAQuotedEmptyFieldIsARow() throws Exception {
        List<CsvReader.Row> rows = parse("h\n\n\"\"\nx");
        assertEquals(List.of(List.of("h"), List.of(""), List.of("x")), rows.stream().map(CsvReader.Row::fields).toList());
        assertEquals(4, rows.get(2).line());
    }

    @Test
    void malformedQuotingNamesTheLine() {
        assertEquals("in.csv: line 2: quoted field is never closed",
                assertThrows(DataFormatException.class, () -> parse("a,b\n1,\"open\n\nstill open")).getMessage());
        assertEquals("in.csv: line 1: text after the closing quote of field 2",
                assertThrows(DataFormatException.class, () -> parse("a,\"b\"c\n")).getMessage());
        assertEquals("in.csv: line 2: quote inside unquoted field 1",
                assertThrows(DataFormatException.class, () -> parse("a\nsa\"y\n")).getMessage());
    }
}
