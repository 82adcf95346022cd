/**
 * The task concept: the seven 3D tasks of 3D-R1 ({@link io.r1kit.task.Task}), the nano model's prompt
 * format ({@link io.r1kit.task.TaskPrompt}), replies written as {@code <think>...</think><answer>...</answer>}
 * ({@link io.r1kit.task.ReasoningParser}) and boxes written as {@code <obj>cx, cy, cz, w, h, l</obj>} on a
 * 0..255 grid ({@link io.r1kit.task.BoxCodec}, whose {@code firstBox} is the one reader of an answer's box).
 */
package io.r1kit.task;
