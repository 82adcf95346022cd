package io.r1kit.cot.tasks;

import io.r1kit.scene.gen.Category;
import io.r1kit.scene.gen.Colour;
import io.r1kit.scene.gen.Direction;
import io.r1kit.scene.gen.GeneratedRoom;
import io.r1kit.scene.gen.RoomObject;
import io.r1kit.scene.gen.SceneGraph;
import io.r1kit.task.Task;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fact accuracy on the generated examples of many rooms: right answers score 1, wrong ones 0, however fluent. */
class FactAccuracyTest {

    private static final int ROOMS = 40;

    @Test
    void everyAnswerScoresOneAgainstItselfAndContradictsNoneOfItsFacts() {
        Map<String, int[]> perTask = new TreeMap<>(); // examples, examples with an accountable fact
        each((g, e) -> {
            String key = e.task() + (e.type() == null ? "" : "/" + e.type());
            List<Fact> accountable = FactAccuracy.accountable(e, g);
            int[] n = perTask.computeIfAbsent(key, k -> new int[2]);
            n[0]++;
            n[1] += accountable.isEmpty() ? 0 : 1;
            if (!accountable.isEmpty()) {
                assertEquals(1.0, FactAccuracy.of(e, g, e.answer()).accuracy(), e::toString);
                assertEquals(1.0, FactAccuracy.of(e, g, e.fullAnswer()).accuracy(), e::toString);
            }
            for (Fact f : e.facts()) {
                assertNotEquals(FactCheck.Verdict.CONTRADICTED, FactCheck.check(g, f, e.answer()), () -> f + " in " + e);
                assertNotEquals(FactCheck.Verdict.CONTRADICTED, FactCheck.check(g, f, e.fullAnswer()), () -> f + " in " + e);
            }
            if (e.type() != null) {
                Class<?> key1 = switch (e.type()) {
                    case COUNT -> Fact.Count.class;
                    case COLOUR -> Fact.ColourOf.class;
                    case EXISTENCE -> Fact.Exists.class;
                    case LOCATION -> accountable.isEmpty() ? Fact.Support.class : accountable.get(0).getClass();
                    case RELATION -> Fact.AllRelated.class;
                    case FUNCTION -> Fact.Purpose.class;
                };
                assertTrue(accountable.stream().anyMatch(key1::isInstance), () -> e + " does not state its " + key1.getSimpleName());
            }
        });
        perTask.forEach((k, n) -> System.out.printf("fact accuracy: %-16s %4d of %4d examples have accountable facts%n", k, n[1], n[0]));
        perTask.forEach((k, n) -> {
            if (k.startsWith("GROUNDING")) {
                assertEquals(0, n[1], "a box states no fact (grounding is scored by IoU)");
            } else {
                assertTrue(n[1] >= (k.startsWith("QA") ? n[0] : 0.9 * n[0]), k + ": " + n[1] + " of " + n[0]);
            }
        });
    }

    @Test
    void wrongShortAnswersAreContradictedAndParaphrasesStated() {
        int[] tried = new int[QuestionType.values().length];
        each((g, e) -> {
            if (e.type() == null) {
                return;
            }
            tried[e.type().ordinal()]++;
            RoomObject o = g.object(e.target()).orElse(null); // none for "is there a sink?" in a room without one
            switch (e.type()) {
                case COLOUR -> {
                    Colour wrong = Arrays.stream(Colour.values()).filter(c -> g.objects(o.label(), c).isEmpty()).findFirst().orElseThrow();
                    wrong(e, g, wrong.word(), "The " + o.label() + " is " + wrong.word() + ".",
                            "It is " + Phrasing.article(wrong.word() + " " + o.label()) + " " + o.function() + ".");
                    right(e, g, "It's " + o.colour().word() + ".", "The " + o.label() + " is " + o.colour().word() + ".");
                }
                case COUNT -> {
                    int n = g.count(o.label());
                    wrong(e, g, Phrasing.number(n + 1), Integer.toString(n - 1), "There are " + (n + 1) + " " + Phrasing.plural(o.label()) + ".");
                    right(e, g, Integer.toString(n), "There " + (n == 1 ? "is " : "are ") + Phrasing.counted(n, o.label()) + ".");
                }
                case EXISTENCE -> {
                    boolean yes = e.answer().equals("yes");
                    wrong(e, g, yes ? "no" : "yes", yes ? "No, there isn't." : "Yes, there is.");
                    right(e, g, yes ? "Yes, there is." : "No, there isn't.", yes ? "Yes." : "No.");
                }
                case LOCATION -> {
                    Fact place = FactAccuracy.accountable(e, g).get(0);
                    String other = place instanceof Fact.AgainstWall a ? "against " + Locator.wall(a.wall().opposite(), new Phrasing(1))
                            : o.isSupported() ? "on the floor" : "against the far wall";
                    wrong(e, g, other, "It is " + other + ".");
                    right(e, g, "It is " + e.answer() + ".");
                }
                case FUNCTION -> {
                    String other = o.label().equals("bed") ? Category.STOVE.function() : Category.BED.function();
                    wrong(e, g, other, "The " + o.label() + " is " + other + ".");
                    right(e, g, "It is used " + o.function() + ".");
                }
                case RELATION -> {
                    Fact.AllRelated a = (Fact.AllRelated) FactAccuracy.accountable(e, g).get(0);
                    RoomObject extra = g.objects().stream().filter(x -> x.id() != a.anchor() && !a.subjects().contains(x.id()))
                            .filter(x -> g.objects(x.label(), x.colour()).size() == 1).findFirst().orElseThrow();
                    wrong(e, g, e.answer() + " and " + Phrasing.article(extra.name()), "nothing");
                }
            }
        });
        assertTrue(Arrays.stream(tried).allMatch(n -> n >= 20), Arrays.toString(tried));
    }

