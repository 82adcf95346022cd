/**
 * Tables and charts of every domain for notebooks and JShell: scenes and scene graphs, evaluation,
 * answers of the nano model, CoT data, rewards. A top layer: it imports the domain packages and the
 * base {@code io.r1kit.display}, and no domain package imports it. Nothing here depends on Jupyter:
 * the magics module teaches the kernel to display these objects, and in plain JShell their
 * {@code toString()} is readable text.
 */
package io.r1kit.notebook;
