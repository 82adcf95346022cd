package io.r1kit.render;

import io.r1kit.scene.Box3;
import io.r1kit.scene.Scene;
import io.r1kit.scene.SceneObject;

import java.util.Arrays;
import java.util.Optional;

/**
 * Which object each point shows, for the renderer's per-pixel instance buffer.
 *
 * <ul>
 *   <li>With per-point instance labels ({@link Scene#instanceLabels()}) a point takes its label
 *       when that is the id of one of the scene's objects, else {@link #NONE}.</li>
 *   <li>Without them, an object that lists its own points ({@link SceneObject#pointIndices()}, as
 *       object proposals do) gives them its id; the first such object wins a point listed twice.</li>
 *   <li>Any other point (boxes only, as in the shared ScanNet scan whose label files are cut short)
 *       takes the <b>smallest-volume box that contains it</b> among the objects that list no points,
 *       else {@link #NONE}. Boxes
 *       are coarse: floor or wall points inside a box count for that object, and where boxes nest
 *       the inner, smaller object wins.</li>
 * </ul>
 */
public final class PointInstances {

    /** Instance id of points and pixels that show no object (floor, walls, background). */
    public static final int NONE = -1;

    private PointInstances() {}

    /** The object id of every point of {@code scene} (length N), or {@link #NONE}. */
    public static int[] of(Scene scene) {
        int n = scene.points().size();
        Optional<int[]> labels = scene.instanceLabels();
        int[] ids = new int[n];
        Arrays.fill(ids, NONE);
        if (labels.isPresent()) {
            java.util.Set<Integer> known = new java.util.HashSet<>();
            scene.objects().forEach(o -> known.add(o.id()));
            int[] l = labels.get();
            for (int i = 0; i < n; i++) {
                if (l[i] > 0 && known.contains(l[i])) {
                    ids[i] = l[i];
                }
            }
            return ids;
        }
        for (SceneObject o : scene.objects()) {
            for (int i : o.pointIndices()) {
                if (ids[i] == NONE) {
                    ids[i] = o.id();
                }
            }
        }
        // Smallest box first, so the first box that contains a point is the smallest one.
        SceneObject[] byVolume = scene.objects().stream().filter(o -> o.pointCount() == 0)
                .sorted(java.util.Comparator.comparingDouble((SceneObject o) -> o.box().volume()).thenComparingInt(SceneObject::id))
                .toArray(SceneObject[]::new);
        float[] mm = new float[6 * byVolume.length];
        for (int k = 0; k < byVolume.length; k++) {
            Box3 b = byVolume[k].box();
            mm[6 * k] = b.minX(); mm[6 * k + 1] = b.minY(); mm[6 * k + 2] = b.minZ();
            mm[6 * k + 3] = b.maxX(); mm[6 * k + 4] = b.maxY(); mm[6 * k + 5] = b.maxZ();
        }
        float[] xyz = scene.points().xyzArray();
        for (int i = 0; i < n && byVolume.length > 0; i++) {
            if (ids[i] != NONE) {
                continue;
            }
            float x = xyz[3 * i], y = xyz[3 * i + 1], z = xyz[3 * i + 2];
            for (int k = 0; k < byVolume.length; k++) {
                int o = 6 * k;
                if (x >= mm[o] && x <= mm[o + 3] && y >= mm[o + 1] && y <= mm[o + 4] && z >= mm[o + 2] && z <= mm[o + 5]) {
                    ids[i] = byVolume[k].id();
                    break;
                }
            }
        }
        return ids;
    }
}
