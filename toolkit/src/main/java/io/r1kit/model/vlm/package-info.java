/**
 * The toolkit's own small 3D vision-language model ("nano", DESIGN "Model sketch"): per-object
 * scene tokens from a PointNet encoder plus copyable box tokens, spliced before the prompt of a
 * Qwen2 decoder; feature extraction, forward pass with an answer-only loss, generation,
 * checkpoints and a supervised fine-tuning step.
 */
package io.r1kit.model.vlm;
