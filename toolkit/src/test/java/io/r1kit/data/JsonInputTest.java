package io.r1kit.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** File-level failures shared by all JSON readers: syntax, truncation, emptiness, encoding. */
class JsonInputTest {

    private static String message(Path f) {
        return assertThrows(DataFormatException.class, () -> ThreeDLlm.read(f)).getMessage();
    }

    @Test
    void truncatedFileGivesLineAndColumn(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("t.json"), "[\n {\"question\": \"### human: hi\",\n  \"answers\": [\"he");
        assertEquals("t.json: bad JSON at line 3 column 18: unterminated string at the end of the file (truncated file?)",
                message(f));
        Path g = Files.writeString(dir.resolve("u.json"), "[{\"question\": \"### human: hi\"},\n");
        assertEquals("u.json: bad JSON at line 2 column 1: unexpected end of input (truncated file?)", message(g));
    }

    @Test
    void syntaxErrorGivesLineAndColumn(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("s.json"), "[\n {\"question\" \"x\"}\n]");
        assertEquals("s.json: bad JSON at line 2 column 15: expected ':'", message(f));
    }

    @Test
    void trailingContentIsAnError(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("x.json"), "[]\n[]");
        assertEquals("x.json: bad JSON at line 2 column 2: malformed JSON", message(f));
    }

    @Test
    void emptyAndBlankFiles(@TempDir Path dir) throws Exception {
        assertEquals("e.json: empty file", message(Files.writeString(dir.resolve("e.json"), "")));
        assertEquals("b.json: empty file", message(Files.writeString(dir.resolve("b.json"), " \n\t\n")));
    }

    @Test
    void invalidUtf8NamesTheByte(@TempDir Path dir) throws Exception {
        byte[] latin1 = "[\n{\"question\": \"caf\u00e9\"}]".getBytes(StandardCharsets.ISO_8859_1);
        Path f = Files.write(dir.resolve("l.json"), latin1);
        assertEquals("l.json: not UTF-8: invalid byte 0xE9 at line 2 (byte offset 19)", message(f));
    }

    @Test
    void byteOrderMarkIsSkipped(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("bom.json"),
                "\uFEFF[{\"question\": \"### human: hi ### assistant:\", \"answers\": [\"hello\"], \"scene_id\": \"s\"}]");
        assertEquals("hello", ThreeDLlm.read(f).get(0).answers().get(0));
    }
}
