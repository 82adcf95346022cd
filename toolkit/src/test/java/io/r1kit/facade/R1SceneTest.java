package io.r1kit.facade;

import io.r1kit.SharedData;
import io.r1kit.scene.gen.RoomKind;
import io.r1kit.view.ViewSelection;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class R1SceneTest {

    private static final R1Scene ROOM = R1Scene.of("bedroom:7");

    @Test
    void aRoomSpecGeneratesTheRoomWithItsGraph() {
        assertEquals("bedroom:7", ROOM.name());
        assertTrue(ROOM.room().isPresent());
        assertEquals(ROOM.room().get().graph().objects().size(), ROOM.scene().objects().size());
        assertFalse(ROOM.objects().proposed());
        assertEquals("kitchen:7", R1Scene.of("kitchen").name(), "seed 7 unless given");
        assertEquals(RoomKind.OFFICE, R1Scene.of(" office:12 ").room().orElseThrow().graph().kind());
        assertTrue(ROOM.toString().startsWith("bedroom:7: "), ROOM.toString());
    }

    @Test
    void aPathLoadsTheFileAndAScanWithoutLabelsIsAskedOverProposals() {
        R1Scene cube = R1Scene.of(SharedData.path("ply/cube.ply").toString());
        assertTrue(cube.room().isEmpty());
        assertEquals(0, cube.scene().objects().size());
        assertTrue(cube.toString().contains("no labelled objects"), cube.toString());
    }

    @Test
    void badSpecsAreOneLineNamingWhatWasGiven() {
        assertEquals("nowhere.ply: no such file or folder, and not a room KIND[:SEED] (bedroom, living-room, kitchen, "
                + "office)", assertThrows(IllegalArgumentException.class, () -> R1Scene.of("nowhere.ply")).getMessage());
        assertEquals("bedroom:x: the seed after ':' must be an integer",
                assertThrows(IllegalArgumentException.class, () -> R1Scene.of("bedroom:x")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> R1Scene.of(" ")).getMessage()
                .startsWith("no scene given"));
    }

    @Test
    void rendersAreCandidateViewsWithBoxesAndHighlightOnRequest() {
        BufferedImage plain = ROOM.render(3);
        assertEquals(R1Scene.SIZE, plain.getWidth());
        BufferedImage boxes = ROOM.render(3, true, null);
        int id = ROOM.scene().objects().get(0).id();
        BufferedImage lit = ROOM.render(3, false, id);
        assertTrue(differing(plain, boxes) > 500, "boxes drawn");
        assertTrue(differing(plain, lit) > 500, "the rest dimmed");
        assertTrue(differing(lit, ROOM.render(3, true, id)) > 500, "boxes over the highlight");
        assertNotEquals(0, differing(plain, ROOM.depth(3)));
        assertEquals("view 24 must be in 0..23 (the candidate views of view selection)",
                assertThrows(IllegalArgumentException.class, () -> ROOM.render(24)).getMessage());
        String noId = assertThrows(IllegalArgumentException.class, () -> ROOM.render(0, false, 999)).getMessage();
        assertTrue(noId.startsWith("bedroom:7: no object 999 (") && noId.contains("; ids " + id + ", "), noId);
    }

    @Test
    void viewSelectionChoosesKViewsAndShowsThem() {
        ViewSelection v = ROOM.views("the bed", 2);
        assertEquals(2, v.chosen().size());
        assertTrue(v.toString().startsWith("views for \"the bed\" in "), v.toString());
        assertTrue(v.toString().contains("targets bed #"), v.toString());
        assertTrue(v.toHtml().contains("<img") && v.toHtml().contains("<table"));
        assertEquals("k 0 must be in 1..24 (the number of candidate views)",
                assertThrows(IllegalArgumentException.class, () -> ROOM.views("the bed", 0)).getMessage());
    }

    /** The progress of view selection: preparing, each of the 24 candidates scored, each chosen view rendered. */
    @Test
    void viewSelectionReportsEachCandidateAndEachChosenView() {
        List<long[]> calls = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        ViewSelection v = ROOM.views("the bed", 3, (done, total, text) -> {
            calls.add(new long[] {done, total});
            texts.add(text);
        });
        assertEquals(1 + 24 + 3, calls.size(), texts.toString());
        for (int i = 0; i < calls.size(); i++) {
            assertEquals(24 + 3, calls.get(i)[1], "total at call " + i);
            assertEquals(i, calls.get(i)[0], "done at call " + i);
        }
        assertEquals("views for \"the bed\": preparing the objects of bedroom:7", texts.get(0));
        assertEquals("views for \"the bed\": scored 24/24 candidates", texts.get(24));
        assertEquals("views for \"the bed\": 24 candidates scored, 3/3 chosen views rendered", texts.get(27));
        assertEquals(ROOM.views("the bed", 3).scores(), v.scores(), "the same selection as without progress");
    }

    @Test
    void theSceneShowsItsSummaryBesideARenderFromAbove() {
        String html = ROOM.toHtml();
        assertTrue(html.contains("<table") && html.contains("data:image/png;base64,"), html.substring(0, 200));
    }

    private static int differing(BufferedImage a, BufferedImage b) {
        int n = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                n += a.getRGB(x, y) != b.getRGB(x, y) ? 1 : 0;
            }
        }
        return n;
    }
}
