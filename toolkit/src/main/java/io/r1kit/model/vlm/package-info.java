/**
 * The toolkit's own small 3D vision-language model ("nano", DESIGN "Model sketch"): per-object
 * scene tokens from a PointNet encoder plus box tokens, spliced before the prompt of a Qwen2 decoder,
 * objects as pointer tokens; feature extraction, a teacher-forced forward pass (batch packing in
 * {@code VlmBatch}) giving each answer token's log-probability, one batched generate over scenes and
 * prompts that training, evaluation and asking all call, checkpoints, and asking ({@link io.r1kit.model.vlm.VlmAsk}).
 */
package io.r1kit.model.vlm;
