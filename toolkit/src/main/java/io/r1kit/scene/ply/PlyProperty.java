package io.r1kit.scene.ply;

import java.util.Objects;

/**
 * One property of a PLY element: a scalar ({@code property float x}) or a list
 * ({@code property list uchar int vertex_indices}, where {@code countType} is {@code uchar}).
 *
 * @param name      property name
 * @param type      scalar type, or the item type of a list
 * @param countType type of a list's length prefix; {@code null} for a scalar property
 */
public record PlyProperty(String name, PlyType type, PlyType countType) {

    public PlyProperty {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (countType != null && !countType.integral()) {
            throw new IllegalArgumentException("list length type of " + name + " must be an integer type, not "
                    + countType.plyName());
        }
    }

    /** Whether this is a list property. */
    public boolean isList() {
        return countType != null;
    }
}
