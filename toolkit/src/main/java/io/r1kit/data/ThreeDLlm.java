package io.r1kit.data;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the 3D-LLM sets as used by LL3DA and 3D-R1 ({@code 3d_llm_embodied_dialogue_filtered_*.json},
 * {@code 3d_llm_embodied_planning_filtered_*.json}, {@code 3d_llm_embodied_question_answer_*.json},
 * {@code 3d_llm_scene_description_*.json}): a JSON list of {@code {question, answers, scene_id}}.
 *
 * <p>Each prompt is checked with {@link DialogueTurn#split} while reading, so a record whose
 * turns cannot be split fails here, naming its record, rather than later in a training loop.
 *
 * <pre>{@code
 * ThreeDLlmEntry first = ThreeDLlm.read(Path.of("3d_llm_dialogue_filtered_val.json")).get(0);
 * first.turns();   // [DialogueTurn[speaker=HUMAN, text=Wow, this room ...]]
 * }</pre>
 */
public final class ThreeDLlm {

    private ThreeDLlm() {}

    /** All records of {@code file}, in file order. */
    public static List<ThreeDLlmEntry> read(Path file) throws IOException {
        List<ThreeDLlmEntry> out = new ArrayList<>();
        for (RecordFields r : RecordFields.records(file, Json.parseFile(file))) {
            String question = r.string("question");
            try {
                DialogueTurn.split(question);
            } catch (IllegalArgumentException e) {
                throw r.error("field \"question\": " + e.getMessage());
            }
            List<String> answers = r.strings("answers");
            if (answers.isEmpty()) {
                throw r.error("field \"answers\" is empty");
            }
            out.add(new ThreeDLlmEntry(question, answers, r.string("scene_id")));
        }
        return List.copyOf(out);
    }

    /** Writes {@code entries} as {@code [{question, answers, scene_id}]}; {@link #read} reads it back. */
    public static void write(Path file, List<ThreeDLlmEntry> entries) throws IOException {
        JsonArray list = new JsonArray();
        for (ThreeDLlmEntry e : entries) {
            JsonObject o = new JsonObject();
            o.addProperty("question", e.question());
            o.add("answers", JsonWriter.strings(e.answers()));
            o.addProperty("scene_id", e.sceneId());
            list.add(o);
        }
        JsonWriter.write(file, list);
    }
}
