package io.r1kit.scene.gen;

import java.util.Locale;

/**
 * The fixed colour palette of generated objects: a name a question can use and its RGB in [0, 1].
 * The colours are far apart so that a name is never in doubt from the points.
 */
public enum Colour {
    RED(0.80f, 0.12f, 0.12f),
    ORANGE(0.95f, 0.50f, 0.10f),
    YELLOW(0.95f, 0.85f, 0.15f),
    GREEN(0.15f, 0.60f, 0.20f),
    BLUE(0.15f, 0.30f, 0.80f),
    PURPLE(0.50f, 0.20f, 0.65f),
    PINK(0.95f, 0.55f, 0.70f),
    BROWN(0.50f, 0.30f, 0.15f),
    BLACK(0.08f, 0.08f, 0.08f),
    WHITE(0.93f, 0.93f, 0.93f),
    GREY(0.50f, 0.50f, 0.50f);

    private final float r;
    private final float g;
    private final float b;

    Colour(float r, float g, float b) {
        this.r = r;
        this.g = g;
        this.b = b;
    }

    public float r() { return r; }
    public float g() { return g; }
    public float b() { return b; }

    /** The lower-case name used in text, e.g. {@code "grey"}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