    @Test
    void planWithWrongPlacesOrObjectsLosesThoseFacts() {
        int[] tried = new int[2];
        each((g, e) -> {
            if (e.task() != Task.PLANNING) {
                return;
            }
            for (Fact f : FactAccuracy.accountable(e, g)) {
                if (f instanceof Fact.AgainstWall a) {
                    RoomObject o = g.object(a.id()).orElseThrow();
                    Direction other = a.wall().opposite();
                    if (g.objects(o.label(), o.colour()).stream().noneMatch(x -> x.wall() == other)) {
                        String bad = e.answer().replaceFirst("(the " + o.name() + ") (against|along|by|in) the [a-z ]+", "$1 against "
                                + Locator.wall(other, new Phrasing(2)));
                        assertEquals(FactCheck.Verdict.CONTRADICTED, FactCheck.check(g, f, bad), bad);
                        assertTrue(FactAccuracy.of(e, g, bad).accuracy() < 1, bad);
                        tried[0]++;
                    }
                }
                if (f instanceof Fact.Support s && s.supportId() == 0) {
                    RoomObject o = g.object(s.id()).orElseThrow();
                    RoomObject table = g.objects().stream().filter(x -> x.category().role() == Category.Role.SUPPORT && x != o)
                            .filter(x -> g.objects(x.label(), x.colour()).size() == 1).findFirst().orElse(null);
                    if (table != null) {
                        String bad = e.answer().replaceFirst("(the " + o.name() + ") [a-z -]*on the floor", "$1 on the " + table.name());
                        assertEquals(FactCheck.Verdict.CONTRADICTED, FactCheck.check(g, f, bad), bad);
                        tried[1]++;
                    }
                }
                int id = f instanceof Fact.AgainstWall a ? a.id() : ((Fact.Support) f).id();
                String name = g.object(id).orElseThrow().name();
                String other = Arrays.stream(Category.values()).map(Category::label).filter(l -> g.count(l) == 0).findFirst().orElseThrow();
                String wrongObject = e.answer().replace("the " + name + " ", "the " + other + " ");
                assertEquals(FactCheck.Verdict.ABSENT, FactCheck.check(g, f, wrongObject), wrongObject);
                assertTrue(FactAccuracy.of(e, g, wrongObject).accuracy() < 1, wrongObject);
            }
        });
        assertTrue(tried[0] >= 20 && tried[1] >= 10, Arrays.toString(tried));
    }

