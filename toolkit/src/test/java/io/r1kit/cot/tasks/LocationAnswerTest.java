package io.r1kit.cot.tasks;

import io.r1kit.scene.gen.GeneratedRoom;
import io.r1kit.scene.gen.RoomObject;
import io.r1kit.scene.gen.SceneGraph;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Where is ...?" has one wording per place, and each object's place word agrees with its graph. */
class LocationAnswerTest {

    private static final Pattern CANONICAL = Pattern.compile(
            "against the (far|near|left|right) wall|in the near wall|on the [a-z ]+|on the floor");

    @Test
    void canonicalPhrasingAlwaysPicksTheFirstOption() {
        Phrasing p = Phrasing.canonical();
        for (int i = 0; i < 20; i++) {
            assertEquals("a", p.pick("a", "b", "c"));
            assertEquals("x", p.pick(List.of("x", "y")));
            assertFalse(p.chance(0.99));
            assertEquals(0, p.nextInt(7));
        }
    }

    @Test
    void locationAnswersUseOneWordingPerPlaceAndSayWhereTheObjectIs() {
        Set<String> answers = new HashSet<>();
        int checked = 0;
        for (GeneratedRoom room : Rooms.first(24)) {
            SceneGraph g = room.graph();
            for (Example e : InstructionGenerator.generate(room, 11)) {
                if (e.type() != QuestionType.LOCATION) {
                    continue;
                }
                assertTrue(CANONICAL.matcher(e.answer()).matches(), e.answer());
                RoomObject o = g.object(e.targets().get(0)).orElseThrow();
                assertEquals(Locator.place(g, o, Phrasing.canonical()).words(), e.answer());
                String word = Locator.placeWord(o);
                if (word.equals("on") || word.equals("floor")) {
                    assertTrue(e.answer().startsWith("on "), e.answer());
                } else {
                    assertTrue(e.answer().contains("the " + word + " wall"), word + " vs " + e.answer());
                }
                answers.add(e.answer());
                checked++;
            }
        }
        assertTrue(checked >= 10, checked + " location questions");
        assertTrue(answers.size() >= 4, "places vary between objects: " + answers);
    }

    @Test
    void placeWordsFollowSupportThenWall() {
        int[] seen = new int[3];
        for (GeneratedRoom room : Rooms.first(12)) {
            for (RoomObject o : room.graph().objects()) {
                String w = Locator.placeWord(o);
                if (o.isSupported()) {
                    assertEquals("on", w);
                    seen[0]++;
                } else if (o.wall() == null) {
                    assertEquals("floor", w);
                    seen[1]++;
                } else {
                    String expected = switch (o.wall()) {
                        case NORTH -> "far";
                        case SOUTH -> "near";
                        case WEST -> "left";
                        case EAST -> "right";
                    };
                    assertEquals(expected, w);
                    assertTrue(Locator.wall(o.wall(), Phrasing.canonical()).contains(expected));
                    seen[2]++;
                }
            }
        }
        assertTrue(seen[0] > 0 && seen[1] > 0 && seen[2] > 0, java.util.Arrays.toString(seen));
    }
}
