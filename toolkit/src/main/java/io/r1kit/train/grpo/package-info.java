/**
 * Small-scale GRPO fine-tuning of the nano 3D model (3D-R1 Sec. 3.2, after the SFT cold start): sample a
 * group of outputs per prompt, score them with {@code io.r1kit.reward}, normalise the rewards within the
 * group ({@link io.r1kit.reward.GroupAdvantages}), and maximise the clipped-ratio objective minus
 * β·KL to the frozen starting model ({@link io.r1kit.train.grpo.GrpoLoss}). {@link io.r1kit.train.grpo.GrpoTrainer}
 * makes one step; {@link io.r1kit.train.grpo.GrpoRun} runs a recipe ({@link io.r1kit.train.grpo.GrpoConfig}).
 */
package io.r1kit.train.grpo;
