/**
 * What supervised fine-tuning ({@code train.sft}) and GRPO ({@code train.grpo}) share: the optimiser
 * update with gradient clipping ({@link io.r1kit.train.GradientUpdate}), the learning-rate schedule, batch
 * order and cutting ({@link io.r1kit.train.Epochs}, {@link io.r1kit.train.LengthGroups},
 * {@link io.r1kit.train.LengthSplit}),
 * recipe JSON with one resource of defaults per recipe ({@link io.r1kit.train.RecipeJson}), and
 * progress reporting. The two sub-packages mirror each other: a config (recipe), a trainer step, a run
 * (checkpoint, provenance, curve) and a held-out evaluation.
 */
package io.r1kit.train;
