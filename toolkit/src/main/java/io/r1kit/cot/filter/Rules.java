package io.r1kit.cot.filter;

import io.r1kit.task.ReasonedReply;
import io.r1kit.task.ReasoningParser;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The six filters of the data engine (3D-R1, Sec. 3.1), each a small named rule. A reply that is not
 * in the reasoning format fails every rule that needs its parts, with value 0.
 *
 * <pre>{@code
 * List<CotFilter> rules = Rules.standard(FilterConfig.defaults(), Reanswerer.CONCLUSION);
 * List<Verdict> v = Rules.apply(rules, new Candidate(cot, "desk", false));
 * Rules.passes(v);   // true when every rule passes
 * }</pre>
 */
public final class Rules {

    private Rules() {}

    /** All six rules with the thresholds of {@code config}, in the order of the paper. */
    public static List<CotFilter> standard(FilterConfig config, Reanswerer reanswerer) {
        return List.of(new Format(), new ThinkLength(config.minThinkWords()),
                new AnswerLength(config.minAnswerWords(), config.minShortAnswerWords()), new StepCues(config.minStepCues()),
                new TargetInLastStep(), new Consistency(config.minConsistency(), reanswerer));
    }

    /** Every rule's verdict on {@code c}, in rule order. */
    public static List<Verdict> apply(List<CotFilter> rules, Candidate c) {
        return rules.stream().map(r -> r.apply(c)).toList();
    }

    /** Whether every verdict passes. */
    public static boolean passes(List<Verdict> verdicts) {
        return verdicts.stream().allMatch(Verdict::pass);
    }

    /** {@code format}: the reply parses as {@code <think>...</think><answer>...</answer>} (value 1 or 0). */
    public record Format() implements CotFilter {
        public String name() { return "format"; }

        public Verdict apply(Candidate c) {
            return Verdict.atLeast(name(), ReasoningParser.parse(c.cot()).valid() ? 1 : 0, 1);
        }
    }

    /** {@code think-length}: at least {@code min} words in {@code <think>}. */
    public record ThinkLength(int min) implements CotFilter {
        public String name() { return "think-length"; }

        public Verdict apply(Candidate c) {
            return Verdict.atLeast(name(), Text.parse(c.cot()).map(r -> Text.words(r.think())).orElse(0), min);
        }
    }

    /** {@code answer-length}: at least {@code min} words in {@code <answer>} ({@code minShort} for short answers). */
    public record AnswerLength(int min, int minShort) implements CotFilter {
        public String name() { return "answer-length"; }

        public Verdict apply(Candidate c) {
            return Verdict.atLeast(name(), Text.parse(c.cot()).map(r -> Text.words(r.answer())).orElse(0),
                    c.shortAnswer() ? minShort : min);
        }
    }

    /** {@code step-cues}: at least {@code min} step cues in {@code <think>} (see {@link Text#cues}). */
    public record StepCues(int min) implements CotFilter {
        public String name() { return "step-cues"; }

        public Verdict apply(Candidate c) {
            return Verdict.atLeast(name(), Text.parse(c.cot()).map(r -> Text.cues(r.think()).size()).orElse(0), min);
        }
    }

    /** {@code target-last-step}: the last step of {@code <think>} names the target (ignoring case; value 1 or 0). */
    public record TargetInLastStep() implements CotFilter {
        public String name() { return "target-last-step"; }

        public Verdict apply(Candidate c) {
            Optional<ReasonedReply> r = Text.parse(c.cot());
            boolean named = r.isPresent() && !c.target().isBlank() && Text.normalise(last(Text.steps(r.get().think())))
                    .contains(Text.normalise(c.target()));
            return Verdict.atLeast(name(), named ? 1 : 0, 1);
        }

        private static String last(List<String> steps) {
            return steps.get(steps.size() - 1);
        }
    }

    /**
     * {@code consistency}: re-answer from {@code <think>} alone with {@code reanswerer}; the normalised
     * Levenshtein similarity with {@code <answer>} must be at least {@code min}.
     */
    public record Consistency(double min, Reanswerer reanswerer) implements CotFilter {
        public Consistency {
            Objects.requireNonNull(reanswerer, "reanswerer");
        }

        public String name() { return "consistency"; }

        public Verdict apply(Candidate c) {
            double s = Text.parse(c.cot()).map(r -> Levenshtein.similarity(reanswerer.reanswer(r.think()), r.answer()))
                    .orElse(0.0);
            return Verdict.atLeast(name(), s, min);
        }
    }

}
