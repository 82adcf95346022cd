package io.r1kit.render;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Label colours for overlays and legends: the distinct labels, sorted, take the colours of a fixed
 * qualitative list in turn, so a label keeps its colour in every view of the same scene.
 */
public final class Palette {

    // Saturated, mutually distinct hues that stay readable on white and on a rendered room.
    private static final int[] COLOURS = {0xE6194B, 0x3CB44B, 0x4363D8, 0xF58231, 0x911EB4, 0x42D4F4, 0xF032E6,
        0x9A6324, 0x469990, 0x800000, 0x808000, 0x000075, 0xBFEF45, 0xFFE119, 0xDCBEFF, 0xAAFFC3};

    private Palette() {}

    /** Colour ({@code 0xRRGGBB}) of each distinct label, in sorted label order. */
    public static Map<String, Integer> forLabels(Collection<String> labels) {
        Map<String, Integer> m = new LinkedHashMap<>();
        int k = 0;
        for (String label : new TreeSet<>(labels)) {
            m.put(label, COLOURS[k++ % COLOURS.length]);
        }
        return m;
    }
}
