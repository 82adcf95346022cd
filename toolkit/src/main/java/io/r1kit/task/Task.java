package io.r1kit.task;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The seven 3D tasks of 3D-R1 (Sec. 4), named as on the command line ({@code dense-caption}, ...). */
public enum Task {
    DENSE_CAPTION("Describe each object of the room with its box."),
    OBJECT_CAPTION("Describe this object of the room."),
    GROUNDING("Find the object described and answer with its box."),
    QA("Answer the question about the room."),
    DIALOGUE("Talk with me about the room."),
    REASONING("Reason about the room to answer."),
    PLANNING("Plan the steps to do this in the room.");

    private final String instruction;

    Task(String instruction) {
        this.instruction = instruction;
    }

    /**
     * The task's instruction, the first line of every user message of the task ({@link TaskPrompt}), so a
     * model trained on several tasks is told which one it is asked.
     */
    public String instruction() {
        return instruction;
    }

    /** The command-line name, e.g. {@code "dense-caption"}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The task named {@code slug}.
     *
     * @throws IllegalArgumentException listing the known names
     */
    public static Task fromSlug(String slug) {
        return Arrays.stream(values()).filter(t -> t.slug().equals(slug)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown task '" + io.r1kit.Excerpt.of(slug) + "' (known: "
                        + Arrays.stream(values()).map(Task::slug).collect(Collectors.joining(", ")) + ")"));
    }
}
