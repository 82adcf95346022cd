package io.r1kit.scene.proposal;

import io.r1kit.scene.Scene;
import io.r1kit.scene.SceneObject;

import java.util.Locale;
import java.util.Objects;

/**
 * The objects every consumer of a scene works with, in one place: the scene's own objects when it
 * has any, otherwise object proposals ({@link Proposals#propose}, 3D-R1 Sec. 3 needs object
 * instances and a user's own scan has none). View selection, {@code r1kit render --boxes},
 * {@code r1kit view} and {@code r1kit views} resolve through here, so they agree on which objects a
 * scan has and say when they are proposals.
 *
 * <p>Nothing is cached: each call runs the proposal pipeline again. It is deterministic (RANSAC,
 * k-means and the HDBSCAN sample are seeded by {@link ProposalConfig#seed()}), so the same scene
 * gives the same proposals every time.
 *
 * <pre>{@code
 * SceneObjects objects = SceneObjects.resolve(Scenes.load(Path.of("room.ply")));
 * objects.proposed();      // true: the PLY has no objects
 * objects.describe();      // "14 proposals (the scene has no labelled objects)"
 * objects.scene();         // the scan with the proposals as its objects
 * }</pre>
 *
 * @param scene    the scene with the objects to use: the input itself, or a copy with proposals
 * @param proposed whether the objects are proposals (the input had none)
 */
public record SceneObjects(Scene scene, boolean proposed) {

    public SceneObjects {
        Objects.requireNonNull(scene, "scene");
    }

    /** {@link #resolve(Scene, ProposalConfig)} with {@link ProposalConfig#defaults()}. */
    public static SceneObjects resolve(Scene scene) {
        return resolve(scene, ProposalConfig.defaults());
    }

    /** The scene untouched when it has objects; otherwise the scene with proposals found with {@code cfg}. */
    public static SceneObjects resolve(Scene scene, ProposalConfig cfg) {
        Objects.requireNonNull(scene, "scene");
        if (!scene.objects().isEmpty()) {
            return new SceneObjects(scene, false);
        }
        return new SceneObjects(Proposals.propose(scene, cfg), true);
    }

    /** Number of objects (proposals when {@link #proposed()}). */
    public int count() {
        return scene.objects().size();
    }

    /**
     * A few words for people: {@code "14 proposals (the scene has no labelled objects)"} or
     * {@code "28 labelled"}.
     */
    public String describe() {
        return proposed
                ? String.format(Locale.ROOT, "%d proposal%s (the scene has no labelled objects)", count(),
                        count() == 1 ? "" : "s")
                : String.format(Locale.ROOT, "%d labelled", count());
    }

    /**
     * The text to show for an object: its label, and for a proposal (label {@link Proposals#LABEL},
     * no semantic class) the label and id, e.g. {@code "object 3"}, since proposals are told apart
     * only by their ids.
     */
    public static String tag(SceneObject object) {
        return isProposal(object) ? object.label() + " " + object.id() : object.label();
    }

    /** Whether {@code object} looks like a proposal: label {@link Proposals#LABEL} and no semantic class. */
    public static boolean isProposal(SceneObject object) {
        return Proposals.LABEL.equals(object.label()) && object.semanticId() < 0;
    }
}
