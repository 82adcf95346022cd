package io.r1kit.data;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import io.r1kit.JsonFields;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads and writes Scene-30K's {@code scene_caption.json}: {@code {scene_id: {"captions": [...]}}}.
 * The file is read as a stream so that a scene named twice is an error rather than silently
 * keeping the last entry (a JSON tree would merge the duplicates).
 *
 * <pre>{@code
 * List<SceneCaption> captions = SceneCaptions.read(Path.of("scene_caption.json"));
 * }</pre>
 */
public final class SceneCaptions {

    private SceneCaptions() {}

    /** All scenes of {@code file}, in file order. */
    public static List<SceneCaption> read(Path file) throws IOException {
        String text = TextFiles.read(file);
        JsonReader reader = Json.strictReader(text);
        List<SceneCaption> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try {
            if (reader.peek() != JsonToken.BEGIN_OBJECT) {
                throw new DataFormatException(file, "expected a JSON object {scene_id: {\"captions\": [...]}}, got "
                        + JsonFields.show(Json.readValue(reader)));
            }
            reader.beginObject();
            while (reader.hasNext()) {
                String sceneId = reader.nextName();
                String where = "scene \"" + sceneId + "\"";
                if (!seen.add(sceneId)) {
                    throw new DataFormatException(file, where + ": appears twice");
                }
                RecordFields entry = RecordFields.of(file, where, Json.readValue(reader));
                out.add(new SceneCaption(sceneId, entry.strings("captions")));
            }
            reader.endObject();
            reader.peek(); // a strict reader throws here on anything after the object
        } catch (DataFormatException e) {
            throw e;
        } catch (IOException | JsonParseException | IllegalStateException e) {
            throw Json.syntaxError(file, 0, e, text);
        }
        return List.copyOf(out);
    }

    /** Writes {@code captions} to {@code file} (replacing it), pretty-printed, scenes in list order. */
    public static void write(Path file, List<SceneCaption> captions) throws IOException {
        JsonObject root = new JsonObject();
        for (SceneCaption c : captions) {
            if (root.has(c.sceneId())) {
                throw new IllegalArgumentException("scene " + c.sceneId() + " given twice");
            }
            JsonArray list = new JsonArray();
            c.captions().forEach(list::add);
            JsonObject entry = new JsonObject();
            entry.add("captions", list);
            root.add(c.sceneId(), entry);
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create().toJson(root, w);
            w.write('\n');
        }
    }
}
