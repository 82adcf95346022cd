package io.r1kit.task;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The seven 3D tasks of 3D-R1 (Sec. 4), named as on the command line ({@code dense-caption}, ...). */
public enum Task {
    DENSE_CAPTION, OBJECT_CAPTION, GROUNDING, QA, DIALOGUE, REASONING, PLANNING;

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
                new IllegalArgumentException("unknown task '" + slug + "' (known: "
                        + Arrays.stream(values()).map(Task::slug).collect(Collectors.joining(", ")) + ")"));
    }
}
