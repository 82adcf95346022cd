package io.r1kit.view;

import java.util.List;

/**
 * Names a pixel colour by the nearest (Euclidean in RGB) of eleven basic colour references, the
 * words {@link QueryText} recognises as colours. Used by S_clip to compare a query's colour words
 * with the rendered pixels of the objects it names.
 */
public final class ColourNames {

    private static final int[] REFERENCE = {0x000000, 0xFFFFFF, 0x808080, 0xC81E1E, 0x2E9632, 0x2846C8, 0xE6D228,
        0x785028, 0xF08C1E, 0xF096B4, 0x7832A0};

    private ColourNames() {}

    /** Index into {@link QueryText#COLOUR_WORDS} of the colour nearest to {@code rgb}. */
    public static int nearest(int rgb) {
        int r = rgb >> 16 & 0xFF;
        int g = rgb >> 8 & 0xFF;
        int b = rgb & 0xFF;
        int best = 0;
        int bestD = Integer.MAX_VALUE;
        for (int k = 0; k < REFERENCE.length; k++) {
            int dr = r - (REFERENCE[k] >> 16 & 0xFF);
            int dg = g - (REFERENCE[k] >> 8 & 0xFF);
            int db = b - (REFERENCE[k] & 0xFF);
            int d = dr * dr + dg * dg + db * db;
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        return best;
    }

    /** The colour word nearest to {@code rgb}, e.g. {@code "red"}. */
    public static String name(int rgb) {
        return words().get(nearest(rgb));
    }

    static List<String> words() {
        return QueryText.COLOUR_WORDS;
    }
}
