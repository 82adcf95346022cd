package io.r1kit.cot;

import io.r1kit.cot.filter.FilterConfig;
import io.r1kit.cot.filter.Reanswerer;
import io.r1kit.cot.tasks.Example;
import io.r1kit.cot.tasks.InstructionGenerator;
import io.r1kit.cot.tasks.Locator;
import io.r1kit.cot.tasks.Phrasing;
import io.r1kit.cot.tasks.Rooms;
import io.r1kit.cot.tasks.SceneDescriber;
import io.r1kit.scene.gen.GeneratedRoom;
import io.r1kit.scene.gen.RoomObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The door sits in the near wall: no text about it says "the wall with the door" or puts it against a wall. */
class DoorWordingTest {

    private static final List<String> DOOR_WALL = List.of("the wall with the door", "the door wall");

    @Test
    void noTextAboutTheDoorPlacesItByItsOwnWall() throws Exception {
        DataEngine engine = new DataEngine(Rooms.GENERATOR, new GraphCotWriter(3), FilterConfig.defaults(), Reanswerer.CONCLUSION);
        int doorTexts = 0;
        for (int seed = 0; seed < 12; seed++) {
            GeneratedRoom room = Rooms.first(12).get(seed);
            int door = room.graph().objects().stream().filter(Locator::isDoor).mapToInt(RoomObject::id).findFirst().orElseThrow();
            List<String> texts = new ArrayList<>();
            for (Example e : InstructionGenerator.generate(room, seed)) {
                if (e.target() == door) {
                    texts.addAll(List.of(e.question(), e.answer(), e.fullAnswer()));
                }
            }
            for (CotRecord r : engine.scene(seed).records()) {
                if (!r.targetIds().isEmpty() && r.targetIds().get(0) == door) {
                    texts.add(r.cot());
                }
            }
            // The tour's sentence about the near wall, if any, must not list the door.
            for (String caption : SceneDescriber.all(room.graph(), new Phrasing(~seed))) {
                for (String sentence : caption.split("\\. ")) {
                    if (DOOR_WALL.stream().anyMatch(sentence::contains)) {
                        assertFalse(sentence.replace("the wall with the door", "").replace("the door wall", "")
                                .contains("door"), room.scene().id() + ": " + sentence);
                    }
                }
            }
            for (String t : texts) {
                doorTexts++;
                for (String phrase : DOOR_WALL) {
                    assertFalse(t.contains(phrase), room.scene().id() + ": " + t);
                }
                // The door is in its wall, not standing against it.
                assertFalse(t.matches("(?s).*\\bdoor (stands |is |has its back )?(against|along|by) .*"), t);
            }
        }
        assertTrue(doorTexts > 20, "texts about doors: " + doorTexts);
    }
}
