package io.r1kit.scene.gen;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RoomSpecTest {

    @Test
    void kindAndSeedOrTheDefaultSeed() {
        assertEquals(new RoomSpec(RoomKind.BEDROOM, 7), RoomSpec.parse("bedroom:7"));
        assertEquals(new RoomSpec(RoomKind.LIVING_ROOM, RoomSpec.DEFAULT_SEED), RoomSpec.parse("living-room"));
        assertEquals(7, RoomSpec.DEFAULT_SEED);
        assertEquals(new RoomSpec(RoomKind.OFFICE, -12), RoomSpec.parse("office:-12"));
        assertEquals(new RoomSpec(RoomKind.KITCHEN, 100_003), RoomSpec.parse("kitchen:100003"));
        for (RoomKind kind : RoomKind.values()) {
            RoomSpec spec = new RoomSpec(kind, 42);
            assertEquals(kind.slug() + ":42", spec.toString());
            assertEquals(spec, RoomSpec.parse(spec.toString()));
        }
    }

    @Test
    void generatesTheGeneratorsRoomOfThatKindAndSeed() {
        SceneGenerator small = new SceneGenerator(GeneratorConfig.defaults().withPointBudget(6_000));
        GeneratedRoom room = RoomSpec.parse("office:3").generate(small);
        GeneratedRoom same = small.generate(RoomKind.OFFICE, 3);
        assertEquals("office-0003", room.scene().id());
        assertEquals(same.graph(), room.graph());
        assertArrayEquals(same.scene().points().xyzArray(), room.scene().points().xyzArray());
        assertEquals(same.scene().objects(), room.scene().objects());
        assertFalse(room.scene().objects().isEmpty(), "the generator's labelled objects");
        assertEquals("bedroom-0007", RoomSpec.parse("bedroom").generate().scene().id());
    }

    @Test
    void badTextIsOneLineSayingWhatIsWrong() {
        for (String bad : List.of("garage", "garage:3", "", ":7", "Bedroom", "living_room", "bedroom-0007")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RoomSpec.parse(bad));
            assertEquals(bad + ": unknown room kind (known: bedroom, living-room, kitchen, office)", e.getMessage());
        }
        for (String bad : List.of("kitchen:x", "kitchen:", "kitchen:7:1", "kitchen:1.5", "kitchen: 7")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RoomSpec.parse(bad));
            assertEquals(bad + ": the seed after ':' must be an integer", e.getMessage());
        }
        assertEquals(List.of("bedroom", "living-room", "kitchen", "office"), RoomKind.slugs());
        assertEquals(RoomKind.LIVING_ROOM, RoomKind.fromSlug("living-room").orElseThrow());
        assertFalse(RoomKind.fromSlug("living room").isPresent());
    }
}
