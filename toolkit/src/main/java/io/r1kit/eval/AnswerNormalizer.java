package io.r1kit.eval;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The answer clean-up that the ScanQA/SQA3D exact-match protocol (as used by LEO and later 3D-LLM
 * work) applies to predictions and ground truths alike before comparing them.
 *
 * <pre>{@code
 * AnswerNormalizer.normalize("The  2 chairs.")   // "two chairs"
 * }</pre>
 *
 * <p>In order: lower-case; trim and collapse runs of spaces; drop every character other than
 * ASCII letters, digits, {@code , ' - :} and whitespace; fix a few frequent typos of the answer sets
 * ({@code letf/let -> left}, {@code rigth/rght -> right}, {@code behine -> behind}, ...); write the
 * numbers 0..20 and 23 (and "none") as words; drop a digit glued to a word ({@code mat2 -> mat});
 * drop an article before a word; {@code backwards -> backward}. As in the protocol, "tv" becomes
 * upper-case "TV" after lower-casing: harmless because both sides go through the same rules.
 */
public final class AnswerNormalizer {

    private record Rule(Pattern pattern, String replacement) {}

    private static final String[] NUMBERS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
            "nineteen", "twenty"};

    private static final List<Rule> RULES = rules();

    private AnswerNormalizer() {}

    /** The cleaned answer. */
    public static String normalize(String answer) {
        String s = answer.toLowerCase(Locale.ROOT);
        for (Rule r : RULES) {
            s = r.pattern.matcher(s).replaceAll(r.replacement);
        }
        return s;
    }

    private static List<Rule> rules() {
        List<Rule> rules = new java.util.ArrayList<>();
        add(rules, "[ ]+$", "");
        add(rules, "^[ ]+", "");
        add(rules, " {2,}", " ");
        add(rules, "\\.[ ]{2,}", ". ");
        add(rules, "[^a-zA-Z0-9,'\\s\\-:]+", "");
        String[][] typos = {{"letf", "left"}, {"let", "left"}, {"tehre", "there"}, {"rigth", "right"},
                {"rght", "right"}, {"behine", "behind"}, {"tv", "TV"}, {"chai", "chair"}, {"wasing", "washing"},
                {"waslked", "walked"}, {"oclock", "o'clock"}};
        for (String[] t : typos) {
            add(rules, "\\b" + t[0] + "\\b", t[1]);
        }
        add(rules, "\\bo'[ ]+clock\\b", "o'clock");
        add(rules, "\\b0\\b", "zero");
        add(rules, "\\bnone\\b", "zero");
        for (int i = 1; i < NUMBERS.length; i++) {
            add(rules, "\\b" + i + "\\b", NUMBERS[i]);
        }
        add(rules, "\\b23\\b", "twenty-three");
        add(rules, "\\b([a-zA-Z]+)([0-9])\\b", "$1");
        add(rules, "\\ba\\b ([a-zA-Z]+)", "$1");
        add(rules, "\\ban\\b ([a-zA-Z]+)", "$1");
        add(rules, "\\bthe\\b ([a-zA-Z]+)", "$1");
        add(rules, "\\bbackwards\\b", "backward");
        return List.copyOf(rules);
    }

    private static void add(List<Rule> rules, String regex, String replacement) {
        rules.add(new Rule(Pattern.compile(regex), replacement));
    }
}
