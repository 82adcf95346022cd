package io.r1kit.data;

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
        for (JsonFields r : JsonFields.records(file, Json.parseFile(file))) {
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
}
