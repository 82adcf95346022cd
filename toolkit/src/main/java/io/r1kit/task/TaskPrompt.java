package io.r1kit.task;

import java.util.Objects;

/**
 * The one prompt format of the nano 3D model, shared by supervised training and by asking: a
 * ChatML user turn holding the question, then the assistant's turn opened; the model's reply is
 * the answer closed by {@code <|im_end|>}. No system turn: the nano model has one job and every
 * token of context costs on a CPU.
 *
 * <pre>{@code
 * TaskPrompt.prompt("Find the red chair.");
 * // "<|im_start|>user\nFind the red chair.<|im_end|>\n<|im_start|>assistant\n"
 * TaskPrompt.answer("<obj>12, 40, 7, 30, 30, 40</obj>");  // "<obj>12, 40, 7, 30, 30, 40</obj><|im_end|>"
 * TaskPrompt.denseCaption("<obj>12, 40, 7, 30, 30, 40</obj>");
 * // "Describe the object at <obj>12, 40, 7, 30, 30, 40</obj>."
 * }</pre>
 */
public final class TaskPrompt {

    /** Opens a ChatML turn (the same text as {@code ChatTemplate.START}). */
    public static final String START = "<|im_start|>";
    /** Closes a turn; the model stops generating after it. */
    public static final String END = "<|im_end|>";

    private TaskPrompt() {}

    /** The prompt of {@code question}: {@code <|im_start|>user\n{question}<|im_end|>\n<|im_start|>assistant\n}. */
    public static String prompt(String question) {
        Objects.requireNonNull(question, "question");
        return START + "user\n" + question + END + "\n" + START + "assistant\n";
    }

    /** The training target for {@code answer}: the answer followed by {@value #END}. */
    public static String answer(String answer) {
        Objects.requireNonNull(answer, "answer");
        return answer + END;
    }

    /** The reply without a trailing {@value #END} and surrounding white space. */
    public static String stripEnd(String reply) {
        String s = reply.strip();
        return s.endsWith(END) ? s.substring(0, s.length() - END.length()).strip() : s;
    }

    /** The dense-caption question for a box tag, as the data engine's first phrasing writes it. */
    public static String denseCaption(String boxTag) {
        return "Describe the object at " + boxTag + ".";
    }

    /**
     * The grounding question for {@code text}: a full question (ending in {@code .} or {@code ?}) is
     * kept; a bare referring expression such as {@code "the red chair"} becomes {@code "Find the red chair."},
     * as the data engine's first phrasing writes it.
     */
    public static String grounding(String text) {
        String t = text.strip();
        return t.endsWith(".") || t.endsWith("?") ? t : "Find " + t + ".";
    }
}
