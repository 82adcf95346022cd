/**
 * PLY point clouds and meshes: {@link io.r1kit.scene.ply.PlyReader} reads ASCII and binary PLY
 * (any element order, list properties, all scalar types), {@link io.r1kit.scene.ply.PlyLoader} turns
 * a file into a {@link io.r1kit.scene.Scene}, and {@link io.r1kit.scene.ply.PlyWriter} exports a
 * {@link io.r1kit.scene.PointCloud}.
 */
package io.r1kit.scene.ply;
