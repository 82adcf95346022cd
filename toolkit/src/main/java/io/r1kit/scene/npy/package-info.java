/**
 * NumPy {@code .npy} files: {@link io.r1kit.scene.npy.NpyReader} reads format versions 1.0 to 3.0
 * with any numeric dtype, byte order and memory order into an immutable
 * {@link io.r1kit.scene.npy.NpyArray}; {@link io.r1kit.scene.npy.NpyWriter} writes one back.
 */
package io.r1kit.scene.npy;
