package io.r1kit.scene.ply;

import io.r1kit.scene.SceneFormatException;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Reads a {@code face} element as triangles, splitting each polygon into a fan {@code (v0, vi, vi+1)}. */
final class FaceReader {

    private FaceReader() {}

    /**
     * The triangles of {@code face} as vertex-index triples (3 ints each). Polygons with fewer than
     * three corners add nothing.
     *
     * @throws SceneFormatException on a missing index list or an index outside {@code 0..vertexCount-1}
     */
    static int[] triangles(Path file, BodyReader body, PlyElement face, int vertexCount) throws SceneFormatException {
        int list = face.indexOf("vertex_indices");
        if (list < 0) {
            list = face.indexOf("vertex_index");
        }
        if (list < 0 || !face.properties().get(list).isList()) {
            throw new SceneFormatException(file, "face element has no vertex_indices list, so its surface cannot"
                    + " be sampled");
        }
        List<PlyProperty> props = face.properties();
        int[] tris = new int[3 * Math.max(16, Math.min(face.count(), 1 << 20))];
        int size = 0;
        int[] poly = new int[8];
        for (int f = 0; f < face.count(); f++) {
            body.begin("face", f, face.count());
            for (int k = 0; k < props.size(); k++) {
                PlyProperty p = props.get(k);
                int len = p.isList() ? body.listLength(p) : 1;
                if (k != list) {
                    for (int m = 0; m < len; m++) {
                        body.next(p.type(), p.name());
                    }
                    continue;
                }
                if (poly.length < len) {
                    poly = new int[len];
                }
                for (int m = 0; m < len; m++) {
                    double v = body.next(p.type(), p.name());
                    if (v < 0 || v >= vertexCount || v != Math.rint(v)) {
                        throw new SceneFormatException(file, "face " + f + " refers to vertex "
                                + (v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v))
                                + ", but there are " + vertexCount + " vertices");
                    }
                    poly[m] = (int) v;
                }
                for (int m = 1; m + 1 < len; m++) {
                    if (size + 3 > tris.length) {
                        tris = Arrays.copyOf(tris, tris.length * 2);
                    }
                    tris[size++] = poly[0];
                    tris[size++] = poly[m];
                    tris[size++] = poly[m + 1];
                }
            }
            body.end();
        }
        return Arrays.copyOf(tris, size);
    }
}
