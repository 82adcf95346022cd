/**
 * Text in and out of the decoder: {@code tokenizer.json} through DJL's Hugging Face tokenizers
 * (natives inside the jar, nothing downloads) and Qwen2's ChatML chat template; the nano model's
 * word-level vocabulary ({@link io.r1kit.model.text.WordVocabulary}), built from training texts
 * ({@code train.sft.EngineCorpus}) and saved as a {@code tokenizer.json} that the same {@link io.r1kit.model.text.TextTokenizer} loads.
 */
package io.r1kit.model.text;
