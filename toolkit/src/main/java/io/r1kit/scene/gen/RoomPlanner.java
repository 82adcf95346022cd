package io.r1kit.scene.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Places objects in a room one at a time so that no two boxes interpenetrate: furniture against
 * walls facing into the room, beside or in front of other furniture, small objects on the tops of
 * supports. Every {@code try...} method either adds one object and returns it, or leaves the room
 * unchanged and returns {@code null}.
 */
final class RoomPlanner {

    /** Overlap (m) two boxes may share along every axis before they count as interpenetrating. */
    static final double EPS = 1e-6;
    private static final int ATTEMPTS = 40;
    /** Clear floor in front of the door (m). */
    private static final double DOOR_CLEARANCE = 1.0;

    final double width;
    final double depth;
    final double height;
    final SplittableRandom rng;
    final int maxObjects;
    final List<Placed> placed = new ArrayList<>();
    private double[] doorZone;

    RoomPlanner(double width, double depth, double height, SplittableRandom rng, int maxObjects) {
        this.width = width;
        this.depth = depth;
        this.height = height;
        this.rng = rng;
        this.maxObjects = maxObjects;
    }

    boolean full() {
        return placed.size() >= maxObjects;
    }

    boolean chance(double p) {
        return rng.nextDouble() < p;
    }

    double uniform(double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }

    <T> T pick(List<T> list) {
        return list.get(rng.nextInt(list.size()));
    }

    /** Places the door in the south wall and keeps the floor in front of it clear. */
    Placed placeDoor() {
        double[] s = dims(Category.DOOR);
        double along = uniform(0.2 + s[0] / 2, width - 0.2 - s[0] / 2);
        Placed door = add(atWall(Category.DOOR, Direction.SOUTH, along, s));
        doorZone = new double[] {door.minX() - 0.1, door.maxX() + 0.1, DOOR_CLEARANCE};
        return door;
    }

