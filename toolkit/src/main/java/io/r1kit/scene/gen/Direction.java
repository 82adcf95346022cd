package io.r1kit.scene.gen;

/**
 * A horizontal compass direction in room coordinates (z is up). The room spans
 * {@code [0, width] x [0, depth]}; the door is in the {@link #SOUTH} wall ({@code y = 0}), so a
 * person standing in the door looks {@link #NORTH} ({@code +y}), with {@link #WEST} ({@code -x})
 * on their left and {@link #EAST} ({@code +x}) on their right.
 *
 * <p>Used both for the way an object's front points and for the wall an object stands against
 * (the wall on that side of the room).
 */
public enum Direction {
    NORTH(0, 1), EAST(1, 0), SOUTH(0, -1), WEST(-1, 0);

    private final int dx;
    private final int dy;

    Direction(int dx, int dy) {
        this.dx = dx;
        this.dy = dy;
    }

    /** x component of the unit vector. */
    public int dx() { return dx; }

    /** y component of the unit vector. */
    public int dy() { return dy; }

    public Direction opposite() {
        return values()[(ordinal() + 2) % 4];
    }

    /** Whether the direction runs along the x axis. */
    public boolean alongX() {
        return dx != 0;
    }
}
