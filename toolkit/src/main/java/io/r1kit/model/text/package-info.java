/**
 * Text in and out of the decoder: {@code tokenizer.json} through DJL's Hugging Face tokenizers
 * (natives inside the jar, nothing downloads) and Qwen2's ChatML chat template.
 */
package io.r1kit.model.text;
