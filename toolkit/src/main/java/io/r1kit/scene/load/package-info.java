/**
 * Loading a scene from a path: {@link io.r1kit.scene.load.Scenes} tries each loader of the format
 * sub-packages ({@code scene.scannet}, {@code scene.bin}, {@code scene.ply}) in order. It sits above
 * them so that {@code io.r1kit.scene} itself imports none of its sub-packages.
 */
package io.r1kit.scene.load;
