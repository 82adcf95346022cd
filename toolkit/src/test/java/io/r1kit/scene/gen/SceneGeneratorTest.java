package io.r1kit.scene.gen;

import static org.junit.jupiter.api.Assertions.*;

import io.r1kit.scene.Scene;
import io.r1kit.scene.SceneObject;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

class SceneGeneratorTest {

    private static final SceneGenerator GEN = new SceneGenerator();

    @Test
    void sameSeedGivesIdenticalRoom() {
        GeneratedRoom a = GEN.generate(RoomKind.KITCHEN, 42);
        GeneratedRoom b = new SceneGenerator(GeneratorConfig.defaults()).generate(RoomKind.KITCHEN, 42);
        assertArrayEquals(a.scene().points().xyzArray(), b.scene().points().xyzArray());
        assertArrayEquals(a.scene().points().rgbArray(), b.scene().points().rgbArray());
        assertArrayEquals(a.scene().points().normalsArray(), b.scene().points().normalsArray());
        assertArrayEquals(a.scene().instanceLabels().orElseThrow(), b.scene().instanceLabels().orElseThrow());
        assertArrayEquals(a.scene().semanticLabels().orElseThrow(), b.scene().semanticLabels().orElseThrow());
        assertEquals(a.scene().objects(), b.scene().objects());
        assertEquals(a.graph(), b.graph());
    }

    @Test
    void differentSeedsOrKindsDiffer() {
        GeneratedRoom a = GEN.generate(RoomKind.OFFICE, 1);
        GeneratedRoom b = GEN.generate(RoomKind.OFFICE, 2);
        GeneratedRoom c = GEN.generate(RoomKind.BEDROOM, 1);
        assertNotEquals(a.graph(), b.graph());
        assertFalse(Arrays.equals(a.scene().points().xyzArray(), b.scene().points().xyzArray()));
        assertNotEquals(a.graph().width(), c.graph().width());
    }

    @Test
    void seedAloneChoosesTheKindAndNamesTheScene() {
        for (long seed = 0; seed < 8; seed++) {
            GeneratedRoom r = GEN.generate(seed);
            RoomKind kind = r.graph().kind();
            assertEquals(GEN.generate(kind, seed).graph(), r.graph());
            assertEquals(kind.slug() + "-000" + seed, r.scene().id());
        }
        Scene s = GEN.generate(RoomKind.LIVING_ROOM, 7).scene();
        assertEquals("living-room-0007", s.id());
        assertEquals("generated", s.source().format());
        assertNull(s.source().path());
        assertEquals(40_000, s.points().size());
        assertTrue(s.points().hasNormals());
        assertFalse(new SceneGenerator(GeneratorConfig.defaults().withNormals(false)).generate(3).scene().points().hasNormals());
    }

    @Test
    void aSceneIdGivesItsRoomBack() {
        SceneGenerator small = new SceneGenerator(GeneratorConfig.defaults().withPointBudget(6_000));
        for (long seed : new long[] {0, 1, 2, 3, -12}) {
            GeneratedRoom r = small.generate(seed);
            GeneratedRoom back = small.generate(r.scene().id());
            assertEquals(r.graph(), back.graph());
            assertArrayEquals(r.scene().points().xyzArray(), back.scene().points().xyzArray());
        }
        assertEquals("living-room-0007", small.generate("living-room-0007").scene().id());
        for (String bad : List.of("garage-0001", "office-7", "office-x", "office")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> small.generate(bad));
            assertEquals("scene id \"" + bad + "\" is not KIND-SEED of a generated room (e.g. office-0007; kinds: "
                    + "bedroom, living-room, kitchen, office)", e.getMessage());
        }
    }

    @Test
    void everyKindHasItsCoreFurniture() {
        Map<RoomKind, List<String>> core = Map.of(
                RoomKind.BEDROOM, List.of("door", "bed", "nightstand", "pillow", "wardrobe"),
                RoomKind.LIVING_ROOM, List.of("door", "sofa", "coffee table", "tv stand", "tv"),
                RoomKind.KITCHEN, List.of("door", "refrigerator", "kitchen counter", "stove", "sink", "dining table",
                        "chair", "trash can"),
                RoomKind.OFFICE, List.of("door", "desk", "chair", "monitor", "bookshelf", "trash can"));
        SceneGenerator light = new SceneGenerator(GeneratorConfig.defaults().withPointBudget(6_000));
        for (RoomKind kind : RoomKind.values()) {
            for (long seed = 0; seed < 25; seed++) {
                SceneGraph g = light.generate(kind, seed).graph();
                for (String label : core.get(kind)) {
                    assertTrue(g.count(label) >= 1, kind + " seed " + seed + " lacks a " + label);
                }
                assertEquals(1, g.count("door"));
                if (kind == RoomKind.KITCHEN) {
                    assertTrue(g.count("chair") >= 2, "kitchen seed " + seed + " has fewer than 2 chairs");
                }
                if (kind == RoomKind.OFFICE) {
                    assertEquals(g.count("desk"), g.count("chair"), "office seed " + seed + ": a chair per desk");
                }
                int n = g.objects().size();
                assertTrue(n >= 14 && n <= 40, kind + " seed " + seed + " has " + n + " objects");
            }
        }
    }

    @Test
    void objectRangeIsRespected() {
        SceneGenerator small = new SceneGenerator(GeneratorConfig.defaults().withObjectRange(0, 12).withPointBudget(6_000));
        for (long seed = 0; seed < 40; seed++) {
            assertTrue(small.generate(seed).graph().objects().size() <= 12);
        }
    }

    @Test
    void pointBudgetIsExactAndEveryObjectHasPoints() {
        GeneratorConfig cfg = GeneratorConfig.defaults().withPointBudget(9_000);
        Scene s = new SceneGenerator(cfg).generate(RoomKind.BEDROOM, 5).scene();
        assertEquals(9_000, s.points().size());
        for (SceneObject o : s.objects()) {
            assertTrue(o.pointCount() >= GeneratorConfig.MIN_POINTS_PER_OBJECT, o.toString());
        }
    }

    @Test
    void fortyThousandPointsTakeWellUnder200Milliseconds() {
        for (long seed = 0; seed < 10; seed++) {
            GEN.generate(seed);
        }
        long t0 = System.nanoTime();
        int rooms = 20;
        for (long seed = 100; seed < 100 + rooms; seed++) {
            GEN.generate(seed);
        }
        double ms = (System.nanoTime() - t0) / 1e6 / rooms;
        assertTrue(ms < 100, "a room took " + ms + " ms on average");
    }

    @Test
    void shareAddsUpExactlyWithMinimums() {
        int[] out = SceneGenerator.share(100, new double[] {1, 1, 2}, new int[] {10, 10, 0});
        assertArrayEquals(new int[] {30, 30, 40}, out);
        int[] odd = SceneGenerator.share(10, new double[] {1, 1, 1}, new int[3]);
        assertEquals(10, Arrays.stream(odd).sum());
        assertArrayEquals(new int[] {4, 3, 3}, odd);
    }
}
