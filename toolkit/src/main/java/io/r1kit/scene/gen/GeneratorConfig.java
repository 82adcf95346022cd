package io.r1kit.scene.gen;

import com.google.gson.Gson;

/**
 * Settings of {@link SceneGenerator}; immutable, checked on construction. Start from
 * {@link #defaults()} and change one field with a {@code withX} method.
 *
 * <pre>{@code
 * GeneratorConfig cfg = GeneratorConfig.defaults().withPointBudget(20_000);
 * }</pre>
 *
 * @param pointBudget   exact number of points per room, floor and walls included
 * @param minObjects    the generator adds small objects and plants until the room holds this many (as far as they fit)
 * @param maxObjects    optional furniture and small objects stop at this many objects
 * @param minRoomSide   smallest room width or depth (m)
 * @param maxRoomSide   largest room width or depth (m)
 * @param colourNoise   half-width of the uniform-sum noise added to each colour channel
 * @param positionNoise largest inward jitter (m) of a surface point along its face normal
 * @param normals       whether the points carry the normals of the faces they were sampled on
 */
public record GeneratorConfig(int pointBudget, int minObjects, int maxObjects, double minRoomSide, double maxRoomSide,
                              double colourNoise, double positionNoise, boolean normals) {

    /** Points every object gets at least, whatever its surface area. */
    public static final int MIN_POINTS_PER_OBJECT = 96;
    /** Objects the core furniture of the fullest room kind can take (kitchen with four chairs). */
    public static final int CORE_OBJECTS = 12;
    /** Room side below which the core furniture of every kind is not sure to fit. */
    public static final double SMALLEST_ROOM_SIDE = 3.5;

    public GeneratorConfig {
        if (maxObjects < CORE_OBJECTS || maxObjects > 200) {
            throw new IllegalArgumentException("maxObjects " + maxObjects + " is outside " + CORE_OBJECTS
                    + "..200: the core furniture of a room needs up to " + CORE_OBJECTS + " objects");
        }
        if (minObjects < 0 || minObjects > maxObjects) {
            throw new IllegalArgumentException("minObjects " + minObjects + " must be in 0..maxObjects (" + maxObjects
                    + "); lower minObjects or raise maxObjects");
        }
        long needed = 2_000L + (long) MIN_POINTS_PER_OBJECT * maxObjects;
        if (pointBudget < needed || pointBudget > 10_000_000) {
            throw new IllegalArgumentException("pointBudget " + pointBudget + " is outside " + needed
                    + "..10000000: each of up to maxObjects objects needs " + MIN_POINTS_PER_OBJECT
                    + " points plus 2000 for floor and walls; raise pointBudget or lower maxObjects");
        }
        if (!(minRoomSide >= SMALLEST_ROOM_SIDE) || !(maxRoomSide >= minRoomSide) || !(maxRoomSide <= 15)) {
            throw new IllegalArgumentException("room sides [" + minRoomSide + ", " + maxRoomSide + "] m must satisfy "
                    + SMALLEST_ROOM_SIDE + " <= minRoomSide <= maxRoomSide <= 15 (the core furniture needs "
                    + SMALLEST_ROOM_SIDE + " m)");
        }
        if (!(colourNoise >= 0 && colourNoise <= 0.2)) {
            throw new IllegalArgumentException("colourNoise " + colourNoise
                    + " is outside [0, 0.2]; larger noise would blur the palette colours into each other");
        }
        if (!(positionNoise >= 0 && positionNoise <= 0.01)) {
            throw new IllegalArgumentException("positionNoise " + positionNoise
                    + " m is outside [0, 0.01]; thin parts such as shelf boards are 0.02 m");
        }
    }

    /** 40,000 points, 14..40 objects, rooms 3.5..6.5 m a side, colour noise 0.03, position noise 2 mm, normals. */
    public static GeneratorConfig defaults() {
        return new GeneratorConfig(40_000, 14, 40, 3.5, 6.5, 0.03, 0.002, true);
    }

    public GeneratorConfig withPointBudget(int n) {
        return new GeneratorConfig(n, minObjects, maxObjects, minRoomSide, maxRoomSide, colourNoise, positionNoise, normals);
    }

    public GeneratorConfig withObjectRange(int min, int max) {
        return new GeneratorConfig(pointBudget, min, max, minRoomSide, maxRoomSide, colourNoise, positionNoise, normals);
    }

    public GeneratorConfig withRoomSides(double min, double max) {
        return new GeneratorConfig(pointBudget, minObjects, maxObjects, min, max, colourNoise, positionNoise, normals);
    }

    public GeneratorConfig withNoise(double colour, double position) {
        return new GeneratorConfig(pointBudget, minObjects, maxObjects, minRoomSide, maxRoomSide, colour, position, normals);
    }

    public GeneratorConfig withNormals(boolean on) {
        return new GeneratorConfig(pointBudget, minObjects, maxObjects, minRoomSide, maxRoomSide, colourNoise, positionNoise, on);
    }

    /** The config as JSON, field names as the record components. */
    public String toJson() {
        return new Gson().toJson(this);
    }

    /** Reads a config written by {@link #toJson()}; checks it like the constructor does. */
    public static GeneratorConfig fromJson(String json) {
        GeneratorConfig c;
        try {
            c = new Gson().fromJson(json, GeneratorConfig.class);
        } catch (RuntimeException e) {
            // Gson wraps what the constructor rejects; report its reason, not the wrapper's.
            Throwable reason = e;
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof IllegalArgumentException) {
                    reason = t;
                }
            }
            throw new IllegalArgumentException("generator config JSON is not valid: " + reason.getMessage(), e);
        }
        if (c == null) {
            throw new IllegalArgumentException("generator config JSON is empty");
        }
        return c;
    }
}
