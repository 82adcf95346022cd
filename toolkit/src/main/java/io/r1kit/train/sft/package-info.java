/**
 * Supervised fine-tuning of the nano 3D model (3D-R1 §3, the SFT cold start) on the data engine's
 * examples over generated rooms: {@link io.r1kit.train.sft.SftConfig} (the recipe),
 * {@link io.r1kit.train.sft.SftData} (examples and vocabulary), {@link io.r1kit.train.sft.SftTrainer}
 * (one step), {@link io.r1kit.train.sft.SftRun} (warm-up + cosine schedule, held-out loss, checkpoint with
 * provenance, loss curve) and {@link io.r1kit.train.sft.SftEval} (grounding Acc@IoU, dense-caption
 * CIDEr/BLEU-4/METEOR).
 */
package io.r1kit.train.sft;
