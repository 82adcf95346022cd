/**
 * The rewards of 3D-R1 (Sec. 3.2) that score one model output against its target: the format
 * reward, the perception reward (3D IoU of the answered box) and the semantic reward (cosine of
 * text embeddings). Rewards know nothing of training; GRPO in {@code io.r1kit.train.grpo} uses them.
 */
package io.r1kit.reward;
