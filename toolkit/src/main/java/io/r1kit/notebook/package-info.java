/**
 * Notebook-facing helpers: objects that render themselves (HTML tables, images) and plots. They
 * depend on nothing of Jupyter: the magics module teaches the kernel to display them, and in plain
 * JShell their {@code toString()} is readable text.
 */
package io.r1kit.notebook;
