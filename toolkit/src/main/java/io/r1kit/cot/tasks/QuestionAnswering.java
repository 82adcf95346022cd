package io.r1kit.cot.tasks;

import io.r1kit.scene.gen.Category;
import io.r1kit.scene.gen.Predicate;
import io.r1kit.scene.gen.ReferringExpression;
import io.r1kit.scene.gen.RoomObject;
import io.r1kit.task.Task;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Question answering (ScanQA style) with the paper's mix of question types: count, colour,
 * existence, location, spatial relation and function. The short answer is what ScanQA stores;
 * the full answer restates it with the evidence, as a reasoning reply would.
 */
public final class QuestionAnswering {

    /** Questions tried per type and scene. */
    static final int PER_TYPE = 2;

    private QuestionAnswering() {}

    public static List<Example> generate(SceneContext c) {
        List<Example> out = new ArrayList<>();
        for (QuestionType t : QuestionType.values()) {
            for (int i = 0; i < PER_TYPE; i++) {
                ask(c, t).filter(e -> out.stream().noneMatch(x -> x.question().equals(e.question()))).ifPresent(out::add);
            }
        }
        return out;
    }

    /** One question of type {@code t}, or empty when the scene offers none. */
    public static Optional<Example> ask(SceneContext c, QuestionType t) {
        return switch (t) {
            case COUNT -> count(c);
            case COLOUR -> colour(c);
            case EXISTENCE -> existence(c);
            case LOCATION -> location(c);
            case RELATION -> relation(c);
            case FUNCTION -> function(c);
        };
    }

    private static Optional<Example> count(SceneContext c) {
        Phrasing w = c.words();
        Map<String, Integer> counts = c.graph().labelCounts();
        String label = w.pick(new ArrayList<>(counts.keySet()));
        List<RoomObject> objs = c.graph().objects(label);
        String plural = Phrasing.plural(label);
        String q = w.pick("How many " + plural + " are in the room?", "How many " + plural + " are there?",
                "Count the " + plural + " in this " + c.room() + ".", "What is the number of " + plural + " here?");
        List<Fact> facts = new ArrayList<>(List.of(new Fact.Count(label, null, objs.size())));
        List<String> each = new ArrayList<>();
        for (RoomObject o : objs) {
            Locator.Place p = Locator.place(c.graph(), o, w);
            each.add("the " + o.name() + " " + p.words());
            facts.add(p.fact());
        }
        String full = "There " + (objs.size() == 1 ? "is " : "are ") + Phrasing.counted(objs.size(), label) + " in the "
                + c.room() + ": " + Phrasing.join(each) + ".";
        return Optional.of(qa(c, QuestionType.COUNT, q, Phrasing.number(objs.size()), full, objs, facts));
    }

    private static Optional<Example> colour(SceneContext c) {
        Phrasing w = c.words();
        RoomObject o = w.pick(c.graph().objects());
        Optional<ReferringExpression> e = Referrer.unique(c.graph(), o, w.chance(0.5), false, w);
        if (e.isEmpty()) {
            return Optional.empty();
        }
        Locator.Place p = Locator.place(c.graph(), o, w);
        String q = w.pick("What colour is " + e.get().text() + "?", "What is the colour of " + e.get().text() + "?",
                "Which colour does " + e.get().text() + " have?");
        String full = Phrasing.capitalise(e.get().text()) + " is " + o.colour().word() + ". It is the " + o.material().word()
                + " " + o.label() + " " + p.words() + ", " + o.function() + ".";
        return Optional.of(qa(c, QuestionType.COLOUR, q, o.colour().word(), full, List.of(o),
                List.of(new Fact.Identifies(e.get(), o.id()), new Fact.ColourOf(o.id(), o.colour()),
                        new Fact.MaterialOf(o.id(), o.material()), new Fact.Purpose(o.id(), o.function()), p.fact())));
    }

    private static Optional<Example> existence(SceneContext c) {
        Phrasing w = c.words();
        TreeSet<String> absent = new TreeSet<>(Arrays.stream(Category.values()).map(Category::label).toList());
        absent.removeAll(c.graph().labelCounts().keySet());
        boolean present = absent.isEmpty() || w.chance(0.5);
        String label = present ? w.pick(new ArrayList<>(c.graph().labelCounts().keySet())) : w.pick(new ArrayList<>(absent));
        String q = w.pick("Is there " + Phrasing.article(label) + " in this room?", "Does the " + c.room() + " have "
                + Phrasing.article(label) + "?", "Can you see " + Phrasing.article(label) + " here?");
        List<Fact> facts = new ArrayList<>(List.of(new Fact.Exists(label, present)));
        String full;
        List<RoomObject> objs = c.graph().objects(label);
        if (present) {
            RoomObject o = objs.get(0);
            Locator.Place p = Locator.place(c.graph(), o, w);
            facts.add(new Fact.Count(label, null, objs.size()));
            facts.add(p.fact());
            full = "Yes, there " + (objs.size() == 1 ? "is " : "are ") + Phrasing.counted(objs.size(), label) + " in the "
                    + c.room() + "; " + (objs.size() == 1 ? "it is " : "one of them is ") + Phrasing.article(o.name()) + " "
                    + p.words() + ".";
        } else {
            List<String> others = new ArrayList<>(c.graph().labelCounts().keySet());
            List<String> named = others.subList(0, Math.min(3, others.size()));
            named.forEach(l -> facts.add(new Fact.Count(l, null, c.graph().count(l))));
            full = "No, there is no " + label + " in this " + c.room() + ". The room does hold "
                    + Phrasing.join(named.stream().map(l -> Phrasing.counted(c.graph().count(l), l)).toList()) + ".";
        }
        return Optional.of(qa(c, QuestionType.EXISTENCE, q, present ? "yes" : "no", full, objs, facts));
    }

