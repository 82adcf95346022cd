package io.r1kit.data;

import io.r1kit.JsonFields;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads SQA3D: a questions file {@code {"questions": [...]}} and an annotations file
 * {@code {"annotations": [...]}}, joined by {@code question_id}.
 *
 * <p>The join is strict: every question needs exactly one annotation with the same id and scene,
 * and every annotation a question; anything else is a {@link DataFormatException} naming the
 * record, because a partial join would silently shrink an evaluation set.
 *
 * <pre>{@code
 * List<Sqa3dEntry> test = Sqa3d.read(Path.of("sqa3d_questions_test.json"),
 *                                    Path.of("sqa3d_annotations_test.json"));
 * }</pre>
 */
public final class Sqa3d {

    private Sqa3d() {}

    /** Questions joined with their annotations, in question-file order. */
    public static List<Sqa3dEntry> read(Path questionsFile, Path annotationsFile) throws IOException {
        List<Sqa3dQuestion> questions = readQuestions(questionsFile);
        Map<Long, Sqa3dAnnotation> byId = new HashMap<>();
        Map<Long, Integer> recordOf = new HashMap<>();
        List<Sqa3dAnnotation> annotations = readAnnotations(annotationsFile);
        for (int i = 0; i < annotations.size(); i++) {
            Sqa3dAnnotation a = annotations.get(i);
            Integer earlier = recordOf.putIfAbsent(a.questionId(), i);
            if (earlier != null) {
                throw DataFormatException.atRecord(annotationsFile, i,
                        "second annotation for question " + a.questionId() + " (first in record " + earlier + ")");
            }
            byId.put(a.questionId(), a);
        }
        List<Sqa3dEntry> out = new ArrayList<>(questions.size());
        Map<Long, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < questions.size(); i++) {
            Sqa3dQuestion q = questions.get(i);
            Integer earlier = seen.putIfAbsent(q.questionId(), i);
            if (earlier != null) {
                throw DataFormatException.atRecord(questionsFile, i,
                        "question id " + q.questionId() + " repeats record " + earlier);
            }
            Sqa3dAnnotation a = byId.get(q.questionId());
            if (a == null) {
                throw DataFormatException.atRecord(questionsFile, i, "question " + q.questionId()
                        + " has no annotation in " + annotationsFile.getFileName());
            }
            if (!a.sceneId().equals(q.sceneId())) {
                throw DataFormatException.atRecord(questionsFile, i, "question " + q.questionId() + " is in "
                        + q.sceneId() + " but its annotation says " + a.sceneId());
            }
            out.add(new Sqa3dEntry(q, a));
        }
        for (int i = 0; i < annotations.size(); i++) {
            if (!seen.containsKey(annotations.get(i).questionId())) {
                throw DataFormatException.atRecord(annotationsFile, i, "annotation for question "
                        + annotations.get(i).questionId() + " matches no question in " + questionsFile.getFileName());
            }
        }
        return List.copyOf(out);
    }

    /** The questions alone (e.g. to run a model before answers are known). */
    public static List<Sqa3dQuestion> readQuestions(Path file) throws IOException {
        List<Sqa3dQuestion> out = new ArrayList<>();
        for (RecordFields r : listField(file, "questions")) {
            out.add(new Sqa3dQuestion(
                    r.longInteger("question_id"),
                    r.string("scene_id"),
                    r.string("situation"),
                    r.strings("alternative_situation"),
                    r.string("question")));
        }
        return List.copyOf(out);
    }

    /** The annotations alone, in file order. */
    public static List<Sqa3dAnnotation> readAnnotations(Path file) throws IOException {
        List<Sqa3dAnnotation> out = new ArrayList<>();
        for (RecordFields r : listField(file, "annotations")) {
            List<Sqa3dAnnotation.Answer> answers = new ArrayList<>();
            for (RecordFields a : r.objects("answers")) {
                answers.add(new Sqa3dAnnotation.Answer(
                        a.string("answer"), a.string("answer_confidence"), a.integer("answer_id")));
            }
            if (answers.isEmpty()) {
                throw r.error("field \"answers\" is empty");
            }
            RecordFields p = r.object("position");
            RecordFields q = r.object("rotation");
            out.add(new Sqa3dAnnotation(
                    r.longInteger("question_id"),
                    r.string("scene_id"),
                    answers,
                    new Sqa3dAnnotation.Position(p.number("x"), p.number("y"), p.number("z")),
                    new Sqa3dAnnotation.Rotation(q.number("_x"), q.number("_y"), q.number("_z"), q.number("_w")),
                    r.string("question_type"),
                    r.string("answer_type")));
        }
        return List.copyOf(out);
    }

    private static List<RecordFields> listField(Path file, String name) throws IOException {
        var root = Json.parseFile(file);
        if (!root.isJsonObject()) {
            throw new DataFormatException(file, "expected a JSON object with \"" + name + "\", got "
                    + JsonFields.show(root));
        }
        var list = root.getAsJsonObject().get(name);
        if (list == null) {
            throw new DataFormatException(file, "missing top-level field \"" + name + "\"");
        }
        if (!list.isJsonArray()) {
            throw new DataFormatException(file, "top-level field \"" + name + "\" should be a list, got "
                    + JsonFields.show(list));
        }
        return RecordFields.list(file, list.getAsJsonArray(), "record ");
    }
}
