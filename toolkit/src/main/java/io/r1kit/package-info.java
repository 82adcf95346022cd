/**
 * r1kit: the 3D-R1 method (arXiv 2507.23478) for the JVM. Packages mirror the pipeline:
 * {@code scene -> render -> view -> model -> task -> reward -> train}, with {@code data},
 * {@code cot} and {@code eval} beside it and {@code cli} on top.
 */
package io.r1kit;
