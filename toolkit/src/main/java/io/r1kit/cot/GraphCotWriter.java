package io.r1kit.cot;

import io.r1kit.cot.tasks.Example;
import io.r1kit.cot.tasks.Fact;
import io.r1kit.cot.tasks.Phrasing;
import io.r1kit.scene.gen.SceneGraph;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The built-in CoT back end: reasons step by step over the exact scene graph instead of asking a
 * language model (the paper's engine asks Gemini 2.5 Pro, Sec. 3.1). Step 1 takes in the scene,
 * step 2 finds the objects the question is about, one step per fact of the example follows, and the
 * last step names the target and states the answer, which is then repeated in {@code <answer>}:
 *
 * <pre>{@code
 * <think>Step 1: The scene is an office of 4.6 by 5.2 metres with 11 objects. Step 2: The question is about the desk ...
 * Step 5: So, for the brown desk, the answer is: The best spot is the brown desk ...</think><answer>The best spot ...</answer>
 * }</pre>
 *
 * <p>Every step is a true statement about the graph (the facts are checked by tests), so the
 * records are right by construction; the filters still judge their length and form.
 */
public final class GraphCotWriter implements CotBackend {

    private final long seed;

    /** A writer whose word choice follows {@code seed}. */
    public GraphCotWriter(long seed) {
        this.seed = seed;
    }

    @Override
    public String name() {
        return "graph";
    }

    @Override
    public String write(CotRequest r) {
        Example e = r.example();
        SceneGraph g = r.graph();
        Phrasing w = new Phrasing(seed ^ e.question().hashCode());
        List<String> steps = new ArrayList<>();
        steps.add(String.format(Locale.ROOT, "%s %s of %.1f by %.1f metres with %d objects.",
                w.pick("The scene is", "I am looking at", "This scene shows"), Phrasing.article(g.kind().words()),
                g.width(), g.depth(), g.objects().size()));
        String target = e.target() != 0 ? g.object(e.target()).orElseThrow().name() : r.target().isEmpty() ? null : r.target();
        steps.add(target == null ? "The question asks: \"" + r.question() + "\"."
                : w.pick("The question is about the ", "I need to find the ", "The object that matters is the ") + target + ".");
        for (Fact f : e.facts()) {
            steps.add(FactWords.say(g, f, w));
        }
        steps.add(w.pick("So", "Putting this together", "Therefore") + (target == null ? "" : ", for the " + target)
                + ", the answer is: " + e.fullAnswer());
        StringBuilder think = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            think.append(i == 0 ? "" : "\n").append("Step ").append(i + 1).append(": ").append(steps.get(i));
        }
        return "<think>" + think + "</think><answer>" + e.fullAnswer() + "</answer>";
    }
}
