package io.r1kit.facade;

import io.r1kit.Excerpt;
import io.r1kit.cot.tasks.DenseCaptions;
import io.r1kit.cot.tasks.Example;
import io.r1kit.cot.tasks.InstructionGenerator;
import io.r1kit.cot.tasks.Queries;
import io.r1kit.cot.tasks.SceneContext;
import io.r1kit.reward.RewardSet;
import io.r1kit.reward.RewardTarget;
import io.r1kit.reward.RewardTargets;
import io.r1kit.scene.Scene;
import io.r1kit.scene.SceneObject;
import io.r1kit.scene.gen.GeneratedRoom;
import io.r1kit.scene.gen.ReferringExpression;
import io.r1kit.scene.gen.Relation;
import io.r1kit.scene.gen.RoomObject;
import io.r1kit.scene.gen.SceneGraph;
import io.r1kit.scene.gen.RoomSpec;
import io.r1kit.task.BoxCodec;
import io.r1kit.task.Task;
import io.r1kit.train.grpo.ExampleTargets;
import io.r1kit.train.grpo.GrpoRewards;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an answer is scored against ({@link R1Answer#rewards()}), and with which rewards: the built-in rewards
 * of GRPO that fit the task ({@link GrpoRewards}: format; perception for a box; semantic for a text; the
 * verifiable {@code answer} for QA and dialogue and {@code facts} against the room's scene graph), each left
 * out where the target lacks what it needs.
 *
 * <p>The truth of a generated room is the data engine's example that asks the same question (compared word by
 * word, case and punctuation aside; a grounding question by its referring expression, so "the lamp" matches
 * "Find the lamp."); a grounding question none asks still has a truth when its expression, read as the engine
 * words them, describes one object of the room's scene graph. Anything else needs the truth given
 * ({@link #given}).
 */
final class AnswerTruth {

    /** The target, the rewards that score against it, and what the target is, in words. */
    record Found(String source, RewardTarget target, RewardSet rewards) {}

    private AnswerTruth() {}

    /** The truth of the answer's scene. */
    static Found of(R1Answer a) {
        Task t = a.task();
        Scene scene = a.scene().objects().scene();
        GeneratedRoom room = a.scene().room().orElse(null);
        if (room != null) {
            long seed = RoomSpec.ofSceneId(room.scene().id()).map(RoomSpec::seed).orElse(0L);
            SceneContext c = InstructionGenerator.context(room, seed);
            String asked = key(t, a.question() == null ? "" : a.question(), c);
            List<Example> examples = t == Task.DENSE_CAPTION ? List.of(DenseCaptions.room(c, Integer.MAX_VALUE))
                    : InstructionGenerator.generate(room, seed).stream().filter(e -> e.task() == t).toList();
            for (Example e : examples) {
                if (key(t, Queries.of(e, c).text(), c).equals(asked) && earlierTurns(e, c) == 0) {
                    String what = t == Task.GROUNDING ? room.graph().object(e.target()).map(o -> o.label() + " "
                            + o.id()).orElse("?") : "reference \"" + Excerpt.words(e.answer(), 70) + "\"";
                    return new Found("the data engine's " + t.slug() + " example of " + room.scene().id() + " ("
                            + what + ")", ExampleTargets.of(e, room.scene()),
                            new GrpoRewards().set(names(t, true), e, room.graph()));
                }
            }
            if (t != Task.GROUNDING) {
                throw new IllegalArgumentException(room.scene().id() + " has no " + t.slug() + " example asking \""
                        + Excerpt.words(a.question(), 70) + "\"" + suggestions(examples, c) + "; or give the truth (--gt TEXT)");
            }
            RoomObject o = described(room.graph(), asked, a.question(), c);
            return new Found(o.label() + " " + o.id() + " of " + a.scene().name() + ", the one object \""
                    + Excerpt.words(a.question(), 70) + "\" describes", RewardTargets.ofObject(scene, o.id(), null),
                    new GrpoRewards().set(names(t, false)));
        }
        throw new IllegalArgumentException(a.scene().name() + " is no generated room, so its truth for " + t.slug()
                + " is unknown: give the " + (t == Task.GROUNDING ? "object meant (--gt ID)" : "reference answer (--gt TEXT)"));
    }

    /**
     * The truth given as {@code gt}: for grounding an object id of the scene or an {@code <obj>} box read over the
     * scene's bounds; for the other tasks the reference answer.
     */
    static Found given(R1Answer a, String gt) {
        if (gt == null || gt.isBlank()) {
            throw new IllegalArgumentException("the truth is empty: give a reference answer, or for grounding an object id");
        }
        Task t = a.task();
        Scene scene = a.scene().objects().scene();
        String text = gt.strip();
        RewardTarget target;
        String source;
        if (t == Task.GROUNDING) {
            if (text.matches("-?\\d+")) {
                SceneObject o = a.scene().object(Integer.parseInt(text));
                target = RewardTargets.ofObject(scene, o.id(), null);
                source = o.label() + " " + o.id() + " of " + a.scene().name();
            } else if (text.startsWith("<obj>")) {
                target = RewardTarget.ofBox(new BoxCodec(scene.bounds()).decode(text), scene.bounds());
                source = "the box " + text;
            } else {
                throw new IllegalArgumentException("grounding is scored on a box: --gt takes an object id of "
                        + a.scene().name() + " or a box <obj>cx, cy, cz, w, h, l</obj>, got \"" + Excerpt.words(text, 70) + "\"");
            }
        } else {
            target = RewardTargets.forTask(t, text, null, null);
            source = "the reference \"" + Excerpt.words(text, 70) + "\"";
        }
        return new Found(source, target, new GrpoRewards().set(names(t, false)));
    }

    /** The built-in rewards of a task, {@code facts} only with an example to check against. */
    static List<String> names(Task t, boolean facts) {
        List<String> names = new ArrayList<>(List.of("format"));
        if (t == Task.GROUNDING || t == Task.REASONING) {
            names.add("perception");
        }
        if (t != Task.GROUNDING) {
            names.add("semantic");
        }
        if (t == Task.QA || t == Task.DIALOGUE) {
            names.add("answer");
        }
        if (facts && t != Task.GROUNDING) {
            names.add("facts");
        }
        if (facts && t == Task.DENSE_CAPTION) {
            names.add("captions");
        }
        return names;
    }

    /**
     * The one object of the room's graph that the referring expression {@code asked} describes: the expression
     * is read as the data engine writes them (label, colour and label, either related to an anchor that is
     * itself so named) and resolved over the graph's relations ({@link SceneGraph#resolve}).
     */
    private static RoomObject described(SceneGraph g, String asked, String question, SceneContext c) {
        Set<Integer> found = new TreeSet<>();
        for (RoomObject o : g.objects()) {
            for (ReferringExpression e : expressions(g, o)) {
                if (key(Task.GROUNDING, e.text(), c).equals(asked)) {
                    g.resolve(e).forEach(x -> found.add(x.id()));
                }
            }
        }
        if (found.size() == 1) {
            return g.object(found.iterator().next()).orElseThrow();
        }
        throw new IllegalArgumentException("\"" + Excerpt.words(question, 70) + "\" " + (found.isEmpty()
                ? "describes no object of the room as the data engine words them"
                : "describes " + found.size() + " objects of the room (ids " + found + ")")
                + ": give the one meant (--gt ID)");
    }

    /** The expressions of {@code o}: its label, with its colour, and each related to an anchor by label or colour. */
    private static List<ReferringExpression> expressions(SceneGraph g, RoomObject o) {
        List<ReferringExpression> heads = List.of(ReferringExpression.of(o.label()),
                ReferringExpression.of(o.label()).withColour(o.colour()));
        List<ReferringExpression> out = new ArrayList<>(heads);
        for (Relation r : g.relationsOf(o.id())) {
            RoomObject anchor = g.object(r.object()).orElseThrow();
            for (ReferringExpression head : heads) {
                out.add(head.related(r.predicate(), ReferringExpression.of(anchor.label())));
                out.add(head.related(r.predicate(), ReferringExpression.of(anchor.label()).withColour(anchor.colour())));
            }
        }
        return out;
    }

    /** The words of a question as it is compared; a grounding question keeps only its referring expression. */
    static String key(Task t, String text, SceneContext c) {
        String k = String.join(" ", text.toLowerCase(Locale.ROOT).replace("colour", "color").split("[^a-z0-9]+")).strip();
        if (t != Task.GROUNDING) {
            return k;
        }
        for (String prefix : List.of("find ", "locate ", "where is ", "point out ")) {
            if (k.startsWith(prefix)) {
                k = k.substring(prefix.length());
            }
        }
        for (String suffix : List.of(" give its box", " in the " + c.room())) {
            if (k.endsWith(suffix)) {
                k = k.substring(0, k.length() - suffix.length());
            }
        }
        return k;
    }

    private static int earlierTurns(Example e, SceneContext c) {
        return Queries.of(e, c).earlier().size();
    }

    private static String suggestions(List<Example> examples, SceneContext c) {
        List<String> asked = examples.stream().filter(e -> earlierTurns(e, c) == 0).limit(3)
                .map(e -> "\"" + Excerpt.words(Queries.of(e, c).text(), 70) + "\"").toList();
        return asked.isEmpty() ? "" : " (it asks e.g. " + String.join(", ", asked) + ")";
    }
}
