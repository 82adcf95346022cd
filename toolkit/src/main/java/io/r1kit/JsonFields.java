package io.r1kit;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Typed, bounded reads of the keys of a JSON object read from a file: each says which key is wrong, what it
 * holds (a short {@link Excerpt}) and what it should hold, as one line, instead of a Gson cast error or a
 * number silently cut to an int. Absent and {@code null} keys take the given fallback.
 *
 * <pre>{@code
 * int p = JsonFields.integer(o, "points_per_object", 1, 65_536, 64);
 * // IllegalArgumentException "points_per_object is 1e12, expected a whole number from 1 to 65536"
 * }</pre>
 */
public final class JsonFields {

    private JsonFields() {}

    /** {@code e} as an object; {@code what} names it in the message. */
    public static JsonObject object(JsonElement e, String what) {
        if (e == null || !e.isJsonObject()) {
            throw new IllegalArgumentException(what + " is " + show(e) + ", expected a JSON object");
        }
        return e.getAsJsonObject();
    }

    /** Whether {@code key} is present and not {@code null}. */
    public static boolean has(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull();
    }

    /** A whole number from {@code min} to {@code max}. */
    public static int integer(JsonObject o, String key, int min, int max, int fallback) {
        return has(o, key) ? integer(o.get(key), key, min, max) : fallback;
    }

    /** A whole number from {@code min} to {@code max}; {@code what} names it. */
    public static int integer(JsonElement e, String what, int min, int max) {
        return (int) wholeNumber(e, what, min, max);
    }

    /** A whole number from {@code min} to {@code max}, as a long. */
    public static long wholeNumber(JsonObject o, String key, long min, long max, long fallback) {
        return has(o, key) ? wholeNumber(o.get(key), key, min, max) : fallback;
    }

    /** A whole number from {@code min} to {@code max}, as a long; {@code what} names it. */
    public static long wholeNumber(JsonElement e, String what, long min, long max) {
        BigDecimal v = decimal(e);
        if (v == null || v.stripTrailingZeros().scale() > 0 || v.compareTo(BigDecimal.valueOf(min)) < 0
                || v.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new IllegalArgumentException(what + " is " + show(e) + ", expected a whole number from " + min
                    + " to " + max);
        }
        return v.longValueExact();
    }

    /** A finite number from {@code min} to {@code max}. */
    public static double number(JsonObject o, String key, double min, double max, double fallback) {
        if (!has(o, key)) {
            return fallback;
        }
        BigDecimal v = decimal(o.get(key));
        double d = v == null ? Double.NaN : v.doubleValue();
        if (!(d >= min && d <= max)) {
            throw new IllegalArgumentException(key + " is " + show(o.get(key)) + ", expected a number from " + min
                    + " to " + max);
        }
        return d;
    }

    /** {@code true} or {@code false}. */
    public static boolean bool(JsonObject o, String key, boolean fallback) {
        if (!has(o, key)) {
            return fallback;
        }
        JsonElement e = o.get(key);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw new IllegalArgumentException(key + " is " + show(e) + ", expected true or false");
        }
        return e.getAsBoolean();
    }

    /** A string. */
    public static String string(JsonObject o, String key, String fallback) {
        return has(o, key) ? string(o.get(key), key) : fallback;
    }

    /** A string; {@code what} names it. */
    public static String string(JsonElement e, String what) {
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException(what + " is " + show(e) + ", expected a string");
        }
        return e.getAsString();
    }

    /** An array of at most {@code maxLength} whole numbers, each from {@code min} to {@code max}. */
    public static int[] integers(JsonObject o, String key, int min, int max, int maxLength) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonArray()) {
            throw new IllegalArgumentException(key + " is " + show(e) + ", expected an array of whole numbers");
        }
        JsonArray a = e.getAsJsonArray();
        if (a.size() > maxLength) {
            throw new IllegalArgumentException(key + " has " + a.size() + " entries, at most " + maxLength + " expected");
        }
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = integer(a.get(i), key + "[" + i + "]", min, max);
        }
        return out;
    }

    /** The keys and values of {@code o}, every value a string; {@code what} names the object. */
    public static Map<String, String> strings(JsonObject o, String what) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            out.put(e.getKey(), string(e.getValue(), what + "." + Excerpt.of(e.getKey(), 40)));
        }
        return out;
    }

    /** A value as messages quote it: short, one line, printable. */
    public static String show(JsonElement e) {
        if (e == null) {
            return "missing";
        }
        if (e.isJsonObject()) {
            return "an object";
        }
        if (e.isJsonArray()) {
            return "an array";
        }
        return e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() ? "\"" + Excerpt.of(e.getAsString()) + "\""
                : Excerpt.of(e.toString());
    }

    private static BigDecimal decimal(JsonElement e) {
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            return null;
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        try {
            return p.getAsBigDecimal();
        } catch (NumberFormatException ex) {
            return null;
        }
    }
}
