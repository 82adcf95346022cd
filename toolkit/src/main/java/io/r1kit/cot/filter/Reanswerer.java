package io.r1kit.cot.filter;

import java.util.List;
import java.util.Locale;

/**
 * Derives an answer from the reasoning alone, for the consistency filter (Sec. 3.1: "re-answer from
 * the think"). It sees only the {@code <think>} text, never the scene or the original answer.
 */
@FunctionalInterface
public interface Reanswerer {

    /** The answer {@code think} leads to. */
    String reanswer(String think);

    /**
     * The built-in re-answer, a text-only reading of the reasoning's conclusion: what follows the
     * last "the answer is" (any case, an optional colon skipped), or else the last step without its
     * cue. It cannot reason: it measures whether the answer given is the one the reasoning
     * concluded. The built-in graph writer ends its reasoning with the answer, so its records score
     * 1.0 unless the answer was changed afterwards; a language-model back end is checked properly
     * by re-asking the model (see {@code io.r1kit.cot.llm.ChatReanswerer}).
     */
    Reanswerer CONCLUSION = think -> {
        String lower = think.toLowerCase(Locale.ROOT);
        int at = lower.lastIndexOf("the answer is");
        if (at >= 0) {
            String rest = think.substring(at + "the answer is".length()).strip();
            return rest.startsWith(":") ? rest.substring(1).strip() : rest;
        }
        List<String> steps = Text.steps(think);
        String last = steps.get(steps.size() - 1);
        return last.replaceFirst("(?i)^(step\\s+\\d+|first|second|third|then|next|finally|lastly)\\s*[:.,]?\\s*", "");
    };
}
