package io.r1kit.facade;

import io.r1kit.scene.Box3;
import io.r1kit.task.TaskAnswer;

import java.util.Locale;

/**
 * An answer as lines of text, one labelled field a line: {@code question}, {@code step N}, {@code answer},
 * {@code box}, {@code note}. What {@code r1kit ask} prints and what an answer reads as in JShell.
 */
public final class AnswerText {

    private AnswerText() {}

    /**
     * The lines of one answer: {@code label} and the question (left out when {@code question} is null), the
     * reasoning steps numbered, the answer, each box of the answer when {@code boxes}; the caller adds
     * {@link #note} after whatever else it prints of the answer.
     */
    public static void text(StringBuilder sb, String label, String question, TaskAnswer a, boolean boxes) {
        if (question != null) {
            sb.append(String.format(Locale.ROOT, "%-8s %s%n", label, line(question)));
        }
        steps(sb, a);
        sb.append("answer   ").append(line(a.answer())).append('\n');
        if (boxes) {
            a.boxes().forEach(b -> sb.append("box      ").append(box(b)).append('\n'));
        }
    }

    /** The reasoning steps, one line each: {@code step 1   ...}. */
    public static void steps(StringBuilder sb, TaskAnswer a) {
        for (int i = 0; i < a.steps().size(); i++) {
            sb.append(String.format(Locale.ROOT, "step %-3d %s%n", i + 1, line(a.steps().get(i))));
        }
    }

    /** The note line, when the reply is malformed. */
    public static void note(StringBuilder sb, TaskAnswer a) {
        if (!a.wellFormed()) {
            sb.append("note     ").append(line(a.note())).append('\n');
        }
    }

    /** {@code s} on one line (the text output is a line per field; JSON keeps the text as it is). */
    public static String line(String s) {
        return s.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** Centre and size in metres. */
    public static String box(Box3 b) {
        return String.format(Locale.ROOT, "(%.2f, %.2f, %.2f) %.2f x %.2f x %.2f", b.cx(), b.cy(), b.cz(),
                b.dx(), b.dy(), b.dz());
    }
}
