package io.r1kit.cot.filter;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RulesTest {

    /** 66 think words, 4 cues, the last step names the desk; 20 answer words, the same as the conclusion. */
    static final String GOOD = "<think>Step 1: The scene is an office with eleven objects and a door in the south wall. "
            + "Step 2: The question is about where to work. Step 3: A black monitor stands on the brown desk. "
            + "Step 4: So, for the brown desk, the answer is: Work at the brown desk, since the black monitor is on it "
            + "and the grey chair is next to it.</think>"
            + "<answer>Work at the brown desk, since the black monitor is on it and the grey chair is next to it.</answer>";

    private final List<CotFilter> rules = Rules.standard(FilterConfig.defaults(), Reanswerer.CONCLUSION);

    private Verdict verdict(String name, String cot, String target, boolean isShort) {
        return Rules.apply(rules, new Candidate(cot, target, isShort)).stream().filter(v -> v.filter().equals(name))
                .findFirst().orElseThrow();
    }

    @Test
    void aGoodRecordPassesEveryRuleWithItsMeasuredValues() {
        List<Verdict> v = Rules.apply(rules, new Candidate(GOOD, "desk", false));
        assertEquals(List.of("format", "think-length", "answer-length", "step-cues", "target-last-step", "consistency"),
                v.stream().map(Verdict::filter).toList());
        assertTrue(Rules.passes(v), v.toString());
        assertEquals(new Verdict("think-length", 66, 30, true), v.get(1));
        assertEquals(new Verdict("answer-length", 20, 20, true), v.get(2));
        assertEquals(new Verdict("step-cues", 4, 3, true), v.get(3));
        assertEquals(1.0, v.get(5).value());
    }

    @Test
    void formatFailsAndTakesThePartsWithIt() {
        String bad = GOOD.replace("</answer>", "");
        assertEquals(new Verdict("format", 0, 1, false), verdict("format", bad, "desk", false));
        assertEquals(0, verdict("think-length", bad, "desk", false).value());
        assertFalse(verdict("consistency", bad, "desk", false).pass());
    }

    @Test
    void shortThinkAndShortAnswerFail() {
        String cot = "<think>Step 1: one chair. Step 2: it is red. Step 3: so the chair is red.</think><answer>It is red.</answer>";
        assertEquals(new Verdict("think-length", 16, 30, false), verdict("think-length", cot, "chair", false));
        assertEquals(new Verdict("answer-length", 3, 20, false), verdict("answer-length", cot, "chair", false));
        // the short-answer floor (8 words) applies to count, colour and existence answers
        assertEquals(new Verdict("answer-length", 3, 8, false), verdict("answer-length", cot, "chair", true));
        assertEquals(new Verdict("step-cues", 3, 3, true), verdict("step-cues", cot, "chair", false));
    }

    @Test
    void stepCuesCountStepsAndOrderingWords() {
        assertEquals(2, Text.cues("Step 1: a. Step 2: b.").size());
        assertEquals(4, Text.cues("First, look. Then count. Next: compare.\nFinally answer.").size());
        assertEquals(0, Text.cues("I first looked, then counted.").size()); // mid-sentence words are no cues
        assertEquals(new Verdict("step-cues", 2, 3, false),
                verdict("step-cues", "<think>Step 1: a. Step 2: b.</think><answer>c</answer>", "x", false));
    }

    @Test
    void lastStepMustNameTheTarget() {
        assertEquals(1, verdict("target-last-step", GOOD, "Desk", false).value());
        assertEquals(new Verdict("target-last-step", 0, 1, false), verdict("target-last-step", GOOD, "monitor stand", false));
        // "monitor" is named, but in step 3, not the last one
        assertEquals(0, verdict("target-last-step", GOOD.replace("black monitor is on it and ", ""), "monitor", false).value());
    }

    @Test
    void consistencyComparesTheConclusionWithTheAnswer() {
        String changed = GOOD.replaceFirst("<answer>.*</answer>",
                "<answer>Sit on the red sofa, since the tv is in front of it and the lamp is next to it.</answer>");
        Verdict v = verdict("consistency", changed, "desk", false);
        assertFalse(v.pass(), v.toString());
        assertEquals(1 - 37.0 / 88, v.value(), 1e-12); // 37 edits over 88 characters, computed by hand
        String small = GOOD.replace("<answer>Work at the brown desk", "<answer>Work at the black desk");
        assertTrue(verdict("consistency", small, "desk", false).pass()); // a two-letter slip stays above 0.8
        assertEquals("the desk", Reanswerer.CONCLUSION.reanswer("Step 1: look. Step 2: The answer is: the desk"));
        assertEquals("it is the bed.", Reanswerer.CONCLUSION.reanswer("Step 1: look. Finally, it is the bed."));
    }

    @Test
    void levenshteinByHand() {
        assertEquals(3, Levenshtein.distance("kitten", "sitting"));
        assertEquals(0, Levenshtein.distance("", ""));
        assertEquals(1 - 3.0 / 7, Levenshtein.similarity("kitten", "sitting"), 1e-12);
        assertEquals(1.0, Levenshtein.similarity("Two chairs.", "two  CHAIRS"));
    }

    @Test
    void configRoundTripsAndExplainsBadValues() {
        FilterConfig c = FilterConfig.defaults().withMinConsistency(0.9).withMinAnswerWords(15, 5);
        assertEquals(c, FilterConfig.fromJson(c.toJson()));
        assertEquals("minConsistency 1.2 is outside 0..1 (a similarity)",
                assertThrows(IllegalArgumentException.class, () -> FilterConfig.defaults().withMinConsistency(1.2)).getMessage());
        assertEquals("minShortAnswerWords 9 exceeds minAnswerWords 5; the short-answer floor is the lower one",
                assertThrows(IllegalArgumentException.class, () -> FilterConfig.defaults().withMinAnswerWords(5, 9)).getMessage());
        assertEquals("filter config JSON lacks \"minStepCues\"", assertThrows(IllegalArgumentException.class,
                () -> FilterConfig.fromJson("{\"minThinkWords\":1,\"minAnswerWords\":1,\"minShortAnswerWords\":1,\"minConsistency\":0.5}")).getMessage());
    }
}
