package io.r1kit.train.sft;

import com.google.gson.annotations.SerializedName;

/**
 * What a supervised example's target is: the reasoning format of the 3D-R1 cold start, or the plain answer.
 */
public enum AnswerFormat {
    /**
     * {@code <think>step by step</think><answer>the answer</answer>}: the data engine's CoT record of the
     * example (compact style, {@code reasoning_steps} fact steps), kept only when it passes the recipe's
     * {@code cot_filters}.
     */
    @SerializedName("reasoning") REASONING,
    /** The answer alone, as the public data sets write it. */
    @SerializedName("plain") PLAIN
}
