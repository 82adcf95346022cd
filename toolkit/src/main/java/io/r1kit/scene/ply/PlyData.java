package io.r1kit.scene.ply;

import io.r1kit.scene.PointCloud;

import java.util.List;
import java.util.Objects;

/**
 * What {@link PlyReader} made of a file.
 *
 * @param points the vertices, or the surface samples when asked for
 * @param header the parsed header (elements, comments, format)
 * @param notes  remarks for the user: ignored properties, defaulted colours, skipped elements
 */
public record PlyData(PointCloud points, PlyHeader header, List<String> notes) {

    public PlyData {
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(header, "header");
        notes = List.copyOf(notes);
    }
}
