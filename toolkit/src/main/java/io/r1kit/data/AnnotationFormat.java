package io.r1kit.data;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The annotation formats r1kit reads, and a guess of a file's format from its name or content.
 *
 * <pre>{@code
 * AnnotationFormat f = AnnotationFormat.detect(Path.of("ScanRefer_filtered_val.json")).orElseThrow();
 * List<? extends SceneAnnotation> records = f.read(Path.of("ScanRefer_filtered_val.json"));
 * }</pre>
 */
public enum AnnotationFormat {
    SCANREFER("scanrefer", "ScanRefer"),
    NR3D("nr3d", "Nr3D"),
    SCANQA("scanqa", "ScanQA"),
    SQA3D_QUESTIONS("sqa3d-questions", "SQA3D questions"),
    SQA3D_ANNOTATIONS("sqa3d-annotations", "SQA3D annotations"),
    THREE_D_LLM("3d-llm", "3D-LLM"),
    SCENE30K("scene30k", "Scene-30K"),
    SCENE_CAPTIONS("scene-captions", "Scene-30K scene captions");

    private final String id;
    private final String displayName;

    AnnotationFormat(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    /** Short lower-case name for JSON output, e.g. {@code "sqa3d-questions"}. */
    public String id() {
        return id;
    }

    /** Name for people, e.g. {@code "SQA3D questions"}. */
    public String displayName() {
        return displayName;
    }

    /** Reads {@code file} with this format's reader (SQA3D halves are read alone, not joined). */
    public List<? extends SceneAnnotation> read(Path file) throws IOException {
        return switch (this) {
            case SCANREFER -> ScanRefer.read(file);
            case NR3D -> Nr3d.read(file);
            case SCANQA -> ScanQa.read(file);
            case SQA3D_QUESTIONS -> Sqa3d.readQuestions(file);
            case SQA3D_ANNOTATIONS -> Sqa3d.readAnnotations(file);
            case THREE_D_LLM -> ThreeDLlm.read(file);
            case SCENE30K -> Scene30k.read(file);
            case SCENE_CAPTIONS -> SceneCaptions.read(file);
        };
    }

    /**
     * The format suggested by a file name as the releases spell it: {@code *.jsonl} (Scene-30K),
     * {@code *nr3d*.csv} / {@code *sr3d*.csv}, and for {@code *.json}: {@code *scanrefer*},
     * {@code *scanqa*}, {@code *sqa*question*} or {@code *balanced*question*} (SQA3D's
     * {@code v1_balanced_questions_*_scannetv2.json}), {@code *sqa*annotation*}, {@code *3d_llm*},
     * {@code *scene_caption*} (all ignoring case).
     */
    public static Optional<AnnotationFormat> fromFileName(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".jsonl")) {
            return Optional.of(SCENE30K);
        }
        if (n.endsWith(".csv")) {
            return n.contains("nr3d") || n.contains("sr3d") ? Optional.of(NR3D) : Optional.empty();
        }
        if (!n.endsWith(".json")) {
            return Optional.empty();
        }
        if (n.contains("scanrefer")) {
            return Optional.of(SCANREFER);
        }
        if (n.contains("scanqa")) {
            return Optional.of(SCANQA);
        }
        if ((n.contains("sqa") || n.contains("balanced")) && n.contains("question")) {
            return Optional.of(SQA3D_QUESTIONS);
        }
        if (n.contains("sqa") && n.contains("annotation")) {
            return Optional.of(SQA3D_ANNOTATIONS);
        }
        if (n.contains("3d_llm")) {
            return Optional.of(THREE_D_LLM);
        }
        if (n.contains("scene_caption")) {
            return Optional.of(SCENE_CAPTIONS);
        }
        return Optional.empty();
    }

    /**
     * The file's format: from its name when that is telling, else from its content (the keys of
     * the first record, the top-level keys, or a csv header). Empty when neither tells.
     *
     * @throws DataFormatException if the file is empty or not UTF-8
     */
    public static Optional<AnnotationFormat> detect(Path file) throws IOException {
        Optional<AnnotationFormat> byName = fromFileName(file.getFileName().toString());
        if (byName.isPresent()) {
            return byName;
        }
        return fromContent(TextFiles.read(file));
    }

    /** The format suggested by a file's text; empty when it matches none. */
    static Optional<AnnotationFormat> fromContent(String text) {
        String firstLine = text.strip().lines().findFirst().orElse("");
        if (firstLine.contains("stimulus_id") && firstLine.contains("utterance") && !firstLine.startsWith("[")
                && !firstLine.startsWith("{")) {
            return Optional.of(NR3D);
        }
        try {
            // A jsonl file is one object per line: judge it by its first line alone.
            JsonReader reader = Json.strictReader(firstLine.startsWith("{") && firstLine.endsWith("}") ? firstLine : text);
            JsonToken top = reader.peek();
            if (top == JsonToken.BEGIN_ARRAY) {
                reader.beginArray();
                return reader.hasNext() ? fromRecordKeys(Json.readValue(reader)) : Optional.empty();
            }
            if (top != JsonToken.BEGIN_OBJECT) {
                return Optional.empty();
            }
            reader.beginObject();
            while (reader.hasNext()) {
                String name = reader.nextName();
                JsonElement value = Json.readValue(reader);
                if (name.equals("questions")) {
                    return Optional.of(SQA3D_QUESTIONS);
                }
                if (name.equals("annotations")) {
                    return Optional.of(SQA3D_ANNOTATIONS);
                }
                if (name.equals("cot") || name.equals("scene_id")) {
                    return Optional.of(SCENE30K);
                }
                if (value.isJsonObject() && value.getAsJsonObject().has("captions")) {
                    return Optional.of(SCENE_CAPTIONS);
                }
            }
            return Optional.empty();
        } catch (IOException | JsonParseException | IllegalStateException unreadable) {
            // Detection only guesses; reading the file with a chosen format reports the syntax error.
            return Optional.empty();
        }
    }

    private static Optional<AnnotationFormat> fromRecordKeys(JsonElement first) {
        if (!first.isJsonObject()) {
            return Optional.empty();
        }
        JsonObject o = first.getAsJsonObject();
        if (o.has("object_id") && o.has("description")) {
            return Optional.of(SCANREFER);
        }
        if (o.has("question_id") && o.has("question")) {
            return Optional.of(SCANQA);
        }
        if (o.has("question") && o.has("answers") && o.has("scene_id")) {
            return Optional.of(THREE_D_LLM);
        }
        return Optional.empty();
    }
}
