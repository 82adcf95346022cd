package io.r1kit.reward;

import io.r1kit.scene.Box3;

/**
 * What one output is scored against. Any part may be missing; a reward that needs a missing part
 * says so when asked to score.
 *
 * @param reference the reference answer text (semantic reward), or null
 * @param box       the ground-truth box in scene coordinates (perception reward), or null
 * @param bounds    the scene bounds that {@code <obj>} grid values are read over, or null; required with {@code box}
 */
public record RewardTarget(String reference, Box3 box, Box3 bounds) {

    public RewardTarget {
        if (box != null && bounds == null) {
            throw new IllegalArgumentException("a ground-truth box needs the scene bounds to read <obj> values over");
        }
    }

    /** A target with only a reference answer. */
    public static RewardTarget ofReference(String reference) {
        return new RewardTarget(reference, null, null);
    }

    /** A target with only a ground-truth box, read over {@code bounds}. */
    public static RewardTarget ofBox(Box3 box, Box3 bounds) {
        return new RewardTarget(null, box, bounds);
    }
}
