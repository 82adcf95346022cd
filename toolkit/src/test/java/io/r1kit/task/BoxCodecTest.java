package io.r1kit.task;

import io.r1kit.scene.Box3;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoxCodecTest {

    private final BoxCodec codec = new BoxCodec(Box3.ofMinMax(0, 0, 0, 5.1f, 5.1f, 2.55f));

    @Test
    void encodesByHand() {
        // centre x 1.5 m of 5.1 m -> 75; size 1 m of 5.1 m -> 50; z centre 0.5 of 2.55 -> 50, height 1 -> 100
        assertEquals("<obj>75, 75, 50, 50, 50, 100</obj>", codec.encode(Box3.ofMinMax(1, 1, 0, 2, 2, 1)));
        BoxCodec shifted = new BoxCodec(Box3.ofMinMax(-1, -2, -0.5f, 1, 2, 0.5f));
        assertArrayEquals(new int[] {128, 0, 255, 255, 0, 0}, shifted.quantise(new Box3(0.001f, -2, 0.5f, 2, 0, 0)));
    }

    @Test
    void roundTripErrorIsAtMostHalfAStep() {
        Box3 bounds = Box3.ofMinMax(-3.2f, 0.4f, -0.1f, 4.7f, 6.9f, 2.9f);
        BoxCodec c = new BoxCodec(bounds);
        double[] half = c.halfStep();
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 500; i++) {
            float x0 = (float) rng.nextDouble(bounds.minX(), bounds.maxX());
            float x1 = (float) rng.nextDouble(x0, bounds.maxX());
            float y0 = (float) rng.nextDouble(bounds.minY(), bounds.maxY());
            float y1 = (float) rng.nextDouble(y0, bounds.maxY());
            float z0 = (float) rng.nextDouble(bounds.minZ(), bounds.maxZ());
            float z1 = (float) rng.nextDouble(z0, bounds.maxZ());
            Box3 b = Box3.ofMinMax(x0, y0, z0, x1, y1, z1);
            Box3 back = c.decode(c.encode(b));
            double eps = 1e-5;
            assertTrue(Math.abs(back.cx() - b.cx()) <= half[0] + eps, b + " -> " + back);
            assertTrue(Math.abs(back.cy() - b.cy()) <= half[1] + eps, b + " -> " + back);
            assertTrue(Math.abs(back.cz() - b.cz()) <= half[2] + eps, b + " -> " + back);
            assertTrue(Math.abs(back.dx() - b.dx()) <= half[0] + eps, b + " -> " + back);
            assertTrue(Math.abs(back.dy() - b.dy()) <= half[1] + eps, b + " -> " + back);
            assertTrue(Math.abs(back.dz() - b.dz()) <= half[2] + eps, b + " -> " + back);
        }
        assertEquals(7.9 / 510, half[0], 1e-6);
    }

    @Test
    void outsideTheBoundsIsClamped() {
        assertArrayEquals(new int[] {255, 0, 0, 255, 0, 0}, codec.quantise(new Box3(9, -3, -1, 20, 0, 0)));
    }

    @Test
    void zeroExtentAxisDecodesToTheMinimum() {
        BoxCodec flat = new BoxCodec(Box3.ofMinMax(0, 0, 1, 2, 2, 1));
        assertEquals("<obj>128, 128, 0, 255, 255, 0</obj>", flat.encode(Box3.ofMinMax(0, 0, 1, 2, 2, 1)));
        assertEquals(1f, flat.decode("<obj>128, 128, 0, 255, 255, 0</obj>").cz());
    }

    @Test
    void decodesEveryTagOfAText() {
        List<Box3> boxes = codec.decodeAll("The mug <obj>75, 75, 50, 50, 50, 100</obj> is left of <obj>0,0,0,255,255,255</obj>.");
        assertEquals(2, boxes.size());
        assertEquals(1.5f, boxes.get(0).cx(), 1e-6f);
        assertEquals(5.1f, boxes.get(1).dx(), 1e-6f);
        assertEquals(List.of(), codec.decodeAll("no boxes here"));
    }

    @Test
    void badTagsSayWhy() {
        assertEquals("box value 256 is outside 0..255",
                assertThrows(IllegalArgumentException.class, () -> codec.decode("<obj>1, 2, 3, 4, 5, 256</obj>")).getMessage());
        assertEquals("box value -1 is outside 0..255",
                assertThrows(IllegalArgumentException.class, () -> codec.decodeAll("x <obj>-1, 2, 3, 4, 5, 6</obj>")).getMessage());
        assertEquals("not a box tag <obj>cx, cy, cz, w, h, l</obj>: \"<obj>1, 2, 3</obj>\"",
                assertThrows(IllegalArgumentException.class, () -> codec.decodeAll("<obj>1, 2, 3</obj>")).getMessage());
        assertEquals("not a box tag <obj>cx, cy, cz, w, h, l</obj>: \"<obj>1,?2, 3?[2J" + "4".repeat(41) + "...\"",
                assertThrows(IllegalArgumentException.class, () -> codec.decode("<obj>1,\n2, 3\u001b[2J" + "4".repeat(99)
                        + "</obj>")).getMessage());
    }

    @Test
    void anAnswersBoxesAreReadTagByTagAndTheFirstThatReadsIsItsBox() {
        String text = "<obj>1, 2, 3</obj> then <obj>75, 75, 50, 50, 50, 100</obj> and <obj>9, 9, 9, 9, 9, 300</obj>";
        List<Box3> each = codec.readEach(text);
        assertEquals(3, each.size());
        assertNull(each.get(0));
        assertEquals(codec.decode("<obj>75, 75, 50, 50, 50, 100</obj>"), each.get(1));
        assertNull(each.get(2));
        assertEquals(java.util.Optional.of(each.get(1)), codec.firstBox(text));
        assertTrue(codec.firstBox("<obj>1, 2, 3</obj>").isEmpty());
        assertTrue(codec.firstBox("no box").isEmpty());
        assertEquals("<obj>75, 75, 50, 50, 50, 100</obj>", BoxCodec.tag(new int[] {75, 75, 50, 50, 50, 100}));
    }
}
