package io.r1kit.eval;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.r1kit.Excerpt;
import io.r1kit.data.DataFormatException;
import io.r1kit.scene.Box3;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads evaluation inputs: strict UTF-8 JSON whose top level maps an id to a value. Every problem is a
 * {@link DataFormatException} whose one-line message names the file and the id.
 */
public final class EvalFiles {

    private EvalFiles() {}

    /**
     * The COCO scorer's input: {@code {"id": ["text", ...], ...}}. A bare string value is read as a
     * one-element list.
     */
    public static Map<String, List<String>> readTexts(Path file) throws IOException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : readObject(file).entrySet()) {
            out.put(e.getKey(), strings(file, e.getKey(), e.getValue()));
        }
        return out;
    }

    /** The top-level JSON object of {@code file}, read as strict UTF-8. */
    public static JsonObject readObject(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (io.r1kit.Utf8.firstInvalid(bytes) >= 0) {
            throw new DataFormatException(file, "not UTF-8 text");
        }
        String text = io.r1kit.Utf8.decode(bytes);
        if (text.isBlank()) {
            throw new DataFormatException(file, "empty file");
        }
        // Read the top level by hand: a JSON object may repeat a name, and a repeated id would
        // silently replace the first one's value.
        JsonObject root = new JsonObject();
        try (JsonReader reader = new JsonReader(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text))) {
            reader.setStrictness(Strictness.STRICT);
            if (reader.peek() != JsonToken.BEGIN_OBJECT) {
                throw new DataFormatException(file, "expected a JSON object mapping ids to values");
            }
            reader.beginObject();
            while (reader.hasNext()) {
                String id = reader.nextName();
                if (root.has(id)) {
                    throw new DataFormatException(file, "id \"" + Excerpt.of(id) + "\" appears twice");
                }
                root.add(id, JsonParser.parseReader(reader));
            }
            reader.endObject();
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new DataFormatException(file, "bad JSON: more than one value");
            }
        } catch (IOException | JsonParseException | IllegalStateException e) {
            if (e instanceof DataFormatException d) {
                throw d;
            }
            throw new DataFormatException(file, "bad JSON: " + Excerpt.words(String.valueOf(e.getMessage()), 200));
        }
        if (root.size() == 0) {
            throw new DataFormatException(file, "no ids");
        }
        return root;
    }

    /** A list of strings (or one string) at {@code id}. */
    static List<String> strings(Path file, String id, JsonElement v) throws DataFormatException {
        List<String> out = new ArrayList<>();
        if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isString()) {
            out.add(v.getAsString());
            return out;
        }
        if (!v.isJsonArray()) {
            throw new DataFormatException(file, "id \"" + id + "\": expected a list of strings");
        }
        for (JsonElement x : v.getAsJsonArray()) {
            if (!x.isJsonPrimitive() || !x.getAsJsonPrimitive().isString()) {
                throw new DataFormatException(file, "id \"" + id + "\": expected a list of strings, found " + x);
            }
            out.add(x.getAsString());
        }
        return out;
    }

    /** A box {@code [cx, cy, cz, dx, dy, dz]} at {@code id}. */
    static Box3 box(Path file, String id, JsonElement v) throws DataFormatException {
        if (v == null || !v.isJsonArray() || v.getAsJsonArray().size() != 6) {
            throw new DataFormatException(file, "id \"" + id + "\": expected a box [cx, cy, cz, dx, dy, dz]");
        }
        JsonArray a = v.getAsJsonArray();
        float[] f = new float[6];
        try {
            for (int i = 0; i < 6; i++) {
                f[i] = a.get(i).getAsFloat();
            }
            return new Box3(f[0], f[1], f[2], f[3], f[4], f[5]);
        } catch (RuntimeException e) {
            throw new DataFormatException(file, "id \"" + id + "\": bad box " + a + ": " + e.getMessage());
        }
    }

    /** The field {@code name} of the object at {@code id}, which must exist. */
    static JsonElement field(Path file, String id, JsonElement v, String name) throws DataFormatException {
        if (!v.isJsonObject() || !v.getAsJsonObject().has(name)) {
            throw new DataFormatException(file, "id \"" + id + "\": missing field \"" + name + "\"");
        }
        return v.getAsJsonObject().get(name);
    }

    /** Checks that both files hold the same ids, naming the file that lacks some. */
    static void checkSameIds(Path pred, java.util.Set<String> predIds, Path gt, java.util.Set<String> gtIds)
            throws DataFormatException {
        try {
            CaptionCorpus.checkSameIds(predIds, gtIds);
        } catch (IllegalArgumentException e) {
            boolean missingPrediction = e.getMessage().contains("no prediction");
            throw new DataFormatException(missingPrediction ? pred : gt,
                    e.getMessage() + " (ids of " + pred.getFileName() + " and " + gt.getFileName() + " must match)");
        }
    }
}
