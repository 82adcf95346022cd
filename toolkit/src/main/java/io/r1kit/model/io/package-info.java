/**
 * Checkpoint files without pickle: the safetensors format (one file, or shards listed by
 * {@code model.safetensors.index.json}), read through memory maps. Half-precision tensors are
 * widened to float32 in Java, before any DJL array exists.
 */
package io.r1kit.model.io;
