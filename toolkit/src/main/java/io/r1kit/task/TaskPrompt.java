package io.r1kit.task;

import java.util.List;
import java.util.Objects;

/**
 * The prompt format of the nano 3D model, shared by supervised training, GRPO and asking: ChatML turns
 * without a system turn (the nano model has one job and every token of context costs on a CPU). Each user
 * message opens with its task's {@link Task#instruction() instruction} on a line of its own, then the text
 * the task takes (a question, a referring expression, an object's box; nothing for dense captions); a
 * dialogue's earlier turns come first, each with the answer the model gave. The model's reply is closed by
 * {@code <|im_end|>}.
 *
 * <pre>{@code
 * TaskPrompt.prompt(Task.GROUNDING, "the red chair");
 * // "<|im_start|>user\nFind the object described and answer with its box.\nthe red chair<|im_end|>\n<|im_start|>assistant\n"
 * TaskPrompt.answer("<think>...</think><answer>...</answer>");   // the reply then <|im_end|>
 * }</pre>
 *
 * <p>Checkpoints trained before task instructions existed read their prompt with {@link #question(String)}.
 */
public final class TaskPrompt {

    /** Opens a ChatML turn (the same text as {@code ChatTemplate.START}). */
    public static final String START = "<|im_start|>";
    /** Closes a turn; the model stops generating after it. */
    public static final String END = "<|im_end|>";

    /** One earlier turn of a dialogue: what was asked and the answer given (without its reasoning). */
    public record Turn(String question, String answer) {
        public Turn {
            Objects.requireNonNull(question, "question");
            Objects.requireNonNull(answer, "answer");
        }
    }

    private TaskPrompt() {}

    /** The user message of {@code task} about {@code text}: the instruction, a new line, the text (if any). */
    public static String message(Task task, String text) {
        Objects.requireNonNull(task, "task");
        String t = text == null ? "" : text.strip();
        return t.isEmpty() ? task.instruction() : task.instruction() + "\n" + t;
    }

    /** The prompt of one question of {@code task}. */
    public static String prompt(Task task, String text) {
        return chat(task, List.of(), text);
    }

    /** The prompt of a question of {@code task} after {@code earlier} turns of the same conversation. */
    public static String chat(Task task, List<Turn> earlier, String text) {
        StringBuilder sb = new StringBuilder();
        for (Turn t : earlier) {
            sb.append(user(message(task, t.question()))).append(START).append("assistant\n").append(t.answer())
                    .append(END).append('\n');
        }
        return sb.append(user(message(task, text))).append(START).append("assistant\n").toString();
    }

    /**
     * The prompt format before task instructions: the question alone as the user turn. Checkpoints whose
     * {@code vlm.json} has no {@code task_prompts} were trained on it.
     */
    public static String question(String question) {
        Objects.requireNonNull(question, "question");
        return user(question) + START + "assistant\n";
    }

    private static String user(String message) {
        return START + "user\n" + message + END + "\n";
    }

    /** The training target for {@code reply}: the reply followed by {@value #END}. */
    public static String answer(String reply) {
        Objects.requireNonNull(reply, "reply");
        return reply + END;
    }

    /** The reply without a trailing {@value #END} and surrounding white space. */
    public static String stripEnd(String reply) {
        String s = reply.strip();
        return s.endsWith(END) ? s.substring(0, s.length() - END.length()).strip() : s;
    }

    /** The dense-caption question of the plain format for a box tag, as the data engine's first phrasing writes it. */
    public static String denseCaption(String boxTag) {
        return "Describe the object at " + boxTag + ".";
    }

    /**
     * The grounding question of the plain format for {@code text}: a full question (ending in {@code .} or
     * {@code ?}) is kept; a bare referring expression such as {@code "the red chair"} becomes
     * {@code "Find the red chair."}, as the data engine's first phrasing writes it.
     */
    public static String grounding(String text) {
        String t = text.strip();
        return t.endsWith(".") || t.endsWith("?") ? t : "Find " + t + ".";
    }
}
