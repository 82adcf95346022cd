package io.r1kit.cot.tasks;

import io.r1kit.scene.gen.SceneGraph;

import java.util.List;

/**
 * Fact accuracy: how many of the facts a reference answer states a predicted answer states too, so that
 * a fluent answer with a wrong colour, count, wall or object scores as wrong where a text-similarity
 * score would forgive it. The facts an example is accountable for are those of its {@link Example#facts()}
 * that its own short {@link Example#answer()} states ({@link FactCheck}); facts only its full answer
 * carries do not count, and a reference whose answer states none (a grounding box) scores nothing.
 *
 * <pre>{@code
 * FactAccuracy.Score s = FactAccuracy.of(example, graph, "The desk is brown.");
 * s.accuracy();                  // 0.0 for a black desk; NaN when the example has no accountable fact
 * total = total.plus(s);         // pooled over examples: total.accuracy()
 * }</pre>
 */
public final class FactAccuracy {

    /**
     * Counts for one answer or pooled over many.
     *
     * @param considered   facts the references' answers state
     * @param stated       of those, facts the predictions state (without contradicting them)
     * @param contradicted of those, facts the predictions contradict
     */
    public record Score(int considered, int stated, int contradicted) {

        /** Nothing considered. */
        public static final Score NONE = new Score(0, 0, 0);

        /** {@code stated / considered}, NaN when nothing was considered. */
        public double accuracy() {
            return considered == 0 ? Double.NaN : (double) stated / considered;
        }

        /** The counts of both together. */
        public Score plus(Score other) {
            return new Score(considered + other.considered, stated + other.stated, contradicted + other.contradicted);
        }
    }

    private FactAccuracy() {}

    /** The facts of {@code reference} that its own answer states, in fact order. */
    public static List<Fact> accountable(Example reference, SceneGraph g) {
        TextReading answer = TextReading.of(reference.answer());
        return reference.facts().stream().filter(f -> FactCheck.check(g, f, answer) == FactCheck.Verdict.STATED).toList();
    }

    /** How {@code predicted} fares on the accountable facts of {@code reference} in graph {@code g}. */
    public static Score of(Example reference, SceneGraph g, String predicted) {
        TextReading text = TextReading.of(predicted);
        int stated = 0;
        int contradicted = 0;
        List<Fact> facts = accountable(reference, g);
        for (Fact f : facts) {
            FactCheck.Verdict v = FactCheck.check(g, f, text);
            stated += v == FactCheck.Verdict.STATED ? 1 : 0;
            contradicted += v == FactCheck.Verdict.CONTRADICTED ? 1 : 0;
        }
        return new Score(facts.size(), stated, contradicted);
    }
}
