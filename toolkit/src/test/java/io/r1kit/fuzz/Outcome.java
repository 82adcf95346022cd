package io.r1kit.fuzz;

import io.r1kit.BadFileException;

/**
 * What reading a damaged file may end in: a loaded result, or the toolkit's own refusal, one short printable line
 * ({@link BadFileException}, or {@link IllegalArgumentException} from a recipe reader, which names the file).
 * Anything else (another exception, an error, a multi-line or unbounded message) is a finding.
 */
final class Outcome {

    /** Longest refusal accepted: one line a terminal shows. */
    static final int MAX_MESSAGE = 1000;

    private Outcome() {}

    /** Null when {@code t} is a proper refusal, else what is wrong with it. */
    static String finding(Throwable t, boolean illegalArgumentAllowed) {
        boolean own = t instanceof BadFileException || illegalArgumentAllowed && t instanceof IllegalArgumentException;
        if (!own) {
            return t.getClass().getName() + ": " + shortly(t.getMessage());
        }
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            return t.getClass().getSimpleName() + " without a message";
        }
        if (m.length() > MAX_MESSAGE) {
            return "a refusal of " + m.length() + " characters: " + shortly(m);
        }
        if (m.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c >= 0x80 && c < 0xa0)) {
            return "a refusal with control characters: " + shortly(m);
        }
        return null;
    }

    private static String shortly(String m) {
        return m == null ? "null" : io.r1kit.Excerpt.of(m, 200);
    }
}
