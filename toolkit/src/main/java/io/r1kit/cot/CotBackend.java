package io.r1kit.cot;

import java.io.IOException;

/**
 * Writes the reasoning for one question: returns {@code <think>...</think><answer>...</answer>}
 * (or whatever a model said; the filters judge it).
 */
public interface CotBackend {

    /** A short name for provenance, e.g. {@code "graph"} or {@code "chat:gpt-4o-mini"}. */
    String name();

    /** The reply for {@code request}. */
    String write(CotRequest request) throws IOException;
}
