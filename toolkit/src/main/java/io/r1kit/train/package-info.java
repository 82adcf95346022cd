/**
 * Training recipes for the nano 3D model: supervised fine-tuning on the data engine's examples over
 * generated rooms (3D-R1 §3, the SFT cold start) with a warm-up + cosine schedule, held-out loss, a
 * loss curve, checkpoints with provenance, and held-out evaluation (grounding Acc@IoU, dense-caption
 * CIDEr/BLEU-4/METEOR).
 */
package io.r1kit.train;
