package io.r1kit.data;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;

import java.io.EOFException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strict JSON parsing that turns Gson's syntax errors into one-line {@link DataFormatException}s
 * with the place of the problem: {@code "bad JSON at line 3 column 18: unterminated string"} for a
 * whole file, {@code "line 7: bad JSON at column 21: ..."} for one jsonl line.
 */
final class Json {

    private static final TypeAdapter<JsonElement> ELEMENT = new Gson().getAdapter(JsonElement.class);
    private static final Pattern LOCATION = Pattern.compile(" at line (\\d+) column (\\d+)");

    private Json() {}

    /** Reads {@code file} as UTF-8 and parses it as exactly one JSON value. */
    static JsonElement parseFile(Path file) throws IOException {
        String text = TextFiles.read(file);
        return parse(file, text, 0);
    }

    /** Parses line {@code line} (from 1) of a jsonl file as exactly one JSON value. */
    static JsonElement parseLine(Path file, int line, String text) throws DataFormatException {
        return parse(file, text, line);
    }

    private static JsonElement parse(Path file, String text, int line) throws DataFormatException {
        JsonReader reader = strictReader(text);
        try {
            JsonElement element = ELEMENT.read(reader);
            reader.peek(); // a strict reader throws here on anything after the value
            return element;
        } catch (IOException | JsonParseException | IllegalStateException | NumberFormatException e) {
            throw syntaxError(file, line, e, text);
        }
    }

    /** A strict (RFC 8259) reader over {@code text}: no comments, NaN, unquoted names or second value. */
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
     * Rewords a Gson syntax error. {@code line} is the jsonl line the text came from, 0 for a whole
     * file. An error at the very end of the text says so, since that usually means truncation.
     */
    static DataFormatException syntaxError(Path file, int line, Exception e, String text) {
        String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        String unit = line == 0 ? "file" : "line";
        String place = "";
        String what = message;
        boolean atEnd = e instanceof EOFException;
        Matcher m = LOCATION.matcher(message);
        if (m.find()) {
            int l = Integer.parseInt(m.group(1));
            int c = Integer.parseInt(m.group(2));
            place = line == 0 ? " at line " + l + " column " + c : " at column " + c;
            what = message.substring(0, m.start());
            atEnd |= isEnd(text, l, c);
        }
        if (e instanceof EOFException) {
            what = "unexpected end of input";
        } else if (what.startsWith("Use JsonReader.setStrictness")) {
            // Gson's advice to turn on leniency; in strict mode it means "not valid JSON here".
            what = "malformed JSON";
        } else if (!what.isEmpty()) {
            what = Character.toLowerCase(what.charAt(0)) + what.substring(1);
        }
        if (atEnd) {
            what += (e instanceof EOFException ? "" : " at the end of the " + unit) + " (truncated " + unit + "?)";
        }
        String prefix = line == 0 ? "" : "line " + line + ": ";
        return new DataFormatException(file, prefix + "bad JSON" + place + ": " + what, e);
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
