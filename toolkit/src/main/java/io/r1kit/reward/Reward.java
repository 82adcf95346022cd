package io.r1kit.reward;

/**
 * One reward of 3D-R1 (Sec. 3.2): a score of one output against its target, in 0..1 for the
 * rewards of this package (the semantic reward's cosine can dip below 0 for opposite texts).
 */
public interface Reward {

    /** A short name, used as the column and JSON key: {@code "format"}, {@code "perception"}, {@code "semantic"}. */
    String name();

    /**
     * The score of {@code output} against {@code target}.
     *
     * @throws IllegalArgumentException when the target lacks what this reward needs (the message names it)
     */
    double score(String output, RewardTarget target);

    /** Whether {@code target} has what this reward needs. */
    boolean applies(RewardTarget target);
}
