package io.r1kit.model.vlm;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PointerTextTest {

    private static final VlmConfig C = VlmFixtures.micro(0);
    private static final SceneFeatures F = SceneFeatures.extract(VlmFixtures.handScene(), C);
    /** In the micro vocabulary: 1 = {@code <obj>}, 2 = {@code ,}, 3 = {@code </obj>}, 4 and 5 words. */
    private static final PointerText PT = new PointerText(C, 1, 2, 3);

    private static int g(int v) {
        return VlmFixtures.GRID_OFFSET + v;
    }

    /** {@code <obj>} then the six grid ids of {@code grid} with separators, then {@code </obj>}. */
    private static int[] box(int[] grid) {
        return new int[] {1, g(grid[0]), 2, g(grid[1]), 2, g(grid[2]), 2, g(grid[3]), 2, g(grid[4]), 2, g(grid[5]), 3};
    }

    @Test
    void aBoxOfAnEncodedObjectBecomesItsPointerAndExpandsBack() {
        int[] chair = F.objects().get(0).grid();     // object 1 (chair) comes first: objects are ordered by id
        int[] table = F.objects().get(1).grid();
        int[] other = {0, 0, 0, 0, 0, 0};
        int[] answer = concat(new int[] {4}, box(table), new int[] {5}, box(other), box(chair), new int[] {5});
        PointerText.Compressed c = PT.compress(answer, F);
        assertArrayEquals(concat(new int[] {4, 1, VlmFixtures.VOCAB + 1, 3, 5}, box(other),
                new int[] {1, VlmFixtures.VOCAB, 3, 5}), c.ids());
        assertEquals(2, c.pointers());
        assertEquals(1, c.unmatched());
        assertArrayEquals(answer, PT.expand(c.ids(), F));
        assertEquals(VlmFixtures.VOCAB + 1, PT.pointerId(1));
    }

    @Test
    void malformedBoxesStayAsTheyAre() {
        int[] table = box(F.objects().get(1).grid());
        int[] unclosed = java.util.Arrays.copyOf(table, table.length - 1);
        int[] badSeparator = table.clone();
        badSeparator[2] = 4;
        for (int[] ids : new int[][] {unclosed, badSeparator, {1}, {1, 3}}) {
            PointerText.Compressed c = PT.compress(ids, F);
            assertArrayEquals(ids, c.ids());
            assertEquals(0, c.pointers());
            assertEquals(0, c.unmatched());
        }
    }

    @Test
    void aPointerPastTheScenesObjectsIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PT.expand(new int[] {1, VlmFixtures.VOCAB + 2, 3}, F));
        assertEquals("pointer id 274 names object 2 but hand has 2 encoded objects", e.getMessage());
    }

    @Test
    void theNanoMarkersAreTheWordVocabularysFixedIds() {
        PointerText nano = PointerText.of(C);
        assertEquals(9, nano.openId());
        assertEquals(10, nano.closeId());
        assertEquals(io.r1kit.model.text.WordVocabulary.GRID_FIRST + 256, nano.separatorId());
    }

    private static int[] concat(int[]... parts) {
        return java.util.Arrays.stream(parts).flatMapToInt(java.util.Arrays::stream).toArray();
    }
}
