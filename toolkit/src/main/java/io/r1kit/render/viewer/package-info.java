/**
 * The interactive 3D viewer for notebooks: {@link io.r1kit.render.viewer.Viewer3D} turns a scene
 * into one self-contained HTML page (three.js, bundled in the toolkit jar, inlined; the points as
 * base64 arrays), shown in a notebook cell or saved as a file that works offline.
 */
package io.r1kit.render.viewer;
