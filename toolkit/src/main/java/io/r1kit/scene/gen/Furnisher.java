package io.r1kit.scene.gen;

import static io.r1kit.scene.gen.Category.*;
import static io.r1kit.scene.gen.Direction.*;

import java.util.List;

/**
 * The furnishing recipe of each {@link RoomKind}: core furniture first (a recipe fails, and the
 * caller starts again with a new room, when one does not fit), then optional furniture and small
 * objects while the room has fewer than the maximum number of objects, then fillers up to the
 * minimum.
 */
final class Furnisher {

    private static final List<Direction> ALL_WALLS = List.of(NORTH, EAST, SOUTH, WEST);
    private static final List<Direction> FAR_WALLS = List.of(NORTH, EAST, WEST);
    private static final List<Category> SURFACES = List.of(DESK, NIGHTSTAND, COFFEE_TABLE, DINING_TABLE, COUNTER, CABINET);

    private final RoomPlanner p;

    Furnisher(RoomPlanner planner) {
        this.p = planner;
    }

    /** Furnishes the room; false when a piece of core furniture did not fit. */
    boolean furnish(RoomKind kind, int minObjects) {
        p.placeDoor();
        boolean ok = switch (kind) {
            case BEDROOM -> bedroom();
            case LIVING_ROOM -> livingRoom();
            case KITCHEN -> kitchen();
            case OFFICE -> office();
        };
        if (ok) {
            fill(minObjects);
        }
        return ok;
    }

    private boolean bedroom() {
        if (p.chance(0.5)) {
            p.tryFree(RUG, 0.6);
        }
        Placed bed = p.tryWall(BED, FAR_WALLS);
        Placed stand = p.tryBeside(NIGHTSTAND, bed, 0.05);
        if (bed == null || stand == null || p.tryOn(PILLOW, bed, 0.75, 0.95, true) == null) {
            return false;
        }
        if (bed.width() > 1.3 && p.chance(0.7)) {
            p.tryOn(PILLOW, bed, 0.75, 0.95, true);
        }
        Placed stand2 = p.chance(0.6) ? p.tryBeside(NIGHTSTAND, bed, 0.05) : null;
        if (p.tryWall(WARDROBE, ALL_WALLS) == null) {
            return false;
        }
        for (Placed s : new Placed[] {stand, stand2}) {
            if (s != null && p.chance(0.7)) {
                p.tryOn(TABLE_LAMP, s, 0, 1, false);
            }
            if (s != null && p.chance(0.3)) {
                p.tryOn(p.chance(0.5) ? BOOKS : MUG, s, 0, 1, false);
            }
        }
        if (p.chance(0.5)) {
            workplace(false);
        }
        optional(BOOKSHELF, 0.3, PLANT, 0.5, TRASH_CAN, 0.4, FLOOR_LAMP, 0.3);
        return true;
    }

    private boolean livingRoom() {
        if (p.chance(0.8)) {
            p.tryFree(RUG, 1.0);
        }
        Placed sofa = p.tryWall(SOFA, FAR_WALLS);
        if (sofa == null) {
            return false;
        }
        Placed table = p.tryFacing(COFFEE_TABLE, sofa, sofa.facing(), 0.30, 0.50, 0.1);
        Placed stand = p.tryWallAt(TV_STAND, sofa.facing(), sofa.facing().alongX() ? sofa.cy() : sofa.cx(), 0.3);
        if (stand == null) {
            stand = p.tryWall(TV_STAND, ALL_WALLS);
        }
        if (table == null || stand == null || p.tryOn(TV, stand, 0.45, 0.75, true) == null) {
            return false;
        }
        for (Direction side : List.of(EAST, WEST)) {
            if (p.chance(0.4)) {
                p.tryFacing(CHAIR, table, side, 0.3, 0.6, 0.2);
            }
        }
        for (int i = 0; i < 3; i++) {
            if (p.chance(0.4)) {
                p.tryOn(i == 0 ? BOOKS : MUG, table, 0, 1, false);
            }
        }
        if (p.chance(0.3)) {
            p.tryBeside(FLOOR_LAMP, sofa, 0.1);
        }
        optional(BOOKSHELF, 0.5, BOOKSHELF, 0.2, PLANT, 0.6, PLANT, 0.3, CABINET, 0.3, TRASH_CAN, 0.3);
        return true;
    }

