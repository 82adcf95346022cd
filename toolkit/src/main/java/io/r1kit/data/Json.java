package io.r1kit.data;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import java.io.EOFException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strict JSON parsing that turns Gson's syntax errors into one-line {@link DataFormatException}s
 * with the line and column of the problem.
 */
final class Json {

    private static final TypeAdapter<JsonElement> ELEMENT = new com.google.gson.Gson().getAdapter(JsonElement.class);
    private static final Pattern LOCATION = Pattern.compile(" at line (\\d+) column (\\d+)");

    private Json() {}

    /** Reads {@code file} as UTF-8 and parses it as exactly one JSON value. */
    static JsonElement parseFile(Path file) throws IOException {
        return parse(file, TextFiles.read(file), "");
    }

    /**
     * Parses {@code text} as exactly one JSON value. {@code where} prefixes the message (e.g.
     * {@code "line 4: "} for one jsonl line), empty for a whole file.
     */
    static JsonElement parse(Path file, String text, String where) throws DataFormatException {
        JsonReader reader = strictReader(text);
        try {
            JsonElement element = ELEMENT.read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new DataFormatException(file, where + "bad JSON: extra content after the value");
            }
            return element;
        } catch (IOException | JsonParseException | IllegalStateException | NumberFormatException e) {
            if (e instanceof DataFormatException d) {
                throw d;
            }
            throw syntaxError(file, where, e, text);
        }
    }

    /** A strict (RFC 8259) reader over {@code text}: no comments, NaN or unquoted names. */
    static JsonReader strictReader(String text) {
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        return reader;
    }

    /** Reads one value from a reader positioned on it. */
    static JsonElement readValue(JsonReader reader) throws IOException {
        return ELEMENT.read(reader);
    }

    /**
     * Rewords a Gson syntax error as {@code "<where>bad JSON at line L column C: <what>"}; when
     * the error sits at the very end of {@code text} it says so, since that usually means a
     * truncated download.
     */
    static DataFormatException syntaxError(Path file, String where, Exception e, String text) {
        String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        Matcher m = LOCATION.matcher(message);
        String place = "";
        String what = message;
        boolean atEnd = e instanceof EOFException;
        if (m.find()) {
            place = " at line " + m.group(1) + " column " + m.group(2);
            what = message.substring(0, m.start());
            atEnd |= isEnd(text, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        if (e instanceof EOFException) {
            what = "unexpected end of input (truncated file?)";
        } else if (what.startsWith("Use JsonReader.setStrictness")) {
            what = "malformed JSON";
        } else if (!what.isEmpty()) {
            what = Character.toLowerCase(what.charAt(0)) + what.substring(1);
        }
        if (atEnd && !(e instanceof EOFException)) {
            what += " at the end of the file (truncated file?)";
        }
        return new DataFormatException(file, where + "bad JSON" + place + ": " + what, e);
    }

    /** Whether 1-based (line, column) as Gson counts them is just past the last character of {@code text}. */
    private static boolean isEnd(String text, int line, int column) {
        int lines = 1;
        int lastLineStart = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines++;
                lastLineStart = i + 1;
            }
        }
        return line == lines && column == text.length() - lastLineStart + 1;
    }
}
