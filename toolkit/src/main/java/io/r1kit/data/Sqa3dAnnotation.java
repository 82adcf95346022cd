package io.r1kit.data;

import java.util.List;
import java.util.Objects;

/**
 * The answer side of one SQA3D question: answers and the agent's pose in the scan.
 *
 * @param questionId   id of the question answered
 * @param sceneId      ScanNet scan
 * @param answers      the answers, at least one (exactly one per question in the release)
 * @param position     the agent's position in scan coordinates (metres)
 * @param rotation     the agent's orientation as a unit quaternion
 * @param questionType release field {@code question_type} (e.g. {@code "N/A"})
 * @param answerType   release field {@code answer_type} (e.g. {@code "other"})
 */
public record Sqa3dAnnotation(long questionId, String sceneId, List<Answer> answers, Position position,
                              Rotation rotation, String questionType, String answerType)
        implements SceneAnnotation {

    public Sqa3dAnnotation {
        Objects.requireNonNull(sceneId, "sceneId");
        answers = List.copyOf(answers);
        if (answers.isEmpty()) {
            throw new IllegalArgumentException("question " + questionId + " has no answer");
        }
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(rotation, "rotation");
        Objects.requireNonNull(questionType, "questionType");
        Objects.requireNonNull(answerType, "answerType");
    }

    /** One answer: text, annotator confidence ({@code "yes"}, {@code "maybe"}, ...) and id. */
    public record Answer(String answer, String confidence, int answerId) {
        public Answer {
            Objects.requireNonNull(answer, "answer");
            Objects.requireNonNull(confidence, "confidence");
        }
    }

    /** Agent position (release fields {@code x, y, z}). */
    public record Position(double x, double y, double z) {}

    /** Agent orientation quaternion (release fields {@code _x, _y, _z, _w}). */
    public record Rotation(double x, double y, double z, double w) {}
}
