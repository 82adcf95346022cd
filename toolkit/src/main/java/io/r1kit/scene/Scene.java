package io.r1kit.scene;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable 3D scene: a coloured point cloud, optional per-point instance and semantic labels,
 * the object instances with their boxes, the scene bounds and where it came from.
 *
 * <p>Build one with {@link #builder(String)}; loaders in this package and its sub-packages do.
 */
public final class Scene {

    private final String id;
    private final PointCloud points;
    private final int[] instanceLabels;
    private final int[] semanticLabels;
    private final List<SceneObject> objects;
    private final Box3 bounds;
    private final SceneSource source;

    private Scene(Builder b) {
        this.id = b.id;
        this.points = b.points;
        this.instanceLabels = b.instanceLabels;
        this.semanticLabels = b.semanticLabels;
        this.objects = List.copyOf(b.objects);
        this.source = b.source;
        this.bounds = points.size() > 0 ? points.bounds() : null;
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** A builder holding everything of this scene, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder(id).points(points).objects(objects).source(source);
        b.instanceLabels = instanceLabels;
        b.semanticLabels = semanticLabels;
        return b;
    }

    /** Scene identifier, e.g. {@code scene0000_02} or {@code bedroom-seed7}. */
    public String id() { return id; }

    public PointCloud points() { return points; }

    /** Per-point instance ids (0 or negative = no instance), when the source has usable ones. */
    public Optional<int[]> instanceLabels() {
        return Optional.ofNullable(instanceLabels).map(int[]::clone);
    }

    /** Per-point semantic class ids, when the source has usable ones. */
    public Optional<int[]> semanticLabels() {
        return Optional.ofNullable(semanticLabels).map(int[]::clone);
    }

    public List<SceneObject> objects() { return objects; }

    /** The object with this instance id, if any. */
    public Optional<SceneObject> object(int objectId) {
        return objects.stream().filter(o -> o.id() == objectId).findFirst();
    }

    /** The object whose box {@code box} overlaps most (3D IoU), or empty when it overlaps none. */
    public Optional<SceneObject> mostOverlapped(Box3 box) {
        SceneObject best = null;
        double bestIou = 0;
        for (SceneObject o : objects) {
            double iou = box.iou(o.box());
            if (iou > bestIou) {
                best = o;
                bestIou = iou;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Axis-aligned bounds of all points; throws for a scene with no points. */
    public Box3 bounds() {
        if (bounds == null) {
            throw new IllegalStateException("scene " + id + " has no points, so no bounds");
        }
        return bounds;
    }

    public SceneSource source() { return source; }

    @Override
    public String toString() {
        return "Scene[" + id + ", " + points.size() + " points, " + objects.size() + " objects, " + source.format() + "]";
    }

    /** Builds a {@link Scene}; {@link #build()} checks that all per-point arrays agree in length. */
    public static final class Builder {
        private final String id;
        private PointCloud points;
        private int[] instanceLabels;
        private int[] semanticLabels;
        private List<SceneObject> objects = new ArrayList<>();
        private SceneSource source = new SceneSource(null, "memory");

        private Builder(String id) {
            this.id = Objects.requireNonNull(id, "id");
        }

        /** Required: the points. */
        public Builder points(PointCloud points) {
            this.points = points;
            return this;
        }

        public Builder instanceLabels(int[] labels) {
            this.instanceLabels = labels == null ? null : labels.clone();
            return this;
        }

        public Builder semanticLabels(int[] labels) {
            this.semanticLabels = labels == null ? null : labels.clone();
            return this;
        }

        public Builder objects(List<SceneObject> objects) {
            this.objects = new ArrayList<>(objects);
            return this;
        }

        public Builder addObject(SceneObject object) {
            this.objects.add(object);
            return this;
        }

        public Builder source(SceneSource source) {
            this.source = Objects.requireNonNull(source, "source");
            return this;
        }

        public Builder note(String note) {
            this.source = source.withNote(note);
            return this;
        }

        public Scene build() {
            if (id.isBlank()) {
                throw new IllegalStateException("scene id is blank");
            }
            if (points == null) {
                throw new IllegalStateException("scene " + id + ": points are required (call points(...))");
            }
            int n = points.size();
            if (instanceLabels != null && instanceLabels.length != n) {
                throw new IllegalStateException("scene " + id + ": " + instanceLabels.length
                        + " instance labels for " + n + " points");
            }
            if (semanticLabels != null && semanticLabels.length != n) {
                throw new IllegalStateException("scene " + id + ": " + semanticLabels.length
                        + " semantic labels for " + n + " points");
            }
            java.util.Set<Integer> ids = new java.util.HashSet<>();
            for (SceneObject o : objects) {
                if (!ids.add(o.id())) {
                    throw new IllegalStateException("scene " + id + ": object id " + o.id() + " appears twice");
                }
                for (int i : o.pointIndices()) {
                    if (i < 0 || i >= n) {
                        throw new IllegalStateException("scene " + id + ": object " + o.id() + " refers to point "
                                + i + " of " + n);
                    }
                }
            }
            return new Scene(this);
        }
    }
}
