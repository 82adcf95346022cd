package io.r1kit.magics;

import io.r1kit.facade.R1Answer;
import io.r1kit.facade.R1Scene;
import io.r1kit.task.Task;
import io.r1kit.view.ViewSelection;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The magics without a kernel: what each returns, and each refusal as one line (with the usage for bad words). */
class MagicsTest {

    private final MagicState state = new MagicState();

    @Test
    void sceneSetsTheCurrentSceneThatTheOtherMagicsUse() {
        assertEquals("no current scene: run %scene generate bedroom:7 or %scene load PATH first",
                assertThrows(MagicError.class, () -> RenderMagic.run(state, List.of())).getMessage());
        R1Scene room = (R1Scene) SceneMagic.run(state, List.of("generate", "bedroom:7"));
        assertEquals("bedroom:7", room.name());
        assertSame(room, SceneMagic.run(state, List.of()));
        R1Scene scan = (R1Scene) SceneMagic.run(state, List.of("load", java.nio.file.Path.of(System.getProperty("r1kit.shared", "../../shared"), "data", "ply", "cube.ply").toString()));
        assertSame(scan, SceneMagic.run(state, List.of()));
    }

    @Test
    void renderAndViewsShowTheCurrentScene() {
        SceneMagic.run(state, List.of("generate", "office:3"));
        BufferedImage plain = (BufferedImage) RenderMagic.run(state, List.of("--view", "5"));
        assertEquals(R1Scene.SIZE, plain.getWidth());
        BufferedImage both = (BufferedImage) RenderMagic.run(state, List.of("--view", "5", "--boxes", "--depth"));
        assertTrue(both.getWidth() > 2 * R1Scene.SIZE - 1, "colour and depth side by side");
        ViewSelection v = (ViewSelection) ViewsMagic.run(state, List.of("the", "desk", "--k", "2"));
        assertEquals("the desk", v.query());
        assertEquals(2, v.chosen().size());
    }

    @Test
    void badInputIsOneLineAndBadWordsAddTheUsage() {
        assertEquals("bedroom:x: the seed after ':' must be an integer",
                assertThrows(MagicError.class, () -> SceneMagic.run(state, List.of("generate", "bedroom:x"))).getMessage());
        assertEquals("castle: unknown room kind (known: bedroom, living-room, kitchen, office)",
                assertThrows(MagicError.class, () -> SceneMagic.run(state, List.of("generate", "castle"))).getMessage());
        assertEquals("nowhere.ply: no such file or folder",
                assertThrows(MagicError.class, () -> SceneMagic.run(state, List.of("load", "nowhere.ply"))).getMessage());
        assertEquals("%scene: unknown verb 'make' (load PATH or generate KIND[:SEED])",
                assertThrows(MagicError.class, () -> SceneMagic.run(state, List.of("make", "x"))).getMessage());
        SceneMagic.run(state, List.of("generate", "kitchen"));
        String bad = assertThrows(MagicError.class, () -> RenderMagic.run(state, List.of("--veiw", "3"))).getMessage();
        assertTrue(bad.startsWith("Unknown options: '--veiw', '3'\nUsage: %render "), bad);
        assertEquals("view 30 must be in 0..23 (the candidate views of view selection)",
                assertThrows(MagicError.class, () -> RenderMagic.run(state, List.of("--view", "30"))).getMessage());
        String notInt = assertThrows(MagicError.class, () -> RenderMagic.run(state, List.of("--view", "x"))).getMessage();
        assertTrue(notInt.startsWith("Invalid value for option '--view': 'x' is not an int\nUsage: %render"), notInt);
        assertTrue(((String) RenderMagic.run(state, List.of("--help"))).startsWith("Usage: %render "));
        assertEquals("no answer yet: run %ask TASK TEXT first",
                assertThrows(MagicError.class, state::lastAnswer).getMessage());
        assertTrue(assertThrows(MagicError.class, () -> AskMagic.run(state, List.of("captions"), null)).getMessage()
                .startsWith("unknown task 'captions'"));
        assertEquals("--object is for object-caption, not qa", assertThrows(MagicError.class,
                () -> AskMagic.run(state, List.of("qa", "--object", "2", "How many?"), null)).getMessage());
        assertEquals("--reset is for dialogue, not qa", assertThrows(MagicError.class,
                () -> AskMagic.run(state, List.of("qa", "--reset", "How many?"), null)).getMessage());
        assertEquals("%%ask takes its text from the cell, not the line (got \"hi\")", assertThrows(MagicError.class,
                () -> AskMagic.run(state, List.of("qa", "hi"), "How many chairs?")).getMessage());
    }

    @Test
    void askUsesTheCurrentSceneAndADialogueContinuesUntilReset() {
        org.junit.jupiter.api.Assumptions.assumeTrue(io.r1kit.model.vlm.NanoModel.present(),
                "this build ships no model; the toolkit's tests cover the refusal");
        SceneMagic.run(state, List.of("generate", "bedroom:7"));
        R1Answer a = (R1Answer) AskMagic.run(state, List.of("grounding", "the", "bed"), null);
        assertEquals(Task.GROUNDING, a.task());
        assertEquals("the bed", a.question());
        assertSame(a, state.lastAnswer());
        R1Answer cell = (R1Answer) AskMagic.run(state, List.of("qa"), "\nHow many pillows are there?\n");
        assertEquals("How many pillows are there?", cell.question());
        AskMagic.run(state, List.of("dialogue", "Is", "there", "a", "lamp?"), null);
        AskMagic.run(state, List.of("dialogue", "What", "colour", "is", "it?"), null);
        assertEquals(2, state.dialogue(state.model(null), false).turns().size());
        AskMagic.run(state, List.of("dialogue", "--reset", "Is", "there", "a", "rug?"), null);
        assertEquals(1, state.dialogue(state.model(null), false).turns().size());
        assertEquals("object-caption needs --object ID, e.g. %ask object-caption --object 1",
                assertThrows(MagicError.class, () -> AskMagic.run(state, List.of("object-caption"), null)).getMessage());
        R1Answer caption = (R1Answer) AskMagic.run(state, List.of("object-caption", "--object", "1"), null);
        assertEquals(Task.OBJECT_CAPTION, caption.task());
    }
}
