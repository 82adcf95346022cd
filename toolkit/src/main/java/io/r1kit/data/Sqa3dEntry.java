package io.r1kit.data;

import java.util.Objects;

/**
 * A SQA3D question joined with its annotation by question id.
 *
 * @param question   the question file's record
 * @param annotation the annotation file's record with the same id and scene
 */
public record Sqa3dEntry(Sqa3dQuestion question, Sqa3dAnnotation annotation) implements SceneAnnotation {

    public Sqa3dEntry {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(annotation, "annotation");
        if (question.questionId() != annotation.questionId() || !question.sceneId().equals(annotation.sceneId())) {
            throw new IllegalArgumentException("question " + question.questionId() + " in " + question.sceneId()
                    + " joined with annotation " + annotation.questionId() + " in " + annotation.sceneId());
        }
    }

    @Override
    public String sceneId() {
        return question.sceneId();
    }

    public long questionId() {
        return question.questionId();
    }

    /** The first answer's text, the one SQA3D's exact-match metric compares against. */
    public String answer() {
        return annotation.answers().get(0).answer();
    }
}
