package io.r1kit.facade;

import io.r1kit.cot.tasks.Example;
import io.r1kit.cot.tasks.InstructionGenerator;
import io.r1kit.cot.tasks.Queries;
import io.r1kit.cot.tasks.SceneContext;
import io.r1kit.scene.SceneObject;
import io.r1kit.task.BoxCodec;
import io.r1kit.task.Task;
import io.r1kit.task.TaskAnswer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rewards of hand-written answers against the truth of a generated room, or a truth given. */
class R1RewardsTest {

    private static final R1Scene ROOM = R1Scene.of("bedroom:7");
    private static final SceneContext CONTEXT = InstructionGenerator.context(ROOM.room().orElseThrow(), 7);
    private static final List<Example> EXAMPLES = InstructionGenerator.generate(ROOM.room().orElseThrow(), 7);

    private static R1Answer answer(R1Scene scene, Task task, String question, String reply) {
        return new R1Answer(scene, "hand", question, TaskAnswer.read(task, reply, scene.scene().bounds()));
    }

    private static String reasoned(String answer) {
        return "<think>Step 1: I look at the room. Step 2: So the answer follows.</think><answer>" + answer + "</answer>";
    }

    private static Example first(Task task) {
        return EXAMPLES.stream().filter(e -> e.task() == task && Queries.of(e, CONTEXT).earlier().isEmpty())
                .findFirst().orElseThrow();
    }

    @Test
    void aQuestionTheEngineAsksIsScoredOnItsReferenceAndFacts() {
        Example qa = first(Task.QA);
        String question = Queries.of(qa, CONTEXT).text().toUpperCase();   // case and punctuation do not matter
        R1Rewards right = answer(ROOM, Task.QA, question, reasoned(qa.answer())).rewards();
        assertEquals(1.0, right.parts().get("format"));
        assertEquals(1.0, right.parts().get("answer"));
        assertTrue(right.parts().get("semantic") > 0.99, right.toString());
        assertFalse(right.parts().containsKey("perception"));
        assertTrue(right.truth().startsWith("the data engine's qa example of bedroom-0007"), right.truth());
        R1Rewards wrong = answer(ROOM, Task.QA, question, "<answer>purple elephants</answer>").rewards();
        assertEquals(0.0, wrong.parts().get("answer"));
        assertEquals(0.0, wrong.parts().get("format"));
        assertTrue(wrong.total() < right.total());
        String text = right.toString();
        assertTrue(text.startsWith("rewards of the qa answer on bedroom:7 (model hand)\nagainst the data engine's"), text);
        assertTrue(text.contains("\nanswer       1.000  exact match with \"" + qa.answer() + "\""), text);
        assertTrue(right.toHtml().contains("<table"), right.toHtml());
    }

    @Test
    void aWholeRoomsCaptionsAreMatchedToItsObjects() {
        Example dense = io.r1kit.cot.tasks.DenseCaptions.room(CONTEXT, Integer.MAX_VALUE);
        String question = Queries.of(dense, CONTEXT).text();
        R1Rewards right = answer(ROOM, Task.DENSE_CAPTION, question, reasoned(dense.answer())).rewards();
        assertEquals(1.0, right.parts().get("captions"), 1e-9, right.toString());
        assertTrue(right.toString().contains("matched one to one to the objects at IoU 0.5"), right.toString());
        String first = dense.answer().substring(0, dense.answer().indexOf("<obj>", 1)).strip();
        R1Rewards twice = answer(ROOM, Task.DENSE_CAPTION, question, reasoned(dense.answer() + " " + first)).rewards();
        int n = dense.targets().size();
        assertEquals(n / (n + 1.0), twice.parts().get("captions"), 1e-9, twice.toString());
    }

