package io.r1kit.scene.gen;

import static org.junit.jupiter.api.Assertions.*;

import io.r1kit.scene.Box3;
import org.junit.jupiter.api.Test;

/** The relation definitions at and just past their thresholds, on boxes worked out by hand. */
class RelationsTest {

    private static RoomObject at(int id, Category c, Box3 box, Direction facing) {
        return new RoomObject(id, c, c.label(), c.nyu40(), Colour.GREY, c.materials().get(0), box, facing,
                c.function(), 0, null);
    }

    private static final RoomObject TABLE = at(1, Category.DINING_TABLE, Box3.ofMinMax(0, 0, 0, 1, 1, 0.75f), Direction.SOUTH);

    @Test
    void onNeedsContactWithinFiveMillimetresAndOverlap() {
        RoomObject mug = at(2, Category.MUG, Box3.ofMinMax(0.5f, 0.5f, 0.754f, 0.6f, 0.6f, 0.85f), Direction.SOUTH);
        RoomObject floating = at(3, Category.MUG, Box3.ofMinMax(0.5f, 0.5f, 0.76f, 0.6f, 0.6f, 0.85f), Direction.SOUTH);
        RoomObject beside = at(4, Category.MUG, Box3.ofMinMax(1.0f, 0.5f, 0.75f, 1.1f, 0.6f, 0.85f), Direction.SOUTH);
        assertTrue(Relations.holds(mug, Predicate.ON, TABLE));
        assertTrue(Relations.holds(TABLE, Predicate.UNDER, mug));
        assertFalse(Relations.holds(floating, Predicate.ON, TABLE));
        assertFalse(Relations.holds(beside, Predicate.ON, TABLE));   // footprints only touch
    }

    @Test
    void nextToStopsAtThirtyCentimetres() {
        RoomObject near = at(2, Category.CHAIR, Box3.ofMinMax(1.29f, 0, 0, 1.8f, 0.5f, 0.9f), Direction.WEST);
        RoomObject far = at(3, Category.CHAIR, Box3.ofMinMax(1.31f, 0, 0, 1.8f, 0.5f, 0.9f), Direction.WEST);
        RoomObject diagonal = at(4, Category.CHAIR, Box3.ofMinMax(1.2f, 1.2f, 0, 1.7f, 1.7f, 0.9f), Direction.WEST);
        assertTrue(Relations.holds(near, Predicate.NEXT_TO, TABLE));
        assertFalse(Relations.holds(far, Predicate.NEXT_TO, TABLE));
        assertTrue(Relations.holds(diagonal, Predicate.NEXT_TO, TABLE));  // gap hypot(0.2, 0.2) = 0.283
    }

    @Test
    void leftAndRightAreSeenFromTheDoor() {
        RoomObject east = at(2, Category.CHAIR, Box3.ofMinMax(1.5f, 0.2f, 0, 2f, 0.7f, 0.9f), Direction.WEST);
        RoomObject behind = at(3, Category.CHAIR, Box3.ofMinMax(1.5f, 1.5f, 0, 2f, 2f, 0.9f), Direction.WEST);
        RoomObject farEast = at(4, Category.CHAIR, Box3.ofMinMax(2.1f, 0.2f, 0, 2.6f, 0.7f, 0.9f), Direction.WEST);
        assertTrue(Relations.holds(TABLE, Predicate.LEFT_OF, east));
        assertTrue(Relations.holds(east, Predicate.RIGHT_OF, TABLE));
        assertFalse(Relations.holds(east, Predicate.LEFT_OF, TABLE));
        assertFalse(Relations.holds(TABLE, Predicate.LEFT_OF, behind));   // y ranges do not overlap
        assertFalse(Relations.holds(TABLE, Predicate.LEFT_OF, farEast));  // 1.1 m gap
    }

    @Test
    void facingAllowsThirtyDegrees() {
        // A chair at the origin facing north; targets at 2 m distance, 29 and 31 degrees off its front.
        RoomObject chair = at(2, Category.CHAIR, new Box3(0, 0, 0.45f, 0.5f, 0.5f, 0.9f), Direction.NORTH);
        RoomObject in = at(3, Category.DINING_TABLE, box(29), Direction.SOUTH);
        RoomObject out = at(4, Category.DINING_TABLE, box(31), Direction.SOUTH);
        assertTrue(Relations.holds(chair, Predicate.FACING, in));
        assertFalse(Relations.holds(chair, Predicate.FACING, out));
        assertFalse(Relations.holds(in, Predicate.FACING, chair));        // tables have no front
    }

    private static Box3 box(double degrees) {
        double r = Math.toRadians(degrees);
        return new Box3((float) (2 * Math.sin(r)), (float) (2 * Math.cos(r)), 0.375f, 1, 1, 0.75f);
    }
}
