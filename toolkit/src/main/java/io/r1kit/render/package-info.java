/**
 * Software point rendering: {@link io.r1kit.render.Camera} (pinhole, look-at, presets),
 * {@link io.r1kit.render.PointRenderer} (z-buffered splats, depth and instance buffers),
 * {@link io.r1kit.render.Overlays} (boxes, highlight, legend) and {@link io.r1kit.render.ViewGrid}.
 * Everything returns {@link java.awt.image.BufferedImage}s, which notebooks display; {@code write}
 * methods keep them as PNG in JShell and the CLI.
 */
package io.r1kit.render;