    @Test
    void aGroundingQuestionIsScoredOnTheBoxOfTheObjectItNames() {
        Example g = first(Task.GROUNDING);
        SceneObject target = ROOM.object(g.target());
        String box = new BoxCodec(ROOM.scene().bounds()).encode(target.box());
        String expression = g.question().replaceFirst("^(Find|Locate|Where is|Point out) ", "")
                .replaceFirst("(\\? Give its box\\.| in the bedroom\\.|\\.)$", "");
        R1Rewards r = answer(ROOM, Task.GROUNDING, expression, reasoned(box)).rewards();   // the grid costs a thin door
        assertEquals(Map.of("format", 1.0, "perception", r.parts().get("perception")), r.parts());
        assertTrue(r.parts().get("perception") > 0.5, r.toString());
        R1Rewards missed = answer(ROOM, Task.GROUNDING, expression, reasoned("<obj>0, 0, 0, 1, 1, 1</obj>")).rewards();
        assertTrue(missed.parts().get("perception") < 0.1, missed.toString());
    }

    @Test
    void aGroundingQuestionIsResolvedOverTheRoomsGraphOrSaysWhichObjectsItDescribes() {
        SceneObject unique = ROOM.scene().objects().stream()
                .filter(o -> ROOM.room().orElseThrow().graph().count(o.label()) == 1).findFirst().orElseThrow();
        String box = new BoxCodec(ROOM.scene().bounds()).encode(unique.box());
        R1Rewards r = answer(ROOM, Task.GROUNDING, "The " + unique.label() + "!", reasoned(box)).rewards();
        assertTrue(r.truth().contains(unique.label() + " " + unique.id()), r.truth());
        assertTrue(r.parts().get("perception") > 0.5, r.toString());
        SceneObject repeated = ROOM.scene().objects().stream()
                .filter(o -> ROOM.room().orElseThrow().graph().count(o.label()) > 1).findFirst().orElseThrow();
        String why = assertThrows(IllegalArgumentException.class, () -> answer(ROOM, Task.GROUNDING,
                "the " + repeated.label(), "x").rewards()).getMessage();
        assertTrue(why.startsWith("\"the " + repeated.label() + "\" describes "
                + ROOM.room().orElseThrow().graph().count(repeated.label()) + " objects of the room (ids ["), why);
        assertTrue(why.endsWith("]): give the one meant (--gt ID)"), why);
        assertEquals("\"the purple giraffe\" describes no object of the room as the data engine words them: give the"
                + " one meant (--gt ID)", assertThrows(IllegalArgumentException.class,
                () -> answer(ROOM, Task.GROUNDING, "the purple giraffe", "x").rewards()).getMessage());
    }

    @Test
    void aQuestionTheEngineDoesNotAskNeedsTheTruthGiven() {
        R1Answer odd = answer(ROOM, Task.QA, "Is the moon made of cheese?", reasoned("no"));
        String why = assertThrows(IllegalArgumentException.class, odd::rewards).getMessage();
        assertTrue(why.startsWith("bedroom-0007 has no qa example asking \"Is the moon made of cheese?\" (it asks e.g. \""),
                why);
        assertTrue(why.endsWith("; or give the truth (--gt TEXT)"), why);
        R1Rewards given = odd.rewards("No");
        assertEquals(1.0, given.parts().get("answer"));
        assertEquals("the reference \"No\"", given.truth());
        assertFalse(given.parts().containsKey("facts"));
        R1Scene file = R1Scene.of(ROOM.scene());   // the same points, without the room behind them
        assertEquals(ROOM.scene().id() + " is no generated room, so its truth for qa is unknown: give the reference"
                + " answer (--gt TEXT)", assertThrows(IllegalArgumentException.class,
                () -> answer(file, Task.QA, "How many beds are there?", "one").rewards()).getMessage());
    }

    @Test
    void aGroundingTruthGivenIsAnObjectIdOrABox() {
        SceneObject o = ROOM.scene().objects().get(0);
        String box = new BoxCodec(ROOM.scene().bounds()).encode(o.box());
        R1Answer a = answer(ROOM, Task.GROUNDING, "whatever", reasoned(box));
        assertTrue(a.rewards(String.valueOf(o.id())).parts().get("perception") > 0.5);
        assertEquals(1.0, a.rewards(box).parts().get("perception"), 1e-5, "the box given is the one answered");
        assertEquals("grounding is scored on a box: --gt takes an object id of bedroom:7 or a box "
                + "<obj>cx, cy, cz, w, h, l</obj>, got \"the lamp\"",
                assertThrows(IllegalArgumentException.class, () -> a.rewards("the lamp")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> a.rewards("999")).getMessage()
                .startsWith("bedroom:7: no object 999 ("));
    }
}
