/**
 * The text conventions of the seven 3D tasks (3D-R1, Sec. 3): boxes written as
 * {@code <obj>cx, cy, cz, w, h, l</obj>} on a 0..255 grid ({@link io.r1kit.task.BoxCodec}) and
 * replies written as {@code <think>...</think><answer>...</answer>} ({@link io.r1kit.task.ReasoningParser}).
 */
package io.r1kit.task;
