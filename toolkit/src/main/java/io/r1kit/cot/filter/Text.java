package io.r1kit.cot.filter;

import io.r1kit.task.ReasonedReply;
import io.r1kit.task.ReasoningParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text measures the filters share: words, step cues, the last step. */
public final class Text {

    /**
     * A step cue: "Step 3" anywhere, or an ordering word opening a sentence ("First,", "Then", "Next",
     * "Finally", "Second", "Third", "Lastly").
     */
    static final Pattern CUE = Pattern.compile("\\b(step\\s+\\d+)\\b|(?:^|[.!?:]\\s+|\\n\\s*)(first|second|third|then|next|finally|lastly)\\b",
            Pattern.CASE_INSENSITIVE);

    private Text() {}

    /** Number of white-space separated words. */
    public static int words(String s) {
        String t = s.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    /** Start offsets of the step cues of {@code think}. */
    public static List<Integer> cues(String think) {
        List<Integer> at = new ArrayList<>();
        Matcher m = CUE.matcher(think);
        while (m.find()) {
            at.add(m.start(1) >= 0 ? m.start(1) : m.start(2)); // where the cue word begins
        }
        return at;
    }

    /** The steps of {@code think}: the text from each cue to the next (the whole text when it has no cue). */
    public static List<String> steps(String think) {
        List<Integer> at = cues(think);
        if (at.isEmpty()) {
            return List.of(think.strip());
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < at.size(); i++) {
            out.add(think.substring(at.get(i), i + 1 < at.size() ? at.get(i + 1) : think.length()).strip());
        }
        return out;
    }

    /** The reasoning of {@code cot}, when it is in the format. */
    static Optional<ReasonedReply> parse(String cot) {
        return ReasoningParser.parse(cot).reasoning();
    }

    /** Lower case, letters and digits only, single spaces: what Levenshtein compares. */
    public static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
