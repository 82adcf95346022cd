package io.r1kit.scene.gen;

import java.util.Locale;

/** What a generated object is made of; a label only (it does not change the points). */
public enum Material {
    WOOD, METAL, FABRIC, PLASTIC, GLASS, LEATHER, CERAMIC;

    /** The lower-case name used in text, e.g. {@code "wood"}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
