/**
 * A Qwen2-architecture decoder on DJL's PyTorch engine: config from Hugging Face
 * {@code config.json}, weights from safetensors, forward pass with a KV cache, and prefix
 * embeddings spliced before the tokens (for the 3D model's scene tokens).
 */
package io.r1kit.model.lm;
