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
     * @throws Malformed     when it is larger than {@code maxBytes}, not UTF-8, or not strict JSON
     */
    public static JsonElement read(Path file, long maxBytes) throws IOException {
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new Malformed(String.format(java.util.Locale.ROOT, "%,d bytes, more than the %,d a JSON file here may have",
                    size, maxBytes));
        }
        return parse(utf8(Files.readAllBytes(file)));
    }

    /** The text of {@code bytes}, which must be UTF-8 ({@link Utf8}). */
    public static String utf8(byte[] bytes) {
        int bad = Utf8.firstInvalid(bytes);
        if (bad >= 0) {
            throw new Malformed("not UTF-8 text (byte " + bad + " is not part of a UTF-8 character)");
        }
        return Utf8.decode(bytes);
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
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("unexpected " + describe(c));
        }
    }

    private JsonObject object(int depth) {
        enter(depth);
        JsonObject o = new JsonObject();
        pos++;
        space();
        if (peekIs('}')) {
            pos++;
            return o;
        }
        while (true) {
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
            expect(':');
            o.add(key, value(depth));
            space();
            if (peekIs(',')) {
                pos++;
            } else if (peekIs('}')) {
                pos++;
                return o;
            } else {
                throw error("expected ',' or '}'");
            }
        }
    }

    private JsonArray array(int depth) {
        enter(depth);
        JsonArray a = new JsonArray();
        pos++;
        space();
        if (peekIs(']')) {
            pos++;
            return a;
        }
        while (true) {
            a.add(value(depth));
            space();
            if (peekIs(',')) {
                pos++;
            } else if (peekIs(']')) {
                pos++;
                return a;
            } else {
                throw error("expected ',' or ']'");
            }
        }
    }

    private void enter(int depth) {
        if (depth > maxDepth) {
            throw error("arrays and objects nest more than " + maxDepth + " deep");
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
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    char u = hex4(pos + 2);
                    if (Character.isHighSurrogate(u)) {
                        if (!s.startsWith("\\u", pos + 6) || !Character.isLowSurrogate(hex4(pos + 8))) {
                            throw error("a lone surrogate escape \\u" + Integer.toHexString(u));
                        }
                        b.append(u).append(hex4(pos + 8));
                        pos += 6;
                    } else if (Character.isLowSurrogate(u)) {
                        throw error("a lone surrogate escape \\u" + Integer.toHexString(u));
                    } else {
                        b.append(u);
                    }
                    pos += 4;
                }
                default -> throw error("an unknown escape \\" + describe(e));
            }
            pos += 2;
        }
    }

    private char hex4(int at) {
        if (at + 4 > s.length()) {
            throw error("the text ends inside a \\u escape");
        }
        int v = 0;
        for (int i = at; i < at + 4; i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) {
                throw error("a \\u escape without four hex digits");
            }
            v = v * 16 + d;
        }
        return (char) v;
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
        BigDecimal v;
        try {
            v = new BigDecimal(text);
        } catch (NumberFormatException | ArithmeticException e) {
            pos = start;
            throw error("the number " + Excerpt.of(text) + " is out of range");
        }
        if (Double.isInfinite(v.doubleValue())) {
            pos = start;
            throw error("the number " + Excerpt.of(text) + " is beyond float64");
        }
        return new JsonPrimitive(v);
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
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private boolean peekIs(char c) {
        return pos < s.length() && s.charAt(pos) == c;
    }

    private void expect(char c) {
        if (!peekIs(c)) {
            throw error("expected '" + c + "'");
        }
        pos++;
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
        return new Malformed("invalid JSON at line " + line + ", column " + (at - lineStart + 1) + ": " + what);
    }
}
