package io.r1kit.data;

import java.util.List;
import java.util.Objects;

/**
 * One ScanQA question about a ScanNet scene.
 *
 * @param questionId  release id, e.g. {@code "train-scene0000-0"}
 * @param sceneId     ScanNet scan
 * @param question    the question text
 * @param answers     accepted answers; empty in the test split, whose files have no answers
 * @param objectIds   instance ids of the objects the question is about; empty when the file has none
 * @param objectNames their category names; empty when the file has none
 */
public record ScanQaEntry(String questionId, String sceneId, String question, List<String> answers,
                          List<Integer> objectIds, List<String> objectNames) implements SceneAnnotation {

    public ScanQaEntry {
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(sceneId, "sceneId");
        Objects.requireNonNull(question, "question");
        answers = List.copyOf(answers);
        objectIds = List.copyOf(objectIds);
        objectNames = List.copyOf(objectNames);
    }
}
