package io.r1kit.cot;

import java.util.Locale;

/**
 * Train / validation / test, assigned per scene (never per question, so no scene leaks between
 * splits): a hash of the scene id and the seed picks the split with fixed fractions 80/10/10.
 */
public enum Split {
    TRAIN, VAL, TEST;

    /** Lower-case name used in file names, e.g. {@code "val"}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The split of scene {@code sceneId} under {@code seed}. */
    public static Split of(String sceneId, long seed) {
        long h = seed * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < sceneId.length(); i++) {
            h = (h ^ sceneId.charAt(i)) * 0x100000001B3L;
        }
        h ^= h >>> 29;
        int bucket = (int) Math.floorMod(h, 10L);
        return bucket < 8 ? TRAIN : bucket == 8 ? VAL : TEST;
    }
}
