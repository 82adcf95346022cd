package io.r1kit.model.generate;

/** Why a row stopped growing. */
public enum StopReason {
    /** It produced one of {@link GenerationConfig#stopTokenIds()}. */
    STOP_TOKEN,
    /** Its decoded text contains one of {@link GenerationConfig#stopStrings()}. */
    STOP_STRING,
    /** It reached {@link GenerationConfig#maxNewTokens()}. */
    MAX_TOKENS,
    /** Prompt plus output reached the model's {@code max_position_embeddings}. */
    MAX_POSITIONS
}
