package io.r1kit.scene.ply;

import java.util.List;
import java.util.Objects;

/**
 * One element declared in a PLY header, e.g. {@code element vertex 8} with its properties.
 *
 * @param name       element name ({@code vertex}, {@code face}, {@code edge}, ...)
 * @param count      number of instances in the body
 * @param properties properties in body order
 */
public record PlyElement(String name, int count, List<PlyProperty> properties) {

    public PlyElement {
        Objects.requireNonNull(name, "name");
        if (count < 0) {
            throw new IllegalArgumentException("element " + name + " has a negative count " + count);
        }
        properties = List.copyOf(properties);
    }

    /** Index of the property called {@code name}, or -1. */
    public int indexOf(String propertyName) {
        for (int i = 0; i < properties.size(); i++) {
            if (properties.get(i).name().equals(propertyName)) {
                return i;
            }
        }
        return -1;
    }

    /** Bytes per instance in a binary body when all properties are scalars, else -1. */
    int fixedSize() {
        int size = 0;
        for (PlyProperty p : properties) {
            if (p.isList()) {
                return -1;
            }
            size += p.type().size();
        }
        return size;
    }
}