    /** An object drawn at random, an expression that names it alone, and where it stands. */
    private record Named(RoomObject o, ReferringExpression e, Locator.Place place) {}

    private static Optional<Named> named(SceneContext c) {
        Phrasing w = c.words();
        RoomObject o = w.pick(c.graph().objects());
        return Referrer.unique(c.graph(), o, false, w).map(e -> new Named(o, e, Locator.place(c.graph(), o, w)));
    }

    private static Optional<Example> location(SceneContext c) {
        return named(c).map(n -> location(c, n.o(), n.e(), n.place()));
    }

    /**
     * "Where is ...?": the short answer is the place in its one canonical wording ("against the left wall",
     * "on the desk", "on the floor"), since exact match cannot tell "along the wall on the left as you come
     * in" from "against the left wall"; the full answer keeps the varied wording drawn with the object.
     */
    private static Example location(SceneContext c, RoomObject o, ReferringExpression e, Locator.Place p) {
        Phrasing w = c.words();
        String answer = Locator.place(c.graph(), o, Phrasing.canonical()).words();
        List<Fact> facts = new ArrayList<>(List.of(new Fact.Identifies(e, o.id()), p.fact()));
        String q = w.pick("Where is " + e.text() + "?", "Where can I find " + e.text() + "?",
                "Where in the " + c.room() + " is " + e.text() + "?");
        StringBuilder full = new StringBuilder(Phrasing.capitalise(e.text()) + " is " + p.words() + ".");
        List<RoomObject> near = c.related(Predicate.NEXT_TO, o.id());
        if (!near.isEmpty()) {
            full.append(" It stands next to the ").append(near.get(0).name()).append('.');
            facts.add(new Fact.Holds(o.id(), Predicate.NEXT_TO, near.get(0).id()));
        }
        return qa(c, QuestionType.LOCATION, q, answer, full.toString(), List.of(o), facts);
    }

    private static Optional<Example> relation(SceneContext c) {
        Phrasing w = c.words();
        RoomObject anchor = w.pick(c.graph().objects());
        Predicate pred = w.pick(Predicate.ON, Predicate.NEXT_TO, Predicate.LEFT_OF, Predicate.RIGHT_OF);
        List<RoomObject> subjects = c.related(pred, anchor.id());
        Optional<ReferringExpression> e = Referrer.unique(c.graph(), anchor, false, w);
        if (subjects.isEmpty() || e.isEmpty()) {
            return Optional.empty();
        }
        String words = SceneContext.relation(pred);
        String q = w.pick("What is " + words + " " + e.get().text() + "?", "What can be found " + words + " "
                + e.get().text() + "?", "Which objects are " + words + " " + e.get().text() + "?");
        String answer = Phrasing.join(subjects.stream().map(s -> Phrasing.article(s.name())).toList());
        String full = Phrasing.capitalise(answer) + (subjects.size() == 1 ? " is " : " are ") + words + " "
                + e.get().text() + ", which stands " + Locator.place(c.graph(), anchor, w).words() + ".";
        List<Fact> facts = List.of(new Fact.Identifies(e.get(), anchor.id()),
                new Fact.AllRelated(pred, anchor.id(), subjects.stream().map(RoomObject::id).toList()),
                Locator.place(c.graph(), anchor, w).fact());
        List<RoomObject> targets = new ArrayList<>(subjects);
        targets.add(anchor);
        return Optional.of(qa(c, QuestionType.RELATION, q, answer, full, targets, facts));
    }

    private static Optional<Example> function(SceneContext c) {
        return named(c).map(n -> function(c, n.o(), n.e(), n.place()));
    }

    private static Example function(SceneContext c, RoomObject o, ReferringExpression e, Locator.Place p) {
        Phrasing w = c.words();
        String q = w.pick("What is " + e.text() + " for?", "What can " + e.text() + " be used for?",
                "What would someone use " + e.text() + " for?");
        String full = Phrasing.capitalise(e.text()) + " is " + o.function() + ". It is "
                + Phrasing.article(o.colour().word() + " " + o.material().word() + " " + o.label()) + " " + p.words() + ".";
        return qa(c, QuestionType.FUNCTION, q, o.function(), full, List.of(o),
                List.of(new Fact.Identifies(e, o.id()), new Fact.Purpose(o.id(), o.function()),
                        new Fact.ColourOf(o.id(), o.colour()), new Fact.MaterialOf(o.id(), o.material()), p.fact()));
    }

    private static Example qa(SceneContext c, QuestionType t, String q, String answer, String full, List<RoomObject> targets,
                              List<Fact> facts) {
        return new Example(c.sceneId(), Task.QA, t, q, answer, full, targets.stream().map(RoomObject::id).toList(), facts);
    }
}