    private boolean kitchen() {
        Placed counter = p.tryWall(COUNTER, FAR_WALLS);
        Placed stove = p.tryBeside(STOVE, counter, 0.0);
        Placed sink = p.tryBeside(SINK, stove == null ? counter : p.chance(0.5) ? stove : counter, 0.0);
        if (sink == null) {
            sink = p.tryBeside(SINK, counter, 0.0);
        }
        if (counter == null || stove == null || sink == null || p.tryWall(FRIDGE, ALL_WALLS) == null) {
            return false;
        }
        Placed table = p.tryFree(DINING_TABLE, 0.8);
        if (table == null || p.tryWall(TRASH_CAN, ALL_WALLS) == null) {
            return false;
        }
        int chairs = 0;
        for (Direction side : List.of(NORTH, SOUTH, EAST, WEST)) {
            if (p.tryFacing(CHAIR, table, side, 0.05, 0.2, 0.25) != null) {
                chairs++;
            }
        }
        if (chairs < 2) {
            return false;
        }
        if (p.chance(0.6)) {
            p.tryOn(MICROWAVE, counter, 0.5, 0.9, true);
        }
        Placed counter2 = p.chance(0.5) ? p.tryBeside(COUNTER, sink, 0.0) : null;
        for (int i = 0; i < 3; i++) {
            if (p.chance(0.4)) {
                p.tryOn(MUG, p.pick(List.of(counter, table, counter2 == null ? table : counter2)), 0, 1, false);
            }
        }
        optional(CABINET, 0.5, CABINET, 0.2, PLANT, 0.4);
        return true;
    }

    private boolean office() {
        if (!workplace(true) || p.tryWall(BOOKSHELF, ALL_WALLS) == null || p.tryWall(TRASH_CAN, ALL_WALLS) == null) {
            return false;
        }
        int desks = p.rng.nextInt(3);
        for (int i = 0; i < desks && !p.full(); i++) {
            workplace(false);
        }
        optional(BOOKSHELF, 0.4, CABINET, 0.5, CABINET, 0.3, PLANT, 0.5, PLANT, 0.3);
        return true;
    }

    /** A desk against a wall with a chair facing it (no desk without one) and things on it; with {@code core}, a monitor too. */
    private boolean workplace(boolean core) {
        Placed desk = p.tryWall(DESK, FAR_WALLS);
        if (desk == null) {
            return false;
        }
        Placed chair = p.tryFacing(CHAIR, desk, desk.facing(), 0.05, 0.25, 0.2);
        if (chair == null) {
            p.removeLast(desk);
            return false;
        }
        Placed screen = core || p.chance(0.6) ? p.tryOn(MONITOR, desk, 0.55, 0.85, true) : null;
        if (core && screen == null) {
            return false;
        }
        if (p.chance(screen == null ? 0.7 : 0.3)) {
            p.tryOn(LAPTOP, desk, 0.1, 0.6, true);
        }
        if (p.chance(0.4)) {
            p.tryOn(MUG, desk, 0, 1, false);
        }
        if (p.chance(0.3)) {
            p.tryOn(BOOKS, desk, 0, 1, false);
        }
        if (p.chance(0.3)) {
            p.tryOn(TABLE_LAMP, desk, 0.5, 1, false);
        }
        return true;
    }

    /** Pairs of (category, chance): each placed against a wall with that chance while there is room. */
    private void optional(Object... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (p.chance((Double) pairs[i + 1])) {
                p.tryWall((Category) pairs[i], ALL_WALLS);
            }
        }
    }

    /** Adds plants, trash cans, books and mugs until the room holds {@code minObjects} or nothing more fits. */
    private void fill(int minObjects) {
        for (int tries = 0; tries < 60 && p.placed.size() < minObjects && !p.full(); tries++) {
            List<Placed> surfaces = p.placed.stream().filter(o -> SURFACES.contains(o.category())).toList();
            int k = p.rng.nextInt(6);
            if (k < 3 && !surfaces.isEmpty()) {
                p.tryOn(List.of(BOOKS, MUG, TABLE_LAMP).get(k), p.pick(surfaces), 0, 1, false);
            } else {
                p.tryWall(List.of(PLANT, PLANT, PLANT, PLANT, TRASH_CAN, CABINET).get(k), ALL_WALLS);
            }
        }
    }
}
