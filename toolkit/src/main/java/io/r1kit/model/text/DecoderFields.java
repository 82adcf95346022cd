package io.r1kit.model.text;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.r1kit.Excerpt;
import io.r1kit.JsonFields;

import java.util.Set;

/**
 * The field values of each decoder type of a {@code tokenizer.json}, checked before the native tokenizers library
 * reads them: it deserialises them into fixed Rust types (a {@code char}, an unsigned size, a boolean), and a
 * value of another type takes the JVM down there instead of giving an error. Fields that the library fills in
 * when absent may be absent; {@code Replace} and {@code Strip} need all of theirs.
 */
final class DecoderFields {

    private static final Set<String> PREPEND_SCHEMES = Set.of("always", "never", "first");

    private DecoderFields() {}

    /**
     * Checks the fields of decoder {@code o} of type {@code type}; {@code where} names it in messages.
     *
     * @throws IllegalArgumentException naming the field, its value and what it should be
     */
    static void check(JsonObject o, String type, String where) {
        switch (type) {
            case "BPEDecoder" -> string(o, "suffix", where, false);
            case "ByteLevel" -> booleans(o, where, "add_prefix_space", "trim_offsets", "use_regex");
            case "WordPiece" -> {
                string(o, "prefix", where, false);
                booleans(o, where, "cleanup");
            }
            case "Metaspace" -> {
                character(o, "replacement", where, false);
                booleans(o, where, "add_prefix_space", "split");
                String scheme = string(o, "prepend_scheme", where, false);
                if (scheme != null && !PREPEND_SCHEMES.contains(scheme)) {
                    throw new IllegalArgumentException(where + ".prepend_scheme is "
                            + JsonFields.show(o.get("prepend_scheme")) + ", expected always, never or first");
                }
            }
            case "CTC" -> {
                string(o, "pad_token", where, false);
                string(o, "word_delimiter_token", where, false);
                booleans(o, where, "cleanup");
            }
            case "Replace" -> {
                pattern(o.get("pattern"), where + ".pattern");
                string(o, "content", where, true);
            }
            case "Strip" -> {
                character(o, "content", where, true);
                for (String k : new String[] {"start", "stop"}) {
                    JsonFields.integer(o.get(k), where + "." + k, 0, Integer.MAX_VALUE);
                }
            }
            default -> { } // Fuse and ByteFallback have no fields; Sequence is checked as a list of decoders
        }
    }

    /** {@code {"String": "..."}} or {@code {"Regex": "..."}}. */
    private static void pattern(JsonElement e, String where) {
        JsonObject p = JsonFields.object(e, where);
        if (p.size() != 1 || !(p.has("String") || p.has("Regex"))) {
            throw new IllegalArgumentException(where + " has the keys " + Excerpt.of(p.keySet().toString())
                    + ", expected one: String or Regex");
        }
        String kind = p.has("String") ? "String" : "Regex";
        JsonFields.string(p.get(kind), where + "." + kind);
    }

    private static String string(JsonObject o, String key, String where, boolean required) {
        return required || JsonFields.has(o, key) ? JsonFields.string(o.get(key), where + "." + key) : null;
    }

    /** A string of exactly one character (a Rust {@code char}). */
    private static void character(JsonObject o, String key, String where, boolean required) {
        String s = string(o, key, where, required);
        if (s != null && s.codePointCount(0, s.length()) != 1) {
            throw new IllegalArgumentException(where + "." + key + " is " + JsonFields.show(o.get(key))
                    + ", expected one character");
        }
    }

    private static void booleans(JsonObject o, String where, String... keys) {
        for (String k : keys) {
            if (JsonFields.has(o, k)) {
                JsonElement e = o.get(k);
                if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
                    throw new IllegalArgumentException(where + "." + k + " is " + JsonFields.show(e)
                            + ", expected true or false");
                }
            }
        }
    }
}
