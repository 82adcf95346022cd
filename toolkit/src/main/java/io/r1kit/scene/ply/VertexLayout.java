package io.r1kit.scene.ply;

import io.r1kit.scene.SceneFormatException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which vertex property feeds which point attribute. Roles 0..2 are x, y, z; 3..5 red, green,
 * blue; 6..8 nx, ny, nz; -1 means the value is read and dropped.
 */
final class VertexLayout {

    static final int IGNORED = -1;
    static final int RED = 3;
    static final int NX = 6;

    private static final List<List<String>> COLOUR_NAMES = List.of(
            List.of("red", "green", "blue"), List.of("r", "g", "b"),
            List.of("diffuse_red", "diffuse_green", "diffuse_blue"));
    private static final Set<String> SILENT = Set.of("alpha", "a", "diffuse_alpha");

    final int[] roles;
    final PlyType[] colourTypes;
    final boolean hasColour;
    final boolean hasNormals;
    final List<String> notes = new ArrayList<>();

    private VertexLayout(int[] roles, PlyType[] colourTypes, boolean hasColour, boolean hasNormals) {
        this.roles = roles;
        this.colourTypes = colourTypes;
        this.hasColour = hasColour;
        this.hasNormals = hasNormals;
    }

    /** Maps the properties of {@code vertex}; x, y and z must be scalar properties. */
    static VertexLayout of(Path file, PlyElement vertex) throws SceneFormatException {
        List<PlyProperty> props = vertex.properties();
        int[] roles = new int[props.size()];
        java.util.Arrays.fill(roles, IGNORED);
        List<String> missing = new ArrayList<>();
        for (int a = 0; a < 3; a++) {
            String name = List.of("x", "y", "z").get(a);
            if (!assign(file, vertex, roles, List.of(name), a)) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new SceneFormatException(file, "vertex element has no " + String.join(", ", missing)
                    + " propert" + (missing.size() == 1 ? "y" : "ies"));
        }
        boolean colour = false;
        for (List<String> names : COLOUR_NAMES) {
            if (assign(file, vertex, roles, names, RED)) {
                colour = true;
                break;
            }
        }
        boolean normals = assign(file, vertex, roles, List.of("nx", "ny", "nz"), NX);
        PlyType[] colourTypes = new PlyType[3];
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < props.size(); i++) {
            if (roles[i] >= RED && roles[i] < NX) {
                colourTypes[roles[i] - RED] = props.get(i).type();
            } else if (roles[i] == IGNORED && !SILENT.contains(props.get(i).name())) {
                ignored.add(props.get(i).name());
            }
        }
        VertexLayout layout = new VertexLayout(roles, colourTypes, colour, normals);
        if (!ignored.isEmpty()) {
            layout.notes.add("vertex properties ignored: " + String.join(", ", ignored));
        }
        if (!colour) {
            layout.notes.add("vertices have no colour; points are grey (0.5)");
        }
        return layout;
    }

    /** Gives roles first..first+names-1 to the named scalar properties when all of them exist. */
    private static boolean assign(Path file, PlyElement vertex, int[] roles, List<String> names, int first)
            throws SceneFormatException {
        int[] at = new int[names.size()];
        for (int k = 0; k < names.size(); k++) {
            at[k] = vertex.indexOf(names.get(k));
            if (at[k] < 0) {
                return false;
            }
            if (vertex.properties().get(at[k]).isList()) {
                throw new SceneFormatException(file, "vertex property " + names.get(k)
                        + " is a list, expected a scalar");
            }
        }
        for (int k = 0; k < at.length; k++) {
            roles[at[k]] = first + k;
        }
        return true;
    }
}
