package io.r1kit.model.vlm;

import io.r1kit.scene.Box3;
import io.r1kit.scene.Scene;
import io.r1kit.scene.SceneObject;
import io.r1kit.scene.proposal.SceneObjects;
import io.r1kit.task.BoxCodec;

import java.util.Comparator;
import java.util.List;

/**
 * The model's input from one scene, computed in plain Java: the scene's objects (through
 * {@link SceneObjects#resolve}, so an unlabelled scan is encoded over its object proposals) ordered
 * by id and cut at {@link VlmConfig#maxObjects()}, each as an {@link ObjectSample}, and the global
 * features (room extent). The same scene and config give equal features.
 *
 * <pre>{@code
 * SceneFeatures f = SceneFeatures.extract(scene, config);
 * f.objects().size();   // N <= config.maxObjects()
 * f.proposed();         // true when the scene had no labelled objects
 * }</pre>
 *
 * @param sceneId  the scene's id
 * @param bounds   the scene's axis-aligned bounds (the box grid's frame)
 * @param objects  the N encoded objects, by id
 * @param global   [{@value #GLOBAL_FEATURES}] room extent dx, dy, dz in units of {@value #METRES} m, and N / maxObjects
 * @param proposed whether the objects are proposals
 */
public record SceneFeatures(String sceneId, Box3 bounds, List<ObjectSample> objects, float[] global, boolean proposed) {

    /** Inputs of the global token. */
    public static final int GLOBAL_FEATURES = 4;
    /** Room extents are divided by this many metres, so rooms land near 0..1. */
    public static final float METRES = 10f;

    public SceneFeatures {
        objects = List.copyOf(objects);
        global = global.clone();
    }

    @Override
    public float[] global() {
        return global.clone();
    }

    /** The features of {@code scene}; runs object proposals when it has no objects. */
    public static SceneFeatures extract(Scene scene, VlmConfig config) {
        SceneObjects resolved = SceneObjects.resolve(scene);
        Scene s = resolved.scene();
        Box3 bounds = s.bounds();
        BoxCodec codec = new BoxCodec(bounds);
        List<ObjectSample> samples = s.objects().stream()
                .sorted(Comparator.comparingInt(SceneObject::id))
                .limit(config.maxObjects())
                .map(o -> ObjectSample.of(o, s.points(), codec, config.pointsPerObject(), config.seed()))
                .toList();
        float[] global = {bounds.dx() / METRES, bounds.dy() / METRES, bounds.dz() / METRES,
            samples.size() / (float) config.maxObjects()};
        return new SceneFeatures(s.id(), bounds, samples, global, resolved.proposed());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SceneFeatures f && sceneId.equals(f.sceneId) && bounds.equals(f.bounds)
                && objects.equals(f.objects) && java.util.Arrays.equals(global, f.global) && proposed == f.proposed;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(sceneId, bounds, objects, proposed) * 31 + java.util.Arrays.hashCode(global);
    }

    /** The sample of object {@code id}, if it is among the encoded objects. */
    public java.util.Optional<ObjectSample> object(int id) {
        return objects.stream().filter(o -> o.objectId() == id).findFirst();
    }
}
