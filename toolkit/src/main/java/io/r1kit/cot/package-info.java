/**
 * The data engine (3D-R1, Sec. 3.1): instruction examples for the seven tasks ({@code cot.tasks}), scene
 * descriptions, and chain-of-thought records written by a pluggable back end
 * ({@link io.r1kit.cot.GraphCotWriter} or an OpenAI-compatible endpoint in {@code cot.llm}), then kept or
 * dropped by the filters of {@code cot.filter}; {@link io.r1kit.cot.DataEngine} runs it all over rooms.
 */
package io.r1kit.cot;
