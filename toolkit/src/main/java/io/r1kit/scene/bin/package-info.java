/**
 * mmdetection3d point files: headerless float32 rows ({@code *.bin}), with optional ScanNet-style
 * boxes beside them, read by {@link io.r1kit.scene.bin.PointBinLoader}.
 */
package io.r1kit.scene.bin;
