package io.r1kit.train;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * How training recipes ({@link SftConfig}, {@code GrpoConfig}) are read: a JSON object whose keys
 * override the defaults one by one, an unknown key refused with the list of known ones, and every
 * error naming the file.
 */
public final class RecipeJson {

    private RecipeJson() {}

    /**
     * The recipe of {@code json}: the defaults' JSON with the given keys replaced, read by {@code gson}
     * into {@code type} (whose constructor validates).
     *
     * @throws IllegalArgumentException naming an unknown key (and the known ones), a value of the wrong type,
     *                                  or the constructor's message for a value out of range
     */
    public static <T> T parse(String json, String defaultsJson, Gson gson, Class<T> type) {
        JsonObject merged = JsonParser.parseString(defaultsJson).getAsJsonObject();
        JsonElement parsed;
        try {
            parsed = JsonParser.parseString(json);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage());
        }
        if (!parsed.isJsonObject()) {
            throw new IllegalArgumentException("a recipe is a JSON object, got " + parsed);
        }
        for (var e : parsed.getAsJsonObject().entrySet()) {
            if (!merged.has(e.getKey())) {
                throw new IllegalArgumentException("unknown key \"" + e.getKey() + "\" (known: "
                        + String.join(", ", merged.keySet()) + ")");
            }
            merged.add(e.getKey(), e.getValue());
        }
        try {
            return gson.fromJson(merged, type);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof IllegalArgumentException) {
                    throw new IllegalArgumentException(t.getMessage(), e);
                }
            }
            throw new IllegalArgumentException("a value has the wrong type: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a recipe file with {@code fromJson}; a missing file says how to write the defaults
     * ({@code r1kit train VERB --print-default-config}), any other error is prefixed with the file.
     */
    public static <T> T read(Path file, String verb, Function<String, T> fromJson) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": not found (write the defaults with r1kit train " + verb
                    + " --print-default-config)");
        }
        try {
            return fromJson.apply(Files.readString(file));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }
}
