package io.r1kit.data;

import java.util.List;
import java.util.Objects;

/**
 * One record of a 3D-LLM set (embodied dialogue, planning, question answering or scene
 * description): a prompt with speaker markers, its reference answers and the scene.
 *
 * @param question the prompt as released, e.g. {@code "### human: Describe the room. ### assistant:"}
 * @param answers  reference answers, at least one
 * @param sceneId  ScanNet scan
 */
public record ThreeDLlmEntry(String question, List<String> answers, String sceneId) implements SceneAnnotation {

    public ThreeDLlmEntry {
        Objects.requireNonNull(question, "question");
        answers = List.copyOf(answers);
        if (answers.isEmpty()) {
            throw new IllegalArgumentException("a 3D-LLM record needs at least one answer");
        }
        Objects.requireNonNull(sceneId, "sceneId");
    }

    /** The prompt split into turns, see {@link DialogueTurn#split}. */
    public List<DialogueTurn> turns() {
        return DialogueTurn.split(question);
    }
}
