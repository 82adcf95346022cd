package io.r1kit.cot;

import io.r1kit.cot.tasks.Example;
import io.r1kit.cot.tasks.Fact;
import io.r1kit.cot.tasks.Phrasing;
import io.r1kit.scene.gen.RoomObject;
import io.r1kit.scene.gen.SceneGraph;
import io.r1kit.task.BoxCodec;
import io.r1kit.task.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The built-in CoT back end: reasons step by step over the exact scene graph instead of asking a
 * language model (the paper's engine asks Gemini 2.5 Pro, Sec. 3.1). Every step is a true statement
 * about the graph (the facts are checked by tests), so the records are right by construction; the
 * filters still judge their length and form. Two lengths of reasoning:
 *
 * <ul>
 *   <li>{@linkplain #GraphCotWriter(long) full}, as Scene-30K writes: step 1 takes in the scene, step 2
 *       finds the objects the question is about, one step per fact of the example follows, and the last
 *       step names the target and states the full answer, which {@code <answer>} repeats;</li>
 *   <li>{@linkplain #compact(long, int) compact}, short enough for a small model to learn and to say on a
 *       CPU: the object the question is about, at most {@code maxFactSteps} facts, and the conclusion; the
 *       answer is the example's short answer as the public data sets write it ("black", a box). Dense
 *       captions count and list the room's objects in the order the answer gives them.</li>
 * </ul>
 *
 * <pre>{@code
 * <think>Step 1: The question is about the black desk.
 * Step 2: Its points are black, so the desk is black.
 * Step 3: So, for the black desk, the answer is: black</think><answer>black</answer>
 * }</pre>
 */
public final class GraphCotWriter implements CotBackend {

    private final long seed;
    private final int maxFactSteps;
    private final BoxCodec boxes;
    private final boolean look;

    /** The full style, as Scene-30K; word choice follows {@code seed}. */
    public GraphCotWriter(long seed) {
        this(seed, -1, null, false);
    }

    private GraphCotWriter(long seed, int maxFactSteps, BoxCodec boxes, boolean look) {
        this.seed = seed;
        this.maxFactSteps = maxFactSteps;
        this.boxes = boxes;
        this.look = look;
    }

    /**
     * The compact style: at most {@code maxFactSteps} fact steps (0 keeps only the target and the conclusion).
     *
     * @throws IllegalArgumentException when {@code maxFactSteps} is negative
     */
    public static GraphCotWriter compact(long seed, int maxFactSteps) {
        if (maxFactSteps < 0) {
            throw new IllegalArgumentException("reasoning steps must be 0 or more, got " + maxFactSteps);
        }
        return new GraphCotWriter(seed, maxFactSteps, null, false);
    }

    /**
     * This writer, with the step that identifies an object also giving its box in {@code codec}'s grid
     * ("... the grey door at {@code <obj>31, 2, 86, 38, 4, 171</obj>}."): the reasoning points at the object
     * before it describes it, as a model with pointer tokens can.
     */
    public GraphCotWriter withBoxes(BoxCodec codec) {
        return new GraphCotWriter(seed, maxFactSteps, java.util.Objects.requireNonNull(codec, "codec"), false);
    }

    /**
     * This writer with boxes ({@link #withBoxes}), and where no step identifies the object (reasoning, plans,
     * counts), a first step per object the answer rests on (at most {@value #LOOKS}) that points at it and
     * says its colour ("The desk at {@code <obj>...</obj>} is black."), instead of naming the object at once.
     */
    public GraphCotWriter withLookSteps(BoxCodec codec) {
        return new GraphCotWriter(seed, maxFactSteps, java.util.Objects.requireNonNull(codec, "codec"), true);
    }

    /** Objects looked at, at most, before the facts. */
    public static final int LOOKS = 4;
    /** Whether this writer writes the compact style. */
    public boolean compact() {
        return maxFactSteps >= 0;
    }

    @Override
    public String name() {
        return (compact() ? "graph-compact-" + maxFactSteps : "graph") + (boxes == null ? "" : "-boxes")
                + (look ? "-looks" : "");
    }

    @Override
    public String write(CotRequest r) {
        Example e = r.example();
        SceneGraph g = r.graph();
        Phrasing w = new Phrasing(seed ^ e.question().hashCode());
        String target = e.target() != 0 ? g.object(e.target()).orElseThrow().name() : r.target().isEmpty() ? null : r.target();
        List<String> steps = new ArrayList<>();
        String answer;
        if (compact()) {
            answer = e.answer();
            if (e.task() == Task.DENSE_CAPTION) {
                List<RoomObject> objects = e.targets().stream().map(id -> g.object(id).orElseThrow()).toList();
                steps.add("The " + g.kind().words() + " has " + Phrasing.counted(objects.size(), "object") + ".");
                steps.add("In order, they are " + Phrasing.join(objects.stream().map(o -> Phrasing.article(o.label()))
                        .toList()) + ".");
            } else if (target != null && !(e.facts().size() > 0 && e.facts().get(0) instanceof Fact.Identifies)) {
                if (look && e.target() != 0) {
                    looked(e).stream().limit(LOOKS).map(id -> g.object(id).orElseThrow()).forEach(o -> steps.add(
                            "The " + o.label() + " at " + boxes.encode(o.box()) + " is " + o.colour().word() + "."));
                } else {
                    steps.add("The question is about the " + target + ".");   // an Identifies fact finds it itself
                }
            }
            e.facts().stream().limit(e.task() == Task.DENSE_CAPTION ? 0 : maxFactSteps)
                    .forEach(f -> steps.add(say(g, f, w)));
            steps.add("So" + (target == null ? "" : ", for the " + target + (e.task() == Task.DENSE_CAPTION
                    ? " and the others" : "")) + ", the answer is: " + answer);
        } else {
            answer = e.fullAnswer();
            steps.add(String.format(Locale.ROOT, "%s %s of %.1f by %.1f metres with %d objects.",
                    w.pick("The scene is", "I am looking at", "This scene shows"), Phrasing.article(g.kind().words()),
                    g.width(), g.depth(), g.objects().size()));
            steps.add(target == null ? "The question asks: \"" + r.question() + "\"."
                    : w.pick("The question is about the ", "I need to find the ", "The object that matters is the ") + target + ".");
            for (Fact f : e.facts()) {
                steps.add(say(g, f, w));
            }
            steps.add(w.pick("So", "Putting this together", "Therefore") + (target == null ? "" : ", for the " + target)
                    + ", the answer is: " + answer);
        }
        StringBuilder think = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            think.append(i == 0 ? "" : "\n").append("Step ").append(i + 1).append(": ").append(steps.get(i));
        }
        return "<think>" + think + "</think><answer>" + answer + "</answer>";
    }

    /**
     * The words of one fact. When this writer gives boxes, an identifying fact names the object by its label
     * and its box ("the coffee table at {@code <obj>...</obj>}"): its colour is for a later step to perceive.
     */
    private String say(SceneGraph g, Fact f, Phrasing w) {
        if (boxes == null || !(f instanceof Fact.Identifies i)) {
            return FactWords.say(g, f, w);
        }
        RoomObject o = g.object(i.id()).orElseThrow();
        return FactWords.identifies(i, o.label() + " at " + boxes.encode(o.box()));
    }

    /** The example's target, its other targets, then every object its facts name: each once, in that order. */
    private static java.util.Set<Integer> looked(Example e) {
        java.util.Set<Integer> ids = new java.util.LinkedHashSet<>();
        ids.add(e.target());
        ids.addAll(e.targets());
        e.facts().forEach(f -> ids.addAll(f.objects()));
        ids.remove(0);
        return ids;
    }
}
