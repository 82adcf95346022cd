package io.r1kit.scene;

import java.util.Arrays;
import java.util.Objects;

/**
 * One object instance of a scene: its instance id, a category label (e.g. {@code "chair"}), the
 * numeric semantic class when the source has one (NYU40 id for ScanNet, -1 otherwise), an
 * axis-aligned box, and the indices of its points in the scene (empty when the source gives boxes
 * without per-point instance labels).
 */
public final class SceneObject {

    private final int id;
    private final String label;
    private final int semanticId;
    private final Box3 box;
    private final int[] pointIndices;

    public SceneObject(int id, String label, int semanticId, Box3 box, int[] pointIndices) {
        this.id = id;
        this.label = Objects.requireNonNull(label, "label");
        this.semanticId = semanticId;
        this.box = Objects.requireNonNull(box, "box");
        this.pointIndices = pointIndices.clone();
    }

    public int id() { return id; }

    public String label() { return label; }

    /** Numeric semantic class of the source (NYU40 id for ScanNet), or -1 when it has none. */
    public int semanticId() { return semanticId; }

    public Box3 box() { return box; }

    /** Number of scene points that belong to this object (0 when the source has no point labels). */
    public int pointCount() { return pointIndices.length; }

    /** A copy of the indices of this object's points in the scene. */
    public int[] pointIndices() { return pointIndices.clone(); }

    /** The same object with other point indices (used when a scene is resampled). */
    public SceneObject withPointIndices(int[] indices) {
        return new SceneObject(id, label, semanticId, box, indices);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SceneObject s && id == s.id && semanticId == s.semanticId && label.equals(s.label)
                && box.equals(s.box) && Arrays.equals(pointIndices, s.pointIndices);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, label, semanticId, box, Arrays.hashCode(pointIndices));
    }

    @Override
    public String toString() {
        return "SceneObject[id=" + id + ", label=" + label + ", box=" + box + ", points=" + pointIndices.length + "]";
    }
}
