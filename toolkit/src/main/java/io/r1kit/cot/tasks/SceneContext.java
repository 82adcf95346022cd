package io.r1kit.cot.tasks;

import io.r1kit.scene.gen.Predicate;
import io.r1kit.scene.gen.RoomObject;
import io.r1kit.scene.gen.SceneGraph;
import io.r1kit.task.BoxCodec;

import java.util.List;
import java.util.Objects;

/**
 * What every task generator works from: the scene's id and graph, the box codec over the scene's
 * bounds, and the seeded phrasing.
 *
 * @param sceneId the scene id written into every record
 * @param graph   the exact scene graph
 * @param codec   boxes in text, over the scene's point bounds
 * @param words   seeded word choice
 */
public record SceneContext(String sceneId, SceneGraph graph, BoxCodec codec, Phrasing words) {

    public SceneContext {
        Objects.requireNonNull(sceneId, "sceneId");
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(words, "words");
    }

    /** The object with this id (it must exist). */
    public RoomObject object(int id) {
        return graph.object(id).orElseThrow();
    }

    /** The objects standing in relation {@code p} to {@code anchor}, in id order. */
    public List<RoomObject> related(Predicate p, int anchor) {
        return graph.objects().stream().filter(o -> o.id() != anchor && graph.holds(o.id(), p, anchor)).toList();
    }

    /** The room's kind in words, e.g. {@code "living room"}. */
    public String room() {
        return graph.kind().words();
    }

    /** A predicate in words, e.g. {@code "to the left of"}. */
    public static String relation(Predicate p) {
        return switch (p) {
            case LEFT_OF -> "to the left of";
            case RIGHT_OF -> "to the right of";
            case UNDER -> "under";
            default -> p.words();
        };
    }
}
