package io.r1kit.task;

import java.util.Optional;

/**
 * Splits a reply in the format 3D-R1 trains for (Sec. 3.1; the format reward of Sec. 3.2):
 * {@code <think>...</think><answer>...</answer>}, nothing but white space around or between the
 * two blocks, each tag exactly once, both blocks with text.
 *
 * <pre>{@code
 * ReasoningParser.parse("<think>Two chairs.</think><answer>two</answer>").reasoning();  // [think=Two chairs., answer=two]
 * ReasoningParser.parse("two").reason();   // "no <think> tag"
 * }</pre>
 */
public final class ReasoningParser {

    private static final String[] TAGS = {"<think>", "</think>", "<answer>", "</answer>"};

    private ReasoningParser() {}

    /** The outcome of {@link #parse}: the reasoning, or the reason the text is not in the format. */
    public record Result(Optional<ReasonedReply> reasoning, String reason) {

        /** Whether the text is in the format. */
        public boolean valid() {
            return reasoning.isPresent();
        }

        static Result ok(ReasonedReply r) {
            return new Result(Optional.of(r), "");
        }

        static Result fail(String reason) {
            return new Result(Optional.empty(), reason);
        }
    }

    /** Parses {@code text}; never throws for bad text, it says why instead. */
    public static Result parse(String text) {
        if (text == null) {
            return Result.fail("no text");
        }
        int[] at = new int[TAGS.length];
        for (int i = 0; i < TAGS.length; i++) {
            at[i] = text.indexOf(TAGS[i]);
            if (at[i] < 0) {
                return Result.fail("no " + TAGS[i] + " tag");
            }
            if (text.indexOf(TAGS[i], at[i] + 1) >= 0) {
                return Result.fail(TAGS[i] + " appears more than once");
            }
        }
        for (int i = 1; i < TAGS.length; i++) {
            if (at[i] < at[i - 1]) {
                return Result.fail(TAGS[i] + " comes before " + TAGS[i - 1]);
            }
        }
        if (!text.substring(0, at[0]).isBlank()) {
            return Result.fail("text before <think>");
        }
        if (!text.substring(at[1] + TAGS[1].length(), at[2]).isBlank()) {
            return Result.fail("text between </think> and <answer>");
        }
        if (!text.substring(at[3] + TAGS[3].length()).isBlank()) {
            return Result.fail("text after </answer>");
        }
        String think = text.substring(at[0] + TAGS[0].length(), at[1]).strip();
        String answer = text.substring(at[2] + TAGS[2].length(), at[3]).strip();
        if (think.isEmpty()) {
            return Result.fail("empty <think>");
        }
        if (answer.isEmpty()) {
            return Result.fail("empty <answer>");
        }
        return Result.ok(new ReasonedReply(think, answer));
    }
}
