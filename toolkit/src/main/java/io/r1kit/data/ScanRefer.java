package io.r1kit.data;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads ScanRefer files ({@code ScanRefer_filtered_{train,val}.json}): a JSON list of
 * {@code {scene_id, object_id, object_name, ann_id, description, token}}. The release stores
 * {@code object_id} and {@code ann_id} as strings of integers ({@code "12"}); plain JSON integers
 * are accepted too.
 *
 * <pre>{@code
 * List<ScanReferEntry> val = ScanRefer.read(Path.of("ScanRefer_filtered_val.json"));
 * }</pre>
 */
public final class ScanRefer {

    private ScanRefer() {}

    /** All entries of {@code file}, in file order. */
    public static List<ScanReferEntry> read(Path file) throws IOException {
        List<ScanReferEntry> out = new ArrayList<>();
        for (RecordFields r : RecordFields.records(file, Json.parseFile(file))) {
            out.add(new ScanReferEntry(
                    r.string("scene_id"),
                    r.integer("object_id"),
                    r.string("object_name"),
                    r.integer("ann_id"),
                    r.string("description"),
                    r.strings("token")));
        }
        return List.copyOf(out);
    }

    /** Writes {@code entries} as the release does ({@code object_id} and {@code ann_id} as strings); {@link #read} reads it back. */
    public static void write(Path file, List<ScanReferEntry> entries) throws IOException {
        JsonArray list = new JsonArray();
        for (ScanReferEntry e : entries) {
            JsonObject o = new JsonObject();
            o.addProperty("scene_id", e.sceneId());
            o.addProperty("object_id", Integer.toString(e.objectId()));
            o.addProperty("object_name", e.objectName());
            o.addProperty("ann_id", Integer.toString(e.annId()));
            o.addProperty("description", e.description());
            o.add("token", JsonWriter.strings(e.tokens()));
            list.add(o);
        }
        JsonWriter.write(file, list);
    }
}
