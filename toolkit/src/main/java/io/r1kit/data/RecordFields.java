package io.r1kit.data;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.r1kit.JsonFields;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One JSON object of an annotation file together with where it is: typed access to its fields, where every
 * failure is a {@link DataFormatException} that names the file, the place ({@code "record 3"}) and the field
 * path ({@code "answers[0].answer"}). The typed, bounded keys of the toolkit's own files are {@link JsonFields}.
 */
final class RecordFields {

    private final Path file;
    private final String where;
    private final String prefix;
    private final JsonObject object;

    private RecordFields(Path file, String where, String prefix, JsonObject object) {
        this.file = file;
        this.where = where;
        this.prefix = prefix;
        this.object = object;
    }

    /** Wraps {@code element}, which must be an object; {@code where} is e.g. {@code "record 3"}. */
    static RecordFields of(Path file, String where, JsonElement element) throws DataFormatException {
        if (element == null || !element.isJsonObject()) {
            throw new DataFormatException(file, where + ": expected a JSON object, got " + JsonFields.show(element));
        }
        return new RecordFields(file, where, "", element.getAsJsonObject());
    }

    /** Wraps each element of a top-level JSON list as {@code record i}. */
    static List<RecordFields> records(Path file, JsonElement root) throws DataFormatException {
        if (!root.isJsonArray()) {
            throw new DataFormatException(file, "expected a JSON list of records, got " + JsonFields.show(root));
        }
        return list(file, root.getAsJsonArray(), "record ");
    }

    static List<RecordFields> list(Path file, JsonArray array, String label) throws DataFormatException {
        List<RecordFields> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            out.add(of(file, label + i, array.get(i)));
        }
        return out;
    }

    boolean has(String name) {
        return object.has(name);
    }

    String string(String name) throws DataFormatException {
        JsonElement e = required(name);
        if (!isString(e)) {
            throw wrongType(name, "a string", e);
        }
        return e.getAsString();
    }

    /** A JSON integer, or a string holding one (ScanRefer stores ids as {@code "12"}). */
    int integer(String name) throws DataFormatException {
        long value = longInteger(name);
        if (value != (int) value) {
            throw error("field \"" + prefix + name + "\" is out of int range: " + value);
        }
        return (int) value;
    }

    long longInteger(String name) throws DataFormatException {
        JsonElement e = required(name);
        Long value = asLong(e);
        if (value == null) {
            throw wrongType(name, "an integer", e);
        }
        return value;
    }

    double number(String name) throws DataFormatException {
        JsonElement e = required(name);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw wrongType(name, "a number", e);
        }
        return e.getAsDouble();
    }

    List<String> strings(String name) throws DataFormatException {
        List<String> out = new ArrayList<>();
        for (JsonElement e : array(name, "a list of strings")) {
            if (!isString(e)) {
                throw wrongType(name, "a list of strings", e);
            }
            out.add(e.getAsString());
        }
        return out;
    }

    /** The strings of {@code name}, or empty when the field is absent. */
    Optional<List<String>> optionalStrings(String name) throws DataFormatException {
        return has(name) ? Optional.of(strings(name)) : Optional.empty();
    }

    List<Integer> integers(String name) throws DataFormatException {
        List<Integer> out = new ArrayList<>();
        for (JsonElement e : array(name, "a list of integers")) {
            Long value = asLong(e);
            if (value == null || value != value.intValue()) {
                throw wrongType(name, "a list of integers", e);
            }
            out.add(value.intValue());
        }
        return out;
    }

    RecordFields object(String name) throws DataFormatException {
        JsonElement e = required(name);
        if (!e.isJsonObject()) {
            throw wrongType(name, "an object", e);
        }
        return new RecordFields(file, where, prefix + name + ".", e.getAsJsonObject());
    }

    List<RecordFields> objects(String name) throws DataFormatException {
        JsonArray array = array(name, "a list of objects");
        List<RecordFields> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonElement e = array.get(i);
            if (!e.isJsonObject()) {
                throw wrongType(name, "a list of objects", e);
            }
            out.add(new RecordFields(file, where, prefix + name + "[" + i + "].", e.getAsJsonObject()));
        }
        return out;
    }

    /** An error at this object's place, e.g. {@code "record 3: <problem>"}. */
    DataFormatException error(String problem) {
        return new DataFormatException(file, where + ": " + problem);
    }

    private JsonArray array(String name, String expected) throws DataFormatException {
        JsonElement e = required(name);
        if (!e.isJsonArray()) {
            throw wrongType(name, expected, e);
        }
        return e.getAsJsonArray();
    }

    private JsonElement required(String name) throws DataFormatException {
        JsonElement e = object.get(name);
        if (e == null) {
            throw error("missing field \"" + prefix + name + "\"");
        }
        return e;
    }

    private DataFormatException wrongType(String name, String expected, JsonElement got) {
        return error("field \"" + prefix + name + "\" should be " + expected + ", got " + JsonFields.show(got));
    }

    private static boolean isString(JsonElement e) {
        return e.isJsonPrimitive() && e.getAsJsonPrimitive().isString();
    }

    private static Long asLong(JsonElement e) {
        if (!e.isJsonPrimitive()) {
            return null;
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        if (!p.isNumber() && !p.isString()) {
            return null;
        }
        try {
            return new BigDecimal(p.getAsString().trim()).longValueExact();
        } catch (NumberFormatException | ArithmeticException notAnInteger) {
            return null;
        }
    }
}
