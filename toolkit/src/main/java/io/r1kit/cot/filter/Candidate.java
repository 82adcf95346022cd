package io.r1kit.cot.filter;

import java.util.Objects;

/**
 * What the filters look at: the reply, the entity the reasoning must end on, and whether the
 * answer is a short factual one (see {@link FilterConfig#minShortAnswerWords()}).
 *
 * @param cot         the reply, {@code <think>...</think><answer>...</answer>}
 * @param target      the target entity's words, e.g. {@code "desk"}
 * @param shortAnswer whether the short-answer floor applies
 */
public record Candidate(String cot, String target, boolean shortAnswer) {

    public Candidate {
        Objects.requireNonNull(cot, "cot");
        Objects.requireNonNull(target, "target");
    }
}
