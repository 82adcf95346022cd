package io.r1kit.task;

import java.util.List;
import java.util.Objects;

/**
 * One thing a model is asked: the task, the earlier turns of its conversation (dialogue only; empty
 * otherwise) and the text the task takes: a question, a referring expression (grounding), an object's box
 * tag (object captioning), nothing (dense captioning).
 *
 * <pre>{@code
 * TaskQuery q = TaskQuery.of(Task.QA, "What colour is the desk?");
 * q.prompt();   // the ChatML prompt of TaskPrompt
 * }</pre>
 */
public record TaskQuery(Task task, List<TaskPrompt.Turn> earlier, String text) {

    public TaskQuery {
        Objects.requireNonNull(task, "task");
        earlier = List.copyOf(earlier);
        text = text == null ? "" : text.strip();
        if (!earlier.isEmpty() && task != Task.DIALOGUE) {
            throw new IllegalArgumentException("only a dialogue has earlier turns, not " + task.slug());
        }
        if (text.isEmpty() && task != Task.DENSE_CAPTION) {
            throw new IllegalArgumentException(task.slug() + " needs " + needs(task));
        }
    }

    /** A query without earlier turns. */
    public static TaskQuery of(Task task, String text) {
        return new TaskQuery(task, List.of(), text);
    }

    /** What the text of {@code task} is, for messages. */
    public static String needs(Task task) {
        return switch (task) {
            case DENSE_CAPTION -> "no text";
            case OBJECT_CAPTION -> "an object: its id or its box";
            case GROUNDING -> "a description of the object to find, e.g. \"the red chair\"";
            case PLANNING -> "a goal, e.g. \"I want to read a book.\"";
            default -> "a question";
        };
    }

    /** The prompt in {@link TaskPrompt}'s format. */
    public String prompt() {
        return TaskPrompt.chat(task, earlier, text);
    }
}
