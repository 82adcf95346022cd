/**
 * Text generation with a {@link io.r1kit.model.lm.Qwen2Model}: greedy or sampled decoding over a
 * KV cache, batches with left padding, stop tokens and strings, a per-token callback, and the
 * log-probability of every chosen token (what GRPO's policy ratio needs).
 */
package io.r1kit.model.generate;
