package io.r1kit.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a whole annotation file as strict UTF-8, so a wrong encoding is reported, not guessed. */
final class TextFiles {

    private TextFiles() {}

    /**
     * The file's text without a leading byte-order mark.
     *
     * @throws DataFormatException if the file is empty (or blank) or holds bytes that are not UTF-8
     */
    static String read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int at = io.r1kit.Utf8.firstInvalid(bytes);
        if (at >= 0) {
            throw new DataFormatException(file, String.format(
                    "not UTF-8: invalid byte 0x%02X at line %d (byte offset %d)",
                    bytes[at] & 0xFF, lineOf(bytes, at), at));
        }
        String text = io.r1kit.Utf8.decode(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new DataFormatException(file, "empty file");
        }
        return text;
    }

    private static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