    /** Against a random one of {@code walls}, at a random place along it. */
    Placed tryWall(Category c, List<Direction> walls) {
        for (int i = 0; i < ATTEMPTS; i++) {
            double[] s = dims(c);
            Direction wall = pick(walls);
            double len = wall.alongX() ? depth : width;
            if (s[0] > len) {
                continue;
            }
            Placed p = add(atWall(c, wall, uniform(s[0] / 2, len - s[0] / 2), s));
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    /** Against {@code wall}, centred within {@code jitter} m of {@code along} (falling back to anywhere on it). */
    Placed tryWallAt(Category c, Direction wall, double along, double jitter) {
        double len = wall.alongX() ? depth : width;
        for (int i = 0; i < ATTEMPTS / 4; i++) {
            double[] s = dims(c);
            double at = Math.max(s[0] / 2, Math.min(len - s[0] / 2, along + uniform(-jitter, jitter)));
            Placed p = add(atWall(c, wall, at, s));
            if (p != null) {
                return p;
            }
        }
        return tryWall(c, List.of(wall));
    }

    /** Against the wall the anchor stands against, right beside it on either side. */
    Placed tryBeside(Category c, Placed anchor, double maxGap) {
        if (anchor == null || anchor.wall() == null) {
            return null;
        }
        Direction wall = anchor.wall();
        double lo = wall.alongX() ? anchor.minY() : anchor.minX();
        double hi = wall.alongX() ? anchor.maxY() : anchor.maxX();
        int first = rng.nextBoolean() ? 1 : -1;
        for (int i = 0; i < ATTEMPTS / 4; i++) {
            int side = i % 2 == 0 ? first : -first;
            double[] s = dims(c);
            double gap = uniform(0, maxGap);
            double along = side > 0 ? hi + gap + s[0] / 2 : lo - gap - s[0] / 2;
            Placed p = add(atWall(c, wall, along, s));
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    /**
     * Outside the anchor's {@code side}, at a gap in {@code [minGap, maxGap]}, turned to face the anchor,
     * shifted sideways by up to {@code shift} times the anchor's extent along that side.
     */
    Placed tryFacing(Category c, Placed anchor, Direction side, double minGap, double maxGap, double shift) {
        for (int i = 0; i < ATTEMPTS / 4; i++) {
            double[] s = dims(c);
            double gap = uniform(minGap, maxGap);
            double sideLen = side.alongX() ? anchor.maxY() - anchor.minY() : anchor.maxX() - anchor.minX();
            double offset = uniform(-shift, shift) * sideLen;
            double cx = side.alongX() ? (side.dx() > 0 ? anchor.maxX() + gap + s[1] / 2 : anchor.minX() - gap - s[1] / 2)
                    : anchor.cx() + offset;
            double cy = side.alongX() ? anchor.cy() + offset
                    : (side.dy() > 0 ? anchor.maxY() + gap + s[1] / 2 : anchor.minY() - gap - s[1] / 2);
            Placed p = add(free(c, cx, cy, side.opposite(), s));
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    /** Free-standing at a random spot at least {@code margin} m from the walls, facing a random way. */
    Placed tryFree(Category c, double margin) {
        for (int i = 0; i < ATTEMPTS; i++) {
            double[] s = dims(c);
            Direction f = pick(List.of(Direction.values()));
            double fw = f.alongX() ? s[1] : s[0];
            double fd = f.alongX() ? s[0] : s[1];
            if (fw + 2 * margin > width || fd + 2 * margin > depth) {
                continue;
            }
            double cx = uniform(margin + fw / 2, width - margin - fw / 2);
            double cy = uniform(margin + fd / 2, depth - margin - fd / 2);
            Placed p = add(free(c, cx, cy, f, s));
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    /**
     * On top of {@code support}, its centre between {@code backFrom} and {@code backTo} of the way
     * from the support's front to its back; facing the support's way when {@code sameFacing}.
     */
    Placed tryOn(Category c, Placed support, double backFrom, double backTo, boolean sameFacing) {
        if (support == null || full()) {
            return null;
        }
        int supportIndex = placed.indexOf(support);
        for (int i = 0; i < ATTEMPTS / 2; i++) {
            double[] s = dims(c);
            Direction f = sameFacing ? support.facing() : pick(List.of(Direction.values()));
            Direction rel = f == support.facing() || f == support.facing().opposite() ? support.facing() : null;
            double acrossLen = rel != null ? s[0] : s[1];
            double alongLen = rel != null ? s[1] : s[0];
            double margin = 0.02;
            double uLo = margin + acrossLen / 2;
            double uHi = support.width() - margin - acrossLen / 2;
            double vLo = Math.max(margin + alongLen / 2, backFrom * support.depth());
            double vHi = Math.min(support.depth() - margin - alongLen / 2, backTo * support.depth());
            if (uLo > uHi || vLo > vHi) {
                continue;
            }
            double[] xy = support.world(uniform(uLo, uHi), uniform(vLo, vHi));
            double fw = f.alongX() ? s[1] : s[0];
            double fd = f.alongX() ? s[0] : s[1];
            Placed p = new Placed(c, pick(c.colours()), pick(c.materials()), f, null, supportIndex,
                    xy[0] - fw / 2, xy[1] - fd / 2, support.maxZ(), xy[0] + fw / 2, xy[1] + fd / 2, support.maxZ() + s[2]);
            if (add(p) != null) {
                return p;
            }
        }
        return null;
    }

    /** Takes back {@code p}, which must be the object placed last. */
    void removeLast(Placed p) {
        if (placed.isEmpty() || placed.get(placed.size() - 1) != p) {
            throw new IllegalStateException("only the object placed last can be taken back");
        }
        placed.remove(placed.size() - 1);
    }

    /** A random size {@code {width, depth, height}} in the category's range. */
    double[] dims(Category c) {
        double[] r = c.sizeRange();
        return new double[] {uniform(r[0], r[1]), uniform(r[2], r[3]), uniform(r[4], r[5])};
    }

    private Placed atWall(Category c, Direction wall, double along, double[] s) {
        double w = s[0];
        double d = s[1];
        double[] fp = switch (wall) {
            case NORTH -> new double[] {along - w / 2, depth - d, along + w / 2, depth};
            case SOUTH -> new double[] {along - w / 2, 0, along + w / 2, d};
            case EAST -> new double[] {width - d, along - w / 2, width, along + w / 2};
            case WEST -> new double[] {0, along - w / 2, d, along + w / 2};
        };
        return onFloor(c, wall.opposite(), wall, fp, s[2]);
    }

    private Placed free(Category c, double cx, double cy, Direction f, double[] s) {
        double fw = f.alongX() ? s[1] : s[0];
        double fd = f.alongX() ? s[0] : s[1];
        return onFloor(c, f, null, new double[] {cx - fw / 2, cy - fd / 2, cx + fw / 2, cy + fd / 2}, s[2]);
    }

    /** Stands the footprint on the floor, or on the rug it overlaps (then the rug is its support). */
    private Placed onFloor(Category c, Direction facing, Direction wall, double[] fp, double h) {
        double base = 0;
        int support = -1;
        if (c.role() != Category.Role.FLOOR_COVER) {
            for (int i = 0; i < placed.size(); i++) {
                Placed r = placed.get(i);
                if (r.category().role() == Category.Role.FLOOR_COVER
                        && Math.min(fp[2], r.maxX()) - Math.max(fp[0], r.minX()) > 0
                        && Math.min(fp[3], r.maxY()) - Math.max(fp[1], r.minY()) > 0) {
                    base = r.maxZ();
                    support = i;
                }
            }
        }
        return new Placed(c, pick(c.colours()), pick(c.materials()), facing, wall, support,
                fp[0], fp[1], base, fp[2], fp[3], base + h);
    }

    /** Adds {@code p} when it lies in the room, keeps the door clear and interpenetrates nothing. */
    private Placed add(Placed p) {
        if (full() || p.minX() < -EPS || p.minY() < -EPS || p.maxX() > width + EPS || p.maxY() > depth + EPS
                || p.maxZ() > height) {
            return null;
        }
        if (doorZone != null && p.minZ() < 0.1 && p.minX() < doorZone[1] && p.maxX() > doorZone[0]
                && p.minY() < doorZone[2]) {
            return null;
        }
        for (Placed o : placed) {
            if (p.interpenetrates(o, EPS)) {
                return null;
            }
        }
        placed.add(p);
        return p;
    }
}
