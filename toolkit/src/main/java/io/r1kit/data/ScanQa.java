package io.r1kit.data;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads ScanQA files ({@code ScanQA_v1.0_{train,val,test_w_obj,test_wo_obj}.json}): a JSON list of
 * {@code {question_id, scene_id, question, answers, object_ids, object_names}}. The test splits
 * leave out {@code answers} (and {@code test_wo_obj} also the object fields); those come back as
 * empty lists. A field that is present must have the right type.
 *
 * <pre>{@code
 * List<ScanQaEntry> val = ScanQa.read(Path.of("ScanQA_v1.0_val.json"));
 * }</pre>
 */
public final class ScanQa {

    private ScanQa() {}

    /** All questions of {@code file}, in file order. */
    public static List<ScanQaEntry> read(Path file) throws IOException {
        List<ScanQaEntry> out = new ArrayList<>();
        for (RecordFields r : RecordFields.records(file, Json.parseFile(file))) {
            out.add(new ScanQaEntry(
                    r.string("question_id"),
                    r.string("scene_id"),
                    r.string("question"),
                    r.optionalStrings("answers").orElse(List.of()),
                    r.has("object_ids") ? r.integers("object_ids") : List.of(),
                    r.optionalStrings("object_names").orElse(List.of())));
        }
        return List.copyOf(out);
    }

    /** Writes {@code entries} in the release's layout; {@link #read} reads it back. */
    public static void write(Path file, List<ScanQaEntry> entries) throws IOException {
        JsonArray list = new JsonArray();
        for (ScanQaEntry e : entries) {
            JsonObject o = new JsonObject();
            o.addProperty("question_id", e.questionId());
            o.addProperty("scene_id", e.sceneId());
            o.addProperty("question", e.question());
            o.add("answers", JsonWriter.strings(e.answers()));
            JsonArray ids = new JsonArray();
            e.objectIds().forEach(ids::add);
            o.add("object_ids", ids);
            o.add("object_names", JsonWriter.strings(e.objectNames()));
            list.add(o);
        }
        JsonWriter.write(file, list);
    }
}
