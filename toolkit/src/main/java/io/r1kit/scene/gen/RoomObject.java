package io.r1kit.scene.gen;

import io.r1kit.scene.Box3;

import java.util.Objects;

/**
 * One object of a generated room as the scene graph knows it. Room coordinates are metres with
 * z up and the room spanning {@code [0, width] x [0, depth] x [0, height]} (see {@link Direction}).
 *
 * @param id         instance id, 1..n, equal to the scene's instance label of the object's points
 * @param category   the generator's category (several may share a label)
 * @param label      the category label, e.g. {@code "chair"}
 * @param semanticId the NYU40 id of the label
 * @param colour     the palette colour all its points are shaded from
 * @param material   what it is made of
 * @param box        the tight axis-aligned box around its points
 * @param facing     the way its front points (objects are only ever turned by quarter turns)
 * @param function   what it is for, e.g. {@code "for sleeping"}
 * @param supportId  id of the object it stands on, or 0 when it stands on the floor
 * @param wall       the wall its back stands against, or {@code null} when it stands free
 */
public record RoomObject(int id, Category category, String label, int semanticId, Colour colour, Material material,
                         Box3 box, Direction facing, String function, int supportId, Direction wall) {

    public RoomObject {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(colour, "colour");
        Objects.requireNonNull(material, "material");
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(facing, "facing");
        if (id < 1) {
            throw new IllegalArgumentException("object id " + id + " is not positive (0 is the room structure)");
        }
        if (!category.label().equals(label) || category.nyu40() != semanticId) {
            throw new IllegalArgumentException("object " + id + ": label '" + label + "' / semantic id " + semanticId
                    + " do not match category " + category + " ('" + category.label() + "', " + category.nyu40() + ")");
        }
        if (supportId < 0 || supportId == id) {
            throw new IllegalArgumentException("object " + id + ": support id " + supportId + " is not another object or 0");
        }
    }

    /** Whether it stands on another object rather than on the floor. */
    public boolean isSupported() {
        return supportId != 0;
    }

    /** A short phrase naming it, e.g. {@code "red chair"}. */
    public String name() {
        return colour.word() + " " + label;
    }
}
