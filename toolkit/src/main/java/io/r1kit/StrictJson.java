package io.r1kit;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Reads JSON exactly as RFC 8259 writes it, for files that other programs (and native libraries) read too:
 * UTF-8 only, no byte-order mark, no comments or unquoted words, no control character inside a string, no
 * lone surrogate escape, no duplicate key, no number beyond float64, and no nesting deeper than a bound, so a
 * damaged or hostile file is refused here with its line and column instead of overflowing the stack or
 * reaching a reader that would accept it differently. Gson's lenient parser accepts all of these.
 *
 * <pre>{@code
 * JsonElement root = StrictJson.read(Path.of("config.json"), StrictJson.MAX_FILE);  // IllegalArgumentException when malformed
 * }</pre>
 */
public final class StrictJson {

    /** Largest file {@link #read} takes by default: configs and tokenizers are far smaller. */
    public static final long MAX_FILE = 256L * 1024 * 1024;
    /** Deepest nesting of arrays and objects accepted; the toolkit's own files nest less than 10 deep. */
    public static final int MAX_DEPTH = 64;

    private static final Pattern HEX4 = Pattern.compile("[0-9a-fA-F]{4}");

    /** Malformed JSON; the message is one line with the line and column, quoting no more than a short excerpt. */
    public static final class Malformed extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    private final String s;
    private final int maxDepth;
    private int pos;

    private StrictJson(String s, int maxDepth) {
        this.s = s;
        this.maxDepth = maxDepth;
    }

