package io.r1kit;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What made a checkpoint or a run, kept beside it as {@value #FILE}: the toolkit version first, then
 * what each writer adds (a checkpoint its architecture, dtype and size; a training run its recipe, data
 * hashes, results and machine). Immutable: {@link #with} returns a new record, so a run extends the
 * record its checkpoint writer started without touching it.
 *
 * <pre>{@code
 * Provenance.of("architecture", "qwen2").with("parameters", 3_400_000).write(dir);
 * Provenance p = Provenance.read(dir).with("steps", 2500).with("recipe", recipeJson);
 * p.get("toolkit");   // "0.1.0-SNAPSHOT"
 * }</pre>
 */
public final class Provenance {

    /** The file a checkpoint's or a run's provenance is written to. */
    public static final String FILE = "r1kit.json";

    private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
            .create();

    private final JsonObject entries;

    private Provenance(JsonObject entries) {
        this.entries = entries;
    }

    /** A record holding the toolkit version, then {@code key}: {@code value}. */
    public static Provenance of(String key, Object value) {
        JsonObject o = new JsonObject();
        o.addProperty("toolkit", Version.get());
        return new Provenance(o).with(key, value);
    }

    /**
     * The record in {@code dir}'s {@value #FILE}.
     *
     * @throws BadFileException naming the file when it is missing or not a JSON object
     */
    public static Provenance read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new BadFileException(file, "not found (every checkpoint and run writes one)");
        }
        try {
            JsonElement e = JsonParser.parseString(Files.readString(file));
            if (!e.isJsonObject()) {
                throw new BadFileException(file, "not a JSON object");
            }
            return new Provenance(e.getAsJsonObject());
        } catch (JsonParseException e) {
            throw new BadFileException(file, "not JSON: " + e.getMessage());
        }
    }

    /** Whether {@code dir} holds a {@value #FILE}. */
    public static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(FILE));
    }

    /**
     * This record with {@code key} set to {@code value} (replaced when present, else appended): a string,
     * number, boolean, enum (by name), JSON element or another {@code Provenance} (nested).
     *
     * @throws IllegalArgumentException for a value of another type
     */
    public Provenance with(String key, Object value) {
        Objects.requireNonNull(key, "key");
        JsonObject copy = entries.deepCopy();
        copy.add(key, element(value));
        return new Provenance(copy);
    }

    /** This record with every entry of {@code more} set, in its order. */
    public Provenance withAll(JsonObject more) {
        JsonObject copy = entries.deepCopy();
        more.entrySet().forEach(e -> copy.add(e.getKey(), e.getValue().deepCopy()));
        return new Provenance(copy);
    }

    /** The value of {@code key}, or null. */
    public JsonElement get(String key) {
        JsonElement e = entries.get(key);
        return e == null ? null : e.deepCopy();
    }

    /** A copy of the whole record. */
    public JsonObject toJson() {
        return entries.deepCopy();
    }

    /** Writes {@value #FILE} into {@code dir} (created when missing); returns the file. */
    public Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        Files.writeString(file, toString());
        return file;
    }

    /** The record as pretty-printed JSON (NaN and infinities written as such). */
    @Override
    public String toString() {
        return PRETTY.toJson(entries);
    }

    private static JsonElement element(Object value) {
        if (value instanceof JsonElement e) {
            return e.deepCopy();
        } else if (value instanceof Provenance p) {
            return p.toJson();
        } else if (value instanceof String s) {
            return new JsonPrimitive(s);
        } else if (value instanceof Number n) {
            return new JsonPrimitive(n);
        } else if (value instanceof Boolean b) {
            return new JsonPrimitive(b);
        } else if (value instanceof Enum<?> e) {
            return new JsonPrimitive(e.name());
        }
        throw new IllegalArgumentException("provenance holds strings, numbers, booleans, enums and JSON, not "
                + (value == null ? "null" : value.getClass().getSimpleName()));
    }
}