    /** Only the function facts survive ("the desk has a flat top for working at" names no colour); every place and relation is lost. */
    @Test
    void fluentReasoningWithEveryColourWrongScoresLow() {
        FactAccuracy.Score[] right = {FactAccuracy.Score.NONE};
        FactAccuracy.Score[] swapped = {FactAccuracy.Score.NONE, FactAccuracy.Score.NONE}; // places and relations, functions
        each((g, e) -> {
            if (e.task() != Task.REASONING) {
                return;
            }
            StringBuilder bad = new StringBuilder();
            for (String w : e.answer().split("(?<=\\W)|(?=\\W)")) {
                Colour c = Arrays.stream(Colour.values()).filter(x -> x.word().equals(w)).findFirst().orElse(null);
                bad.append(c == null ? w : Colour.values()[(c.ordinal() + 1) % Colour.values().length].word());
            }
            right[0] = right[0].plus(FactAccuracy.of(e, g, e.answer()));
            for (Fact f : FactAccuracy.accountable(e, g)) {
                FactCheck.Verdict v = FactCheck.check(g, f, bad.toString());
                int k = f instanceof Fact.Purpose ? 1 : 0;
                swapped[k] = swapped[k].plus(new FactAccuracy.Score(1, v == FactCheck.Verdict.STATED ? 1 : 0,
                        v == FactCheck.Verdict.CONTRADICTED ? 1 : 0));
            }
        });
        FactAccuracy.Score all = swapped[0].plus(swapped[1]);
        System.out.println("fact accuracy, reasoning: right " + right[0] + "; every colour wrong " + all
                + " (places and relations " + swapped[0] + ", functions " + swapped[1] + ")");
        assertEquals(1.0, right[0].accuracy());
        assertTrue(right[0].considered() >= 100, right[0].toString());
        assertEquals(0, swapped[0].stated(), swapped[0].toString());
        assertTrue(swapped[0].contradicted() >= 0.9 * swapped[0].considered(), swapped[0].toString());
        assertTrue(all.accuracy() < 0.3, all.toString());
    }

    @Test
    void emptyAnswersScoreZeroAndScoresPool() {
        FactAccuracy.Score[] total = {FactAccuracy.Score.NONE};
        each((g, e) -> {
            FactAccuracy.Score s = FactAccuracy.of(e, g, "");
            assertEquals(new FactAccuracy.Score(FactAccuracy.accountable(e, g).size(), 0, 0), s);
            total[0] = total[0].plus(s);
        });
        assertEquals(0.0, total[0].accuracy());
        assertTrue(Double.isNaN(FactAccuracy.Score.NONE.accuracy()));
        assertEquals(0.75, new FactAccuracy.Score(2, 2, 0).plus(new FactAccuracy.Score(2, 1, 1)).accuracy());
    }

    @Test
    void handWrittenPlanLosesTheFactsItGetsWrong() {
        SceneGraph g = FactCheckTest.OFFICE;
        String plan = "1. go to the black desk along the far wall. 2. pull out the brown chair free-standing on the floor. "
                + "3. switch on the grey monitor on the black desk. 4. start working.";
        Example e = new Example("office-test", Task.PLANNING, null, "### human: I want to work. ### assistant:", plan, plan,
                List.of(2, 3, 4), List.of(new Fact.AgainstWall(2, Direction.NORTH), new Fact.Support(3, 0), new Fact.Support(4, 2)));
        assertEquals(new FactAccuracy.Score(3, 3, 0), FactAccuracy.of(e, g, plan));
        assertEquals(new FactAccuracy.Score(3, 3, 0), FactAccuracy.of(e, g, "1. Go to the black desk by the wall opposite the door. "
                + "2. Pull out the brown chair on the floor. 3. Turn on the grey monitor on top of the desk. 4. Work."));
        assertEquals(new FactAccuracy.Score(3, 2, 1), FactAccuracy.of(e, g, plan.replace("chair free-standing on the floor",
                "chair on the black desk")));
        assertEquals(new FactAccuracy.Score(3, 2, 1), FactAccuracy.of(e, g, plan.replace("along the far wall", "along the left wall")));
        assertEquals(new FactAccuracy.Score(3, 2, 0), FactAccuracy.of(e, g, plan.replace("go to the black desk", "go to the white bookshelf")));
        assertEquals(new FactAccuracy.Score(3, 0, 0), FactAccuracy.of(e, g, "1. go to the kitchen. 2. cook dinner."));
    }

    private static void wrong(Example e, SceneGraph g, String... answers) {
        for (String a : answers) {
            FactAccuracy.Score s = FactAccuracy.of(e, g, a);
            assertEquals(0.0, s.accuracy(), () -> "\"" + a + "\" for " + e);
            assertTrue(s.contradicted() > 0, () -> "\"" + a + "\" for " + e);
        }
    }

    private static void right(Example e, SceneGraph g, String... answers) {
        for (String a : answers) {
            assertEquals(1.0, FactAccuracy.of(e, g, a).accuracy(), () -> "\"" + a + "\" for " + e);
        }
    }

    private static void each(BiConsumer<SceneGraph, Example> check) {
        List<GeneratedRoom> rooms = new ArrayList<>(Rooms.first(ROOMS));
        for (int i = 0; i < rooms.size(); i++) {
            for (Example e : InstructionGenerator.generate(rooms.get(i), i)) {
                check.accept(rooms.get(i).graph(), e);
            }
        }
    }
}