    /**
     * The JSON value in {@code file}.
     *
     * @throws IOException   when the file cannot be read
     * @throws IllegalArgumentException when it is larger than {@code maxBytes}, not UTF-8 ({@link Utf8}), or not
     *                                  strict JSON ({@link Malformed})
     */
    public static JsonElement read(Path file, long maxBytes) throws IOException {
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new Malformed(String.format(java.util.Locale.ROOT, "%,d bytes, more than the %,d a JSON file here may have",
                    size, maxBytes));
        }
        return parse(Utf8.decode(Files.readAllBytes(file)));
    }

    /** Parses {@code text} with the default depth bound. */
    public static JsonElement parse(String text) {
        return parse(text, MAX_DEPTH);
    }

    /** Parses {@code text}, refusing nesting deeper than {@code maxDepth}. */
    public static JsonElement parse(String text, int maxDepth) {
        StrictJson p = new StrictJson(text, maxDepth);
        if (text.startsWith("\uFEFF")) {
            throw p.error("a byte-order mark before the JSON");
        }
        JsonElement v = p.value(0);
        p.space();
        if (p.pos != text.length()) {
            throw p.error("text after the JSON value");
        }
        return v;
    }

    private JsonElement value(int depth) {
        space();
        if (pos >= s.length()) {
            throw error("the text ends where a value should be");
        }
        char c = s.charAt(pos);
        switch (c) {
            case '{': return object(depth + 1);
            case '[': return array(depth + 1);
            case '"': return new JsonPrimitive(string());
            case 't': return word("true", new JsonPrimitive(true));
            case 'f': return word("false", new JsonPrimitive(false));
            case 'n': return word("null", JsonNull.INSTANCE);
            case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9': return number();
            default: throw error("unexpected " + describe(c));
        }
    }

    private JsonObject object(int depth) {
        JsonObject o = new JsonObject();
        members(depth, '}', () -> {
            space();
            if (!peekIs('"')) {
                throw error("expected a key in quotes");
            }
            int keyAt = pos;
            String key = string();
            if (o.has(key)) {
                pos = keyAt;
                throw error("key \"" + Excerpt.of(key) + "\" appears twice in one object");
            }
            space();
            if (!peekIs(':')) {
                throw error("expected ':'");
            }
            pos++;
            o.add(key, value(depth));
        });
        return o;
    }

    private JsonArray array(int depth) {
        JsonArray a = new JsonArray();
        members(depth, ']', () -> a.add(value(depth)));
        return a;
    }

    /** From an opening bracket to its {@code close}: {@code member} reads each of the comma-separated members. */
    private void members(int depth, char close, Runnable member) {
        if (depth > maxDepth) {
            throw error("arrays and objects nest more than " + maxDepth + " deep");
        }
        pos++;
        space();
        if (peekIs(close)) {
            pos++;
            return;
        }
        while (true) {
            member.run();
            space();
            if (peekIs(',')) {
                pos++;
            } else if (peekIs(close)) {
                pos++;
                return;
            } else {
                throw error("expected ',' or '" + close + "'");
            }
        }
    }

    private String string() {
        StringBuilder b = new StringBuilder();
        pos++; // the opening quote
        while (true) {
            if (pos >= s.length()) {
                throw error("the text ends inside a string");
            }
            char c = s.charAt(pos);
            if (c == '"') {
                pos++;
                return b.toString();
            }
            if (c < 0x20) {
                throw error("a control character inside a string (write it as an escape)");
            }
            if (c != '\\') {
                b.append(c);
                pos++;
                continue;
            }
            if (pos + 1 >= s.length()) {
                throw error("the text ends inside an escape");
            }
            char e = s.charAt(pos + 1);
            int simple = "\"\\/bfnrt".indexOf(e);
            if (simple >= 0) {
                b.append("\"\\/\b\f\n\r\t".charAt(simple));
            } else if (e == 'u') {
                char u = hex4(pos + 2);
                if (Character.isSurrogate(u)) {   // only as a high-low pair, which is one character
                    char low = Character.isHighSurrogate(u) && s.startsWith("\\u", pos + 6) ? hex4(pos + 8) : 0;
                    if (!Character.isLowSurrogate(low)) {
                        throw error("a lone surrogate escape \\u" + Integer.toHexString(u));
                    }
                    b.append(u);
                    u = low;
                    pos += 6;
                }
                b.append(u);
                pos += 4;
            } else {
                throw error("an unknown escape \\" + describe(e));
            }
            pos += 2;
        }
    }

    private char hex4(int at) {
        if (at + 4 > s.length()) {
            throw error("the text ends inside a \\u escape");
        }
        if (!HEX4.matcher(s).region(at, at + 4).matches()) {   // ASCII only: parseInt takes other scripts' digits
            throw error("a \\u escape without four hex digits");
        }
        return (char) Integer.parseInt(s, at, at + 4, 16);
    }

    private JsonPrimitive number() {
        int start = pos;
        if (peekIs('-')) {
            pos++;
        }
        if (peekIs('0')) {
            pos++;
        } else if (!digits()) {
            throw error("a number without digits");
        }
        if (peekIs('.')) {
            pos++;
            if (!digits()) {
                throw error("a number with no digit after its point");
            }
        }
        if (peekIs('e') || peekIs('E')) {
            pos++;
            if (peekIs('+') || peekIs('-')) {
                pos++;
            }
            if (!digits()) {
                throw error("a number with no digit in its exponent");
            }
        }
        String text = s.substring(start, pos);
        try {
            BigDecimal v = new BigDecimal(text);
            if (!Double.isInfinite(v.doubleValue())) {
                return new JsonPrimitive(v);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // an exponent past the int range: as far outside float64 as an infinite value
        }
        pos = start;
        throw error("the number " + Excerpt.of(text) + " is beyond float64's range");
    }

    private boolean digits() {
        int start = pos;
        while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
            pos++;
        }
        return pos > start;
    }

    private JsonElement word(String w, JsonElement v) {
        if (!s.startsWith(w, pos)) {
            throw error("unexpected " + describe(s.charAt(pos)));
        }
        pos += w.length();
        return v;
    }

    private void space() {
        while (pos < s.length() && " \t\n\r".indexOf(s.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private boolean peekIs(char c) {
        return pos < s.length() && s.charAt(pos) == c;
    }

    private static String describe(char c) {
        return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("character U+%04X", (int) c);
    }

    private Malformed error(String what) {
        int line = 1;
        int lineStart = 0;
        int at = Math.min(pos, s.length());
        for (int i = 0; i < at; i++) {
            if (s.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Malformed("invalid JSON at line " + line + ", column " + (s.codePointCount(lineStart, at) + 1) + ": "
                + what);
    }
}
