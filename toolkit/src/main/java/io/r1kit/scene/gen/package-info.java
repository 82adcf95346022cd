/**
 * Procedural rooms: {@link io.r1kit.scene.gen.SceneGenerator} furnishes a bedroom, living room,
 * kitchen or office from a seed and returns both the labelled point cloud and a
 * {@link io.r1kit.scene.gen.SceneGraph} (objects with colour, material, function, support and wall,
 * plus relations computed from the final geometry), so questions about a generated room have
 * answers that can be checked. {@link io.r1kit.scene.gen.RoomSpec} reads a room named as
 * {@code KIND[:SEED]} ({@code "bedroom:7"}).
 */
package io.r1kit.scene.gen;
