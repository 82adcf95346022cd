package io.r1kit.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * Perceptual colour maps for scalar images. {@link #viridis} interpolates linearly between the
 * published colours of matplotlib's viridis at 0, 1/8, ..., 1 (perceptually uniform, readable in
 * grey and by most colour-blind readers).
 */
public final class Colormap {

    // viridis at t = 0, 0.125, ..., 1
    private static final int[] VIRIDIS = {0x440154, 0x472C7A, 0x3B528B, 0x2C728E, 0x21918C, 0x28AE80, 0x5EC962,
        0xADDC30, 0xFDE725};

    private Colormap() {}

    /** The viridis colour at {@code t} in [0, 1] (clamped), as {@code 0xRRGGBB}. */
    public static int viridis(double t) {
        double s = Math.max(0, Math.min(1, t)) * (VIRIDIS.length - 1);
        int i = Math.min(VIRIDIS.length - 2, (int) s);
        double a = s - i;
        int c0 = VIRIDIS[i];
        int c1 = VIRIDIS[i + 1];
        int r = (int) Math.round((c0 >> 16 & 0xFF) * (1 - a) + (c1 >> 16 & 0xFF) * a);
        int g = (int) Math.round((c0 >> 8 & 0xFF) * (1 - a) + (c1 >> 8 & 0xFF) * a);
        int b = (int) Math.round((c0 & 0xFF) * (1 - a) + (c1 & 0xFF) * a);
        return r << 16 | g << 8 | b;
    }

    /**
     * A depth map as an image: the view's nearest depth maps to the bright end of viridis, its
     * farthest to the dark end, empty pixels ({@code +inf}) to black.
     */
    public static BufferedImage depth(float[] depth, int width, int height) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float d : depth) {
            if (d != Float.POSITIVE_INFINITY) {
                min = Math.min(min, d);
                max = Math.max(max, d);
            }
        }
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        double span = max > min ? max - min : 1;
        for (int i = 0; i < depth.length; i++) {
            px[i] = depth[i] == Float.POSITIVE_INFINITY ? 0 : viridis(1 - (depth[i] - min) / span);
        }
        return img;
    }
}
