package io.r1kit.render;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Several images in one: a grid with a caption under each cell, or a one-row strip. Cells are as
 * large as the largest image; smaller images are centred.
 *
 * <pre>{@code
 * ViewGrid.grid(List.of(a, b, c, d), List.of("front", "left", "back", "right"), 2);
 * }</pre>
 */
public final class ViewGrid {

    private static final int GAP = 4;

    private ViewGrid() {}

    /** {@code images} in rows of {@code columns}, each with the caption at the same index. */
    public static BufferedImage grid(List<BufferedImage> images, List<String> captions, int columns) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("a grid needs at least one image");
        }
        if (captions.size() != images.size()) {
            throw new IllegalArgumentException(captions.size() + " captions for " + images.size() + " images");
        }
        if (columns < 1) {
            throw new IllegalArgumentException("columns " + columns + " must be at least 1");
        }
        int cw = images.stream().mapToInt(BufferedImage::getWidth).max().orElseThrow();
        int ch = images.stream().mapToInt(BufferedImage::getHeight).max().orElseThrow();
        int cols = Math.min(columns, images.size());
        int rows = (images.size() + cols - 1) / cols;
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D pg = probe.createGraphics();
        pg.setFont(Overlays.font(cw));
        int captionH = pg.getFontMetrics().getHeight() + 4;
        pg.dispose();
        int w = cols * cw + (cols + 1) * GAP;
        int h = rows * (ch + captionH) + (rows + 1) * GAP;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Overlays.graphics(out);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setFont(Overlays.font(cw));
        FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i < images.size(); i++) {
            BufferedImage im = images.get(i);
            int x = GAP + (i % cols) * (cw + GAP);
            int y = GAP + (i / cols) * (ch + captionH + GAP);
            g.drawImage(im, x + (cw - im.getWidth()) / 2, y + (ch - im.getHeight()) / 2, null);
            g.setColor(Color.DARK_GRAY);
            g.drawRect(x, y, cw - 1, ch - 1);
            g.setColor(Color.BLACK);
            String text = captions.get(i);
            g.drawString(text, x + Math.max(0, (cw - fm.stringWidth(text)) / 2), y + ch + 2 + fm.getAscent());
        }
        g.dispose();
        return out;
    }

    /** The images side by side in one row. */
    public static BufferedImage strip(List<BufferedImage> images, List<String> captions) {
        return grid(images, captions, Math.max(1, images.size()));
    }
}
