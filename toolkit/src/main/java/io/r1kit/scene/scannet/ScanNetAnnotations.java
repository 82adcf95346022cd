package io.r1kit.scene.scannet;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.r1kit.scene.SceneFormatException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the two JSON annotation files of a raw ScanNet scan. */
final class ScanNetAnnotations {

    /** One annotated object: its id, raw label and the over-segmentation segments it covers. */
    record SegGroup(int objectId, String label, int[] segments) {}

    private ScanNetAnnotations() {}

    /** {@code {"segIndices": [segment id of vertex 0, ...]}}. */
    static int[] segIndices(Path file) throws IOException {
        JsonArray a = array(root(file), "segIndices", file);
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = integer(a.get(i), file, "segIndices[" + i + "]");
        }
        return out;
    }

    /** {@code {"segGroups": [{"objectId": 0, "label": "chair", "segments": [...]}, ...]}}. */
    static List<SegGroup> segGroups(Path file) throws IOException {
        JsonArray a = array(root(file), "segGroups", file);
        List<SegGroup> out = new ArrayList<>();
        for (int g = 0; g < a.size(); g++) {
            String at = "segGroups[" + g + "]";
            if (!a.get(g).isJsonObject()) {
                throw new SceneFormatException(file, at + " is not an object");
            }
            JsonObject o = a.get(g).getAsJsonObject();
            JsonElement id = o.has("objectId") ? o.get("objectId") : o.get("id");
            if (id == null) {
                throw new SceneFormatException(file, at + " has no objectId");
            }
            int objectId = integer(id, file, at + ".objectId");
            if (objectId < 0) {
                throw new SceneFormatException(file, at + ".objectId is negative: " + objectId);
            }
            JsonElement label = o.get("label");
            if (label == null || !label.isJsonPrimitive()) {
                throw new SceneFormatException(file, at + " has no label");
            }
            JsonArray segs = array(o, "segments", file, at);
            int[] s = new int[segs.size()];
            for (int k = 0; k < s.length; k++) {
                s[k] = integer(segs.get(k), file, at + ".segments[" + k + "]");
            }
            out.add(new SegGroup(objectId, label.getAsString(), s));
        }
        return out;
    }

    private static JsonObject root(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            JsonElement e = JsonParser.parseReader(r);
            if (!e.isJsonObject()) {
                throw new SceneFormatException(file, "expected a JSON object at the top level");
            }
            return e.getAsJsonObject();
        } catch (JsonParseException e) {
            String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            throw new SceneFormatException(file, "not valid JSON: " + firstLine(why), e);
        }
    }

    private static JsonArray array(JsonObject o, String key, Path file) throws SceneFormatException {
        return array(o, key, file, null);
    }

    private static JsonArray array(JsonObject o, String key, Path file, String at) throws SceneFormatException {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonArray()) {
            throw new SceneFormatException(file, (at == null ? "" : at + " ") + "has no " + key + " array");
        }
        return e.getAsJsonArray();
    }

    private static int integer(JsonElement e, Path file, String at) throws SceneFormatException {
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            double d = e.getAsDouble();
            if (d == Math.rint(d) && d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE) {
                return (int) d;
            }
        }
        throw new SceneFormatException(file, at + " is not an integer: " + e);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "parse error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
