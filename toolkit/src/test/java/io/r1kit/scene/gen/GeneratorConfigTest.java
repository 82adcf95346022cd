package io.r1kit.scene.gen;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class GeneratorConfigTest {

    @Test
    void defaultsRoundTripThroughJson() {
        GeneratorConfig d = GeneratorConfig.defaults();
        assertEquals(40_000, d.pointBudget());
        assertEquals(d, GeneratorConfig.fromJson(d.toJson()));
        GeneratorConfig changed = d.withObjectRange(5, 20).withRoomSides(4, 5).withNoise(0, 0);
        assertEquals(changed, GeneratorConfig.fromJson(changed.toJson()));
    }

    @Test
    void badJsonNamesTheProblem() {
        String json = GeneratorConfig.defaults().toJson().replace("\"colourNoise\":0.03", "\"colourNoise\":0.9");
        assertEquals("generator config JSON is not valid: colourNoise 0.9 is outside [0, 0.2]; larger noise would blur"
                        + " the palette colours into each other",
                assertThrows(IllegalArgumentException.class, () -> GeneratorConfig.fromJson(json)).getMessage());
    }

    @Test
    void validationExplainsTheFix() {
        GeneratorConfig d = GeneratorConfig.defaults();
        assertEquals("pointBudget 3000 is outside 5840..10000000: each of up to maxObjects objects needs 96 points plus"
                        + " 2000 for floor and walls; raise pointBudget or lower maxObjects",
                assertThrows(IllegalArgumentException.class, () -> d.withPointBudget(3000)).getMessage());
        assertEquals("minObjects 30 must be in 0..maxObjects (20); lower minObjects or raise maxObjects",
                assertThrows(IllegalArgumentException.class, () -> d.withObjectRange(30, 20)).getMessage());
        assertEquals("maxObjects 5 is outside 12..200: the core furniture of a room needs up to 12 objects",
                assertThrows(IllegalArgumentException.class, () -> d.withObjectRange(0, 5)).getMessage());
        assertEquals("room sides [3.0, 6.0] m must satisfy 3.5 <= minRoomSide <= maxRoomSide <= 15 (the core"
                        + " furniture needs 3.5 m)",
                assertThrows(IllegalArgumentException.class, () -> d.withRoomSides(3, 6)).getMessage());
        assertEquals("colourNoise 0.5 is outside [0, 0.2]; larger noise would blur the palette colours into each other",
                assertThrows(IllegalArgumentException.class, () -> d.withNoise(0.5, 0)).getMessage());
    }

    @Test
    void smallestRoomsStillGetTheirCoreFurniture() {
        SceneGenerator tight = new SceneGenerator(GeneratorConfig.defaults().withRoomSides(3.5, 3.5).withPointBudget(6_000));
        for (long seed = 0; seed < 40; seed++) {
            SceneGraph g = tight.generate(seed).graph();
            assertEquals(3.5f, g.width());
            assertEquals(1, g.count("door"));
        }
    }
}
