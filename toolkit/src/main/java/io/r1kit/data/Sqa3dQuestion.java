package io.r1kit.data;

import java.util.List;
import java.util.Objects;

/**
 * One SQA3D question: where the agent is (the situation text) and what it asks.
 *
 * @param questionId            release id, shared with the annotation that answers it
 * @param sceneId               ScanNet scan
 * @param situation             the agent's situation, e.g. "I am sitting on the toilet ..."
 * @param alternativeSituations other wordings of the same situation (zero to two in the release)
 * @param question              the question text
 */
public record Sqa3dQuestion(long questionId, String sceneId, String situation,
                            List<String> alternativeSituations, String question) implements SceneAnnotation {

    public Sqa3dQuestion {
        Objects.requireNonNull(sceneId, "sceneId");
        Objects.requireNonNull(situation, "situation");
        Objects.requireNonNull(question, "question");
        alternativeSituations = List.copyOf(alternativeSituations);
    }
}
