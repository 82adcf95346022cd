package io.r1kit.cot.filter;

import com.google.gson.Gson;

/**
 * Thresholds of the CoT filters (3D-R1, Sec. 3.1). Defaults are the paper's; {@link #defaults()} is
 * the one place they live.
 *
 * <p>The paper asks for at least 20 words in {@code <answer>}. A count, colour or existence answer
 * is one short sentence ("There is one bed in the bedroom: the white bed against the far wall.",
 * 13 words) and padding it to 20 words would teach padding, so records marked as short-answer use
 * {@code minShortAnswerWords} (default 8) instead.
 *
 * <pre>{@code
 * FilterConfig strict = FilterConfig.defaults().withMinConsistency(0.9);
 * FilterConfig.fromJson(strict.toJson()).equals(strict);   // true
 * }</pre>
 *
 * @param minThinkWords       fewest words in {@code <think>} (paper: 30)
 * @param minAnswerWords      fewest words in {@code <answer>} (paper: 20)
 * @param minShortAnswerWords fewest words in {@code <answer>} for short factual answers (count, colour, existence)
 * @param minStepCues         fewest step cues ("Step 1", "First", "Then", "Finally", ...) in {@code <think>} (paper: 3)
 * @param minConsistency      lowest normalised Levenshtein similarity between the answer and the
 *                            answer re-derived from {@code <think>} alone (paper: 0.8)
 */
public record FilterConfig(int minThinkWords, int minAnswerWords, int minShortAnswerWords, int minStepCues,
                           double minConsistency) {

    private static final Gson GSON = new Gson();

    public FilterConfig {
        if (minThinkWords < 0 || minAnswerWords < 0 || minShortAnswerWords < 0 || minStepCues < 0) {
            throw new IllegalArgumentException("word and cue minimums must be 0 or more, got think " + minThinkWords
                    + ", answer " + minAnswerWords + ", short answer " + minShortAnswerWords + ", cues " + minStepCues);
        }
        if (minShortAnswerWords > minAnswerWords) {
            throw new IllegalArgumentException("minShortAnswerWords " + minShortAnswerWords + " exceeds minAnswerWords "
                    + minAnswerWords + "; the short-answer floor is the lower one");
        }
        if (!(minConsistency >= 0 && minConsistency <= 1)) {
            throw new IllegalArgumentException("minConsistency " + minConsistency + " is outside 0..1 (a similarity)");
        }
    }

    /** The paper's thresholds: 30 think words, 20 answer words (8 for short answers), 3 cues, 0.8 similarity. */
    public static FilterConfig defaults() {
        return new FilterConfig(30, 20, 8, 3, 0.8);
    }

    public FilterConfig withMinThinkWords(int n) {
        return new FilterConfig(n, minAnswerWords, minShortAnswerWords, minStepCues, minConsistency);
    }

    public FilterConfig withMinAnswerWords(int n, int shortAnswers) {
        return new FilterConfig(minThinkWords, n, shortAnswers, minStepCues, minConsistency);
    }

    public FilterConfig withMinStepCues(int n) {
        return new FilterConfig(minThinkWords, minAnswerWords, minShortAnswerWords, n, minConsistency);
    }

    public FilterConfig withMinConsistency(double s) {
        return new FilterConfig(minThinkWords, minAnswerWords, minShortAnswerWords, minStepCues, s);
    }

    public String toJson() {
        return GSON.toJson(this);
    }

    /** Reads {@link #toJson()}; a missing field is an error naming it (no silent zero). */
    public static FilterConfig fromJson(String json) {
        com.google.gson.JsonObject o = com.google.gson.JsonParser.parseString(json).getAsJsonObject();
        for (String f : new String[] {"minThinkWords", "minAnswerWords", "minShortAnswerWords", "minStepCues", "minConsistency"}) {
            if (!o.has(f)) {
                throw new IllegalArgumentException("filter config JSON lacks \"" + f + "\"");
            }
        }
        return new FilterConfig(o.get("minThinkWords").getAsInt(), o.get("minAnswerWords").getAsInt(),
                o.get("minShortAnswerWords").getAsInt(), o.get("minStepCues").getAsInt(), o.get("minConsistency").getAsDouble());
    }
}
