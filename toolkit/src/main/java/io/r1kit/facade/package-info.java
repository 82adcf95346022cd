/**
 * The one front door: {@link io.r1kit.facade.R1} loads or generates a scene from one string, renders it,
 * selects views, loads a model by name and asks it any of the seven tasks. Notebooks, JShell scripts,
 * the magics and the command line all go through it; its results show themselves as HTML in a notebook
 * and read as plain text in JShell.
 */
package io.r1kit.facade;
