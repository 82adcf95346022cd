package io.r1kit.scene;

import java.util.Arrays;
import java.util.Locale;

/**
 * A uniform scale followed by a translation, {@code p' = scale * p + t}, applied to a scene's points,
 * its objects' boxes and nothing else (normals and colours do not change under it). Keep the
 * transform to map results back: {@code t.inverse().apply(box)}.
 *
 * <pre>{@code
 * SceneTransform t = SceneTransform.normalizing(scene);   // bounds centred, longest side 1
 * Scene unit = t.apply(scene);
 * Box3 inFileCoordinates = t.inverse().apply(unit.objects().get(0).box());
 * }</pre>
 *
 * @param scale positive, finite
 * @param tx    translation along x, applied after scaling
 * @param ty    translation along y
 * @param tz    translation along z
 */
public record SceneTransform(double scale, double tx, double ty, double tz) {

    public static final SceneTransform IDENTITY = new SceneTransform(1, 0, 0, 0);

    public SceneTransform {
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("scale must be positive and finite, got " + scale);
        }
        if (!Double.isFinite(tx) || !Double.isFinite(ty) || !Double.isFinite(tz)) {
            throw new IllegalArgumentException("translation must be finite, got " + Arrays.toString(new double[] {tx, ty, tz}));
        }
    }

    /** Moves everything by {@code (dx, dy, dz)}. */
    public static SceneTransform translation(double dx, double dy, double dz) {
        return new SceneTransform(1, dx, dy, dz);
    }

    /** Scales everything about the origin by {@code s}. */
    public static SceneTransform scaling(double s) {
        return new SceneTransform(s, 0, 0, 0);
    }

    /**
     * Centres {@code bounds} at the origin and scales its longest side to 1; a box with no extent is
     * only centred.
     */
    public static SceneTransform normalizing(Box3 bounds) {
        double longest = Math.max(bounds.dx(), Math.max(bounds.dy(), bounds.dz()));
        double s = longest > 0 ? 1 / longest : 1;
        return new SceneTransform(s, -s * bounds.cx(), -s * bounds.cy(), -s * bounds.cz());
    }

    /** {@link #normalizing(Box3)} of the scene's point bounds. */
    public static SceneTransform normalizing(Scene scene) {
        return normalizing(scene.bounds());
    }

    /** This transform, then {@code next}. */
    public SceneTransform then(SceneTransform next) {
        return new SceneTransform(next.scale * scale, next.scale * tx + next.tx, next.scale * ty + next.ty,
                next.scale * tz + next.tz);
    }

    /** The transform that undoes this one. */
    public SceneTransform inverse() {
        return new SceneTransform(1 / scale, -tx / scale, -ty / scale, -tz / scale);
    }

    /** Transformed copy of 3N coordinates. */
    public float[] apply(float[] xyz) {
        float[] out = new float[xyz.length];
        for (int i = 0; i < xyz.length; i += 3) {
            out[i] = (float) (scale * xyz[i] + tx);
            out[i + 1] = (float) (scale * xyz[i + 1] + ty);
            out[i + 2] = (float) (scale * xyz[i + 2] + tz);
        }
        return out;
    }

    /** The box moved and resized: its centre transformed, its sizes scaled. */
    public Box3 apply(Box3 box) {
        return new Box3((float) (scale * box.cx() + tx), (float) (scale * box.cy() + ty), (float) (scale * box.cz() + tz),
                (float) (scale * box.dx()), (float) (scale * box.dy()), (float) (scale * box.dz()));
    }

    /** The scene with its points and object boxes transformed, and a note recording this transform. */
    public Scene apply(Scene scene) {
        PointCloud p = scene.points();
        PointCloud moved = new PointCloud(apply(p.xyzArray()), p.rgbArray(), p.normalsArray());
        return scene.toBuilder().points(moved)
                .objects(scene.objects().stream()
                        .map(o -> new SceneObject(o.id(), o.label(), o.semanticId(), apply(o.box()), o.pointIndices()))
                        .toList())
                .note("transformed: " + this)
                .build();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "p' = %.6g p + (%.6g, %.6g, %.6g)", scale, tx, ty, tz);
    }
}
