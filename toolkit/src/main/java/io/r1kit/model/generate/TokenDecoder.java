package io.r1kit.model.generate;

/** Turns token ids into text; generation uses it to check stop strings. A tokenizer's decode fits. */
@FunctionalInterface
public interface TokenDecoder {

    /** The text of {@code tokens}. */
    String decode(int[] tokens);
}
