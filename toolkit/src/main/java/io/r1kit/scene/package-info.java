/**
 * 3D scenes: an immutable {@link io.r1kit.scene.Scene} (points, colours, normals, per-point labels,
 * objects with axis-aligned boxes) and the loaders that build one from files on disk or from a seed.
 * Knows nothing of models or rendering.
 */
package io.r1kit.scene;
