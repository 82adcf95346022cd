package io.r1kit.scene.gen;

import java.util.Locale;

/**
 * A spatial relation between two objects of a generated room, read "subject PREDICATE object".
 * The exact geometric definitions are in {@link Relations}.
 */
public enum Predicate {
    /** The subject rests on top of the object. Inverse of {@link #UNDER}. */
    ON,
    /** The subject carries the object on its top. Inverse of {@link #ON}. */
    UNDER,
    /** Both stand at the same level with a small horizontal gap. Symmetric. */
    NEXT_TO,
    /** Seen from the door, the subject is left of the object. Inverse of {@link #RIGHT_OF}. */
    LEFT_OF,
    /** Seen from the door, the subject is right of the object. Inverse of {@link #LEFT_OF}. */
    RIGHT_OF,
    /** The subject's front points at the object. */
    FACING;

    /** The predicate read the other way round ({@code A ON B} is {@code B UNDER A}), or {@code null} for FACING. */
    public Predicate inverse() {
        return switch (this) {
            case ON -> UNDER;
            case UNDER -> ON;
            case NEXT_TO -> NEXT_TO;
            case LEFT_OF -> RIGHT_OF;
            case RIGHT_OF -> LEFT_OF;
            case FACING -> null;
        };
    }

    /** The words used in text, e.g. {@code "next to"}, {@code "left of"}. */
    public String words() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
