package io.r1kit.data;

import io.r1kit.BadFileException;

import java.nio.file.Path;

/**
 * An annotation file that cannot be read. The message is always one line of the form
 * {@code "<file name>: <where>: <problem>"}, e.g.
 * {@code "ScanRefer_filtered_val.json: record 3: missing field \"description\""}, so a CLI can
 * print it as it is.
 *
 * <p>Where a problem is tied to a place, JSON list entries are named {@code record N} counting
 * from 0 (as {@code jq '.[N]'} does), and text lines {@code line N} counting from 1 (as editors do).
 */
public class DataFormatException extends BadFileException {

    private static final long serialVersionUID = 1L;

    public DataFormatException(Path file, String problem) {
        super(file, problem);
    }

    public DataFormatException(Path file, String problem, Throwable cause) {
        super(file, problem, cause);
    }

    /** A problem in entry {@code index} (from 0) of a JSON list. */
    public static DataFormatException atRecord(Path file, int index, String problem) {
        return new DataFormatException(file, "record " + index + ": " + problem);
    }

    /** A problem on text line {@code line} (from 1). */
    public static DataFormatException atLine(Path file, int line, String problem) {
        return new DataFormatException(file, "line " + line + ": " + problem);
    }
}
