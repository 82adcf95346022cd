package io.r1kit.scene.gen;

import java.util.Objects;

/**
 * A generated room: the labelled point cloud and the scene graph that describes it. Object ids of
 * the graph are the instance ids of the scene's objects and points.
 *
 * @param scene the points, per-point instance and semantic labels, and objects with tight boxes
 * @param graph the objects' attributes and relations
 */
public record GeneratedRoom(io.r1kit.scene.Scene scene, SceneGraph graph) {

    public GeneratedRoom {
        Objects.requireNonNull(scene, "scene");
        Objects.requireNonNull(graph, "graph");
    }
}
