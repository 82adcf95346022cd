package io.r1kit.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One turn of a 3D-LLM prompt, and the parser that splits a prompt into turns.
 *
 * <p>3D-LLM (and LL3DA, 3D-R1 after them) write a conversation as one string with speaker
 * markers: {@code "### human: Hi. ### assistant: Hello. ### human: Where is the bed? ### assistant:"}.
 * {@link #split} returns {@code [HUMAN "Hi.", ASSISTANT "Hello.", HUMAN "Where is the bed?"]}: the
 * trailing empty {@code ### assistant:} is the cue for the answer, not a turn. Markers are matched
 * case-insensitively; any other {@code ###} stays part of the text.
 *
 * @param speaker who speaks
 * @param text    what is said, trimmed, never empty
 */
public record DialogueTurn(Speaker speaker, String text) {

    private static final Pattern MARKER = Pattern.compile("###\\s*(human|assistant)\\s*:", Pattern.CASE_INSENSITIVE);

    /** The two speakers of a 3D-LLM conversation. */
    public enum Speaker { HUMAN, ASSISTANT }

    public DialogueTurn {
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("a " + speaker + " turn needs text");
        }
    }

    /**
     * Splits a marked-up prompt into turns. Text without any marker is one human turn.
     *
     * @throws IllegalArgumentException if text precedes the first marker, or a marker other than
     *                                  the final answer cue has no text
     */
    public static List<DialogueTurn> split(String prompt) {
        Matcher m = MARKER.matcher(prompt);
        List<DialogueTurn> turns = new ArrayList<>();
        Speaker speaker = null;
        int textStart = 0;
        while (m.find()) {
            addTurn(turns, speaker, prompt.substring(textStart, m.start()), false);
            speaker = Speaker.valueOf(m.group(1).toUpperCase(Locale.ROOT));
            textStart = m.end();
        }
        addTurn(turns, speaker == null ? Speaker.HUMAN : speaker, prompt.substring(textStart), true);
        return List.copyOf(turns);
    }

    private static void addTurn(List<DialogueTurn> turns, Speaker speaker, String raw, boolean last) {
        String text = raw.strip();
        if (speaker == null) {
            if (!text.isEmpty()) {
                throw new IllegalArgumentException("text before the first speaker marker: \"" + io.r1kit.Excerpt.of(text, 40) + "\"");
            }
            return;
        }
        if (text.isEmpty()) {
            if (last && speaker == Speaker.ASSISTANT) {
                return;
            }
            throw new IllegalArgumentException("empty " + speaker.name().toLowerCase(Locale.ROOT) + " turn "
                    + (turns.size() + 1));
        }
        turns.add(new DialogueTurn(speaker, text));
    }
}
