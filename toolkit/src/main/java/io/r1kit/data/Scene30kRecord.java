package io.r1kit.data;

import java.util.Objects;

/**
 * One Scene-30K chain-of-thought record (3D-R1, Sec. 3.1): a question about a scene and the
 * reasoning that answers it, {@code cot} holding {@code <think>...</think><answer>...</answer>}.
 *
 * @param sceneId  ScanNet scan
 * @param question the question
 * @param cot      the reasoning and answer text
 */
public record Scene30kRecord(String sceneId, String question, String cot) implements SceneAnnotation {

    public Scene30kRecord {
        Objects.requireNonNull(sceneId, "sceneId");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(cot, "cot");
    }
}
