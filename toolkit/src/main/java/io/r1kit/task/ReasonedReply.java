package io.r1kit.task;

import java.util.Objects;

/**
 * A reply in the reasoning format: what the model thought and what it answered.
 *
 * @param think  the text between {@code <think>} and {@code </think>}, trimmed, not empty
 * @param answer the text between {@code <answer>} and {@code </answer>}, trimmed, not empty
 */
public record ReasonedReply(String think, String answer) {

    public ReasonedReply {
        Objects.requireNonNull(think, "think");
        Objects.requireNonNull(answer, "answer");
        if (think.isBlank() || answer.isBlank()) {
            throw new IllegalArgumentException("think and answer must both have text");
        }
    }

    /** The reply written back as {@code <think>think</think><answer>answer</answer>}. */
    public String text() {
        return "<think>" + think + "</think><answer>" + answer + "</answer>";
    }
}
