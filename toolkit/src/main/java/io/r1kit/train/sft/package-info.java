/**
 * Supervised fine-tuning of the nano 3D model (3D-R1 §3, the SFT cold start) on the data engine's
 * examples over generated rooms: {@link io.r1kit.train.sft.SftConfig} (the recipe),
 * {@link io.r1kit.train.sft.SftData} (examples and vocabulary), {@link io.r1kit.train.sft.SftTrainer}
 * (one step), {@link io.r1kit.train.sft.SftRun} (warm-up + cosine schedule, held-out loss, checkpoint with
 * provenance, loss curve, then the seven-task evaluation of {@code eval.tasks} on the held-out rooms).
 */
package io.r1kit.train.sft;
