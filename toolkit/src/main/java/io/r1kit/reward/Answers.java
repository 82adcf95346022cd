package io.r1kit.reward;

import io.r1kit.task.ReasoningParser;

/** The answer part of an output: the {@code <answer>} block of a reasoning reply, else the whole text. */
final class Answers {

    private Answers() {}

    /** The text the perception and semantic rewards read. */
    static String of(String output) {
        ReasoningParser.Result r = ReasoningParser.parse(output);
        return r.valid() ? r.reasoning().orElseThrow().answer() : output.strip();
    }
}
