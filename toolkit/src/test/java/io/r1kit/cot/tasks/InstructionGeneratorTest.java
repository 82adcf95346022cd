package io.r1kit.cot.tasks;

import io.r1kit.cot.Split;
import io.r1kit.scene.Box3;
import io.r1kit.scene.gen.GeneratedRoom;
import io.r1kit.scene.gen.RoomObject;
import io.r1kit.scene.gen.SceneGraph;
import io.r1kit.task.BoxCodec;
import io.r1kit.task.Task;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every generated answer, re-checked against the scene graph on many rooms. */
class InstructionGeneratorTest {

    private static final int ROOMS = 24;

    @Test
    void everyFactOfEveryExampleHoldsInItsGraph() {
        Map<Task, Integer> perTask = new EnumMap<>(Task.class);
        Set<QuestionType> types = EnumSet.noneOf(QuestionType.class);
        for (GeneratedRoom room : Rooms.first(ROOMS)) {
            SceneGraph g = room.graph();
            for (Example e : InstructionGenerator.generate(room, 11)) {
                perTask.merge(e.task(), 1, Integer::sum);
                if (e.type() != null) {
                    types.add(e.type());
                }
                assertTrue(!e.facts().isEmpty(), e.toString());
                for (Fact f : e.facts()) {
                    assertTrue(FactChecker.holds(g, f), room.scene().id() + ": " + f + " is false for " + e);
                }
                for (int id : e.targets()) {
                    assertTrue(g.object(id).isPresent(), e.toString());
                }
                textAgreesWithFacts(g, e);
            }
        }
        assertEquals(EnumSet.allOf(Task.class), perTask.keySet(), perTask.toString());
        assertEquals(EnumSet.allOf(QuestionType.class), types);
    }

    /** The words of the answer say what the facts say: counts, colours, related objects, referring expressions. */
    private static void textAgreesWithFacts(SceneGraph g, Example e) {
        for (Fact f : e.facts()) {
            if (f instanceof Fact.Count c && e.type() == QuestionType.COUNT) {
                assertEquals(Phrasing.number(c.n()), e.answer(), e.toString());
                assertTrue(e.fullAnswer().contains(Phrasing.counted(c.n(), c.label())), e.toString());
            } else if (f instanceof Fact.ColourOf c && e.type() == QuestionType.COLOUR) {
                assertEquals(c.colour().word(), e.answer());
            } else if (f instanceof Fact.Exists x && e.type() == QuestionType.EXISTENCE) {
                assertEquals(x.present() ? "yes" : "no", e.answer());
            } else if (f instanceof Fact.AllRelated a) {
                for (int id : a.subjects()) {
                    assertTrue(e.fullAnswer().contains(g.object(id).orElseThrow().name()), e.toString());
                }
                if (a.subjects().isEmpty()) {
                    assertTrue(e.fullAnswer().startsWith("Nothing"), e.toString());
                }
            } else if (f instanceof Fact.Identifies i && e.task() != Task.DENSE_CAPTION) {
                assertTrue(e.question().contains(i.expression().text()), e.toString());
            } else if (f instanceof Fact.Purpose p && e.type() == QuestionType.FUNCTION) {
                assertEquals(p.function(), e.answer());
            }
        }
    }

    @Test
    void groundingAnswersAreTheTargetBoxWithinHalfAGridStep() {
        for (GeneratedRoom room : Rooms.first(6)) {
            BoxCodec codec = new BoxCodec(room.scene().bounds());
            double[] half = codec.halfStep();
            List<Example> grounding = InstructionGenerator.generate(room, 3).stream()
                    .filter(e -> e.task() == Task.GROUNDING || e.task() == Task.DENSE_CAPTION).toList();
            assertTrue(grounding.size() >= room.graph().objects().size(), room.scene().id());
            for (Example e : grounding) {
                Box3 truth = room.graph().object(e.target()).orElseThrow().box();
                Box3 got = codec.decodeAll(e.task() == Task.GROUNDING ? e.answer() : e.question()).get(0);
                assertTrue(Math.abs(got.cx() - truth.cx()) <= half[0] + 1e-4 && Math.abs(got.dy() - truth.dy()) <= half[1] + 1e-4
                        && Math.abs(got.cz() - truth.cz()) <= half[2] + 1e-4, e + " decodes to " + got);
            }
        }
    }

    @Test
    void sameSeedSameExamplesOtherSeedOtherWords() {
        GeneratedRoom room = Rooms.first(1).get(0);
        assertEquals(InstructionGenerator.generate(room, 5), InstructionGenerator.generate(room, 5));
        assertNotEquals(InstructionGenerator.generate(room, 5).stream().map(Example::question).toList(),
                InstructionGenerator.generate(room, 6).stream().map(Example::question).toList());
    }

    @Test
    void phrasingVaries() {
        Set<String> countOpenings = new HashSet<>();
        for (GeneratedRoom room : Rooms.first(ROOMS)) {
            InstructionGenerator.generate(room, 1).stream().filter(e -> e.type() == QuestionType.COUNT)
                    .forEach(e -> countOpenings.add(e.question().split(" ")[0] + " " + e.question().split(" ")[1]));
        }
        assertTrue(countOpenings.size() >= 3, countOpenings.toString());
    }

    @Test
    void dialoguesReferBackToTheirObject() {
        for (GeneratedRoom room : Rooms.first(4)) {
            List<Example> turns = InstructionGenerator.generate(room, 2).stream().filter(e -> e.task() == Task.DIALOGUE).toList();
            assertEquals(6, turns.size());
            Example second = turns.get(1);
            assertTrue(second.question().startsWith(turns.get(0).question() + " " + turns.get(0).answer() + " ### human: "),
                    second.question());
            String last = second.question().substring(second.question().lastIndexOf("### human:"));
            assertTrue(last.matches(".*\\b(it|that one)\\b.*"), last);
            RoomObject o = room.graph().object(second.target()).orElseThrow();
            assertTrue(turns.get(0).answer().contains(o.name()), turns.get(0).answer());
        }
    }

    @Test
    void splitsGoByScene() {
        Map<Split, Integer> n = new EnumMap<>(Split.class);
        for (int i = 0; i < 400; i++) {
            n.merge(Split.of("office-" + i, 9), 1, Integer::sum);
        }
        assertTrue(n.get(Split.TRAIN) > 280 && n.get(Split.VAL) > 20 && n.get(Split.TEST) > 20, n.toString());
        assertEquals(Split.of("bedroom-0003", 9), Split.of("bedroom-0003", 9));
    }
}
