package io.r1kit.facade;

import io.r1kit.task.Task;
import io.r1kit.train.TinyCheckpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The facade's model on a barely trained checkpoint: the shape of what it returns, not what it answers. */
class R1ModelTest {

    private static final R1Scene ROOM = R1Scene.of("bedroom:7");
    private static R1Model model;

    @BeforeAll
    static void load() {
        model = R1Model.load(TinyCheckpoint.dir().toString());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void anAnswerReadsAsTheCliLinesAndShowsItsBoxesOnARender() {
        R1Answer a = model.ask(ROOM, "grounding", "  the lamp ");
        assertEquals(Task.GROUNDING, a.task());
        assertEquals("the lamp", a.question());
        String[] lines = a.toString().split("\n");
        assertEquals("grounding on bedroom:7 (model " + TinyCheckpoint.dir() + ")", lines[0]);
        assertEquals("question the lamp", lines[1]);
        for (int i = 2; i < lines.length; i++) {
            assertTrue(lines[i].matches("(step \\d+ +|answer   |box      |note     ).*"), lines[i]);
        }
        assertEquals(a.answer().boxes().size(), a.toString().lines().filter(l -> l.startsWith("box")).count());
        assertEquals(R1Scene.SIZE, a.picture().getWidth());
        String html = a.toHtml();
        assertTrue(html.contains("<b>grounding</b> on bedroom:7") && html.contains("data:image/png;base64,"), html);
        assertEquals(a.grounded().box() == null, a.answer().box().isEmpty());
    }

    @Test
    void eachTaskTakesWhatItNeedsAndSaysWhatIsMissing() {
        int id = ROOM.scene().objects().get(0).id();
        R1Answer caption = model.ask(ROOM, "object-caption", String.valueOf(id));
        assertTrue(caption.question().matches("<obj>\\d+, \\d+, \\d+, \\d+, \\d+, \\d+</obj>"), caption.question());
        assertEquals(caption.answer(), model.caption(ROOM, id).answer());
        assertEquals(Task.DENSE_CAPTION, model.denseCaptions(ROOM).task());
        assertEquals(model.denseCaptions(ROOM).captions().size(), model.denseCaptions(ROOM).answer().captions().size());
        assertEquals("qa needs a text, e.g. \"How many chairs are there?\"",
                assertThrows(IllegalArgumentException.class, () -> model.ask(ROOM, "qa", " ")).getMessage());
        assertEquals("object-caption takes an object id (as the scene lists them), got \"the bed\"",
                assertThrows(IllegalArgumentException.class, () -> model.ask(ROOM, "object-caption", "the bed"))
                        .getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> model.caption(ROOM, 999)).getMessage()
                .startsWith("bedroom:7: no object 999"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> model.ask(ROOM, "captions", "x")).getMessage()
                .startsWith("unknown task 'captions'"));
    }

    @Test
    void aDialogueKeepsItsTurnsUntilReset() {
        R1Dialogue d = model.dialogue(ROOM);
        R1Answer first = d.ask("Is there a mug in here?");
        d.ask("What colour is it?");
        assertEquals(2, d.turns().size());
        assertEquals(first.text(), d.turns().get(0).answer());
        d.reset();
        assertEquals(0, d.turns().size());
        assertThrows(IllegalArgumentException.class, () -> d.ask(""));
    }

    @Test
    void modelsAreLoadedOncePerNameAndUnknownNamesSayWhatShips() {
        String dir = TinyCheckpoint.dir().toString();
        assertSame(R1.model(dir), R1.model(dir + " "));
        String msg = assertThrows(IllegalArgumentException.class, () -> R1Model.load("nowhere")).getMessage();
        assertTrue(msg.startsWith("nowhere: not a checkpoint folder (no tokenizer.json)"), msg);
    }

    @Test
    void theAverageOfTwoModelsIsWrittenAndLoaded(@TempDir Path tmp) throws Exception {
        R1Model soup = R1.average(tmp.resolve("soup"), "sft", "r1");
        assertEquals(tmp.resolve("soup"), soup.dir());
        assertEquals("average", io.r1kit.Provenance.read(soup.dir()).get("training").getAsString());
        R1Answer a = soup.ask(ROOM, "grounding", "the lamp");
        assertEquals(Task.GROUNDING, a.task());
        String msg = assertThrows(IllegalArgumentException.class, () -> R1.average(tmp.resolve("one"), "sft"))
                .getMessage();
        assertEquals("averaging needs two models or more, got 1", msg);
        R1Model twice = R1.average(tmp.resolve("twice"), new double[] {2, -1}, "r1", "sft");
        assertEquals(2.0, io.r1kit.Provenance.read(twice.dir()).get("members").getAsJsonArray().get(0)
                .getAsJsonObject().get("weight").getAsDouble());
    }
}
