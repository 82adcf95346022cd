/**
 * Models on DJL's PyTorch engine. {@link io.r1kit.model.Engines} starts the engine offline and
 * picks the device (a GPU when one is present, else the CPU); {@code model.io} reads and writes
 * safetensors checkpoints, {@code model.lm} holds the Qwen2 decoder and LoRA, {@code model.generate}
 * decodes text and {@code model.text} tokenizes it.
 */
package io.r1kit.model;
