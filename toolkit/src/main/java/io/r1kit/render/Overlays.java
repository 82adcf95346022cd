package io.r1kit.render;

import io.r1kit.scene.SceneObject;
import io.r1kit.scene.proposal.SceneObjects;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Annotations on rendered views: object boxes as projected 3D wireframes with labels, the
 * highlight of one object, a label legend. Each returns a new image and leaves the view as it was.
 *
 * <pre>{@code
 * Overlays.boxes(view, scene.objects());              // every box, labelled, with a legend
 * Overlays.highlight(view, scene.object(3).get());     // object 3 in colour, the rest dimmed
 * }</pre>
 */
public final class Overlays {

    /** How much of a dimmed pixel's colour remains (the rest fades to white). */
    public static final double DIM_KEEP = 0.25;

    private Overlays() {}

    /**
     * The view with the boxes of {@code objects} drawn in their label colour, labelled, and a legend.
     * Object proposals, which all share the label {@code object}, are tagged with their ids
     * ({@code object 3}, {@link SceneObjects#tag}).
     */
    public static BufferedImage boxes(RenderedView view, List<SceneObject> objects) {
        BufferedImage img = view.image();
        Map<String, Integer> colours = Palette.forLabels(objects.stream().map(SceneObject::label).toList());
        Graphics2D g = graphics(img);
        float stroke = Math.max(1f, view.width() / 256f);
        List<Object[]> labels = new ArrayList<>();
        for (SceneObject o : objects) {
            Color c = new Color(colours.get(o.label()));
            double[] top = BoxWireframe.draw(g, view.camera(), o.box(), c, stroke, view.options().near());
            if (top != null) {
                labels.add(new Object[] {SceneObjects.tag(o), c, top});
            }
        }
        // Labels after all boxes so no edge crosses a label.
        for (Object[] l : labels) {
            double[] p = (double[]) l[2];
            tag(g, view.width(), view.height(), (String) l[0], (Color) l[1], p[0], p[1]);
        }
        legend(g, colours, view.width());
        g.dispose();
        return img;
    }

    /**
     * {@link #boxes} drawn over {@code image}, another picture of the same view (e.g. {@link #highlight}ed):
     * the pixels the boxes, labels and legend change are copied onto it.
     */
    public static BufferedImage boxesOver(BufferedImage image, RenderedView view, List<SceneObject> objects) {
        BufferedImage drawn = boxes(view, objects);
        BufferedImage plain = view.image();
        BufferedImage out = Images.copy(image);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                int d = drawn.getRGB(x, y);
                if (d != plain.getRGB(x, y)) {
                    out.setRGB(x, y, d);
                }
            }
        }
        return out;
    }

    /**
     * The view with every pixel that does not show {@code object} faded toward white (keeping
     * {@link #DIM_KEEP} of its colour), and the object's box drawn and labelled.
     */
    public static BufferedImage highlight(RenderedView view, SceneObject object) {
        return highlight(view, List.of(object));
    }

    /**
     * The view with every pixel that shows none of {@code objects} faded toward white (keeping
     * {@link #DIM_KEEP} of its colour), and each object's box drawn and labelled; for examples
     * about several objects (two mugs, an object and its anchor).
     */
    public static BufferedImage highlight(RenderedView view, List<SceneObject> objects) {
        BufferedImage img = view.image();
        Set<Integer> ids = new HashSet<>();
        objects.forEach(o -> ids.add(o.id()));
        for (int y = 0; y < view.height(); y++) {
            for (int x = 0; x < view.width(); x++) {
                if (!ids.contains(view.instanceAt(x, y))) {
                    img.setRGB(x, y, dim(img.getRGB(x, y)));
                }
            }
        }
        Graphics2D g = graphics(img);
        Color c = new Color(0xE6194B);
        for (SceneObject object : objects) {
            double[] top = BoxWireframe.draw(g, view.camera(), object.box(), c, Math.max(1.5f, view.width() / 200f),
                    view.options().near());
            if (top != null) {
                tag(g, view.width(), view.height(), object.label() + " #" + object.id(), c, top[0], top[1]);
            }
        }
        g.dispose();
        return img;
    }

    /** {@code rgb} faded toward white, keeping {@link #DIM_KEEP} of it. */
    static int dim(int rgb) {
        int r = (int) Math.round((rgb >> 16 & 0xFF) * DIM_KEEP + 255 * (1 - DIM_KEEP));
        int gr = (int) Math.round((rgb >> 8 & 0xFF) * DIM_KEEP + 255 * (1 - DIM_KEEP));
        int b = (int) Math.round((rgb & 0xFF) * DIM_KEEP + 255 * (1 - DIM_KEEP));
        return r << 16 | gr << 8 | b;
    }

    /** A copy of {@code image} with a legend (colour swatch and label per entry) in its top-left corner. */
    public static BufferedImage legend(BufferedImage image, Map<String, Integer> colours) {
        BufferedImage img = Images.copy(image);
        Graphics2D g = graphics(img);
        legend(g, colours, img.getWidth());
        g.dispose();
        return img;
    }

    private static void legend(Graphics2D g, Map<String, Integer> colours, int width) {
        if (colours.isEmpty()) {
            return;
        }
        g.setFont(font(width));
        FontMetrics fm = g.getFontMetrics();
        int line = fm.getHeight();
        int textWidth = colours.keySet().stream().mapToInt(fm::stringWidth).max().orElse(0);
        int pad = 4;
        g.setColor(new Color(255, 255, 255, 210));
        g.fillRect(pad, pad, textWidth + line + 3 * pad, colours.size() * line + 2 * pad);
        int y = 2 * pad;
        for (Map.Entry<String, Integer> e : colours.entrySet()) {
            g.setColor(new Color(e.getValue()));
            g.fillRect(2 * pad, y + 2, line - 4, line - 4);
            g.setColor(Color.BLACK);
            g.drawString(e.getKey(), 2 * pad + line, y + fm.getAscent());
            y += line;
        }
    }

    /** A filled label with white text whose bottom-left is at {@code (u, v)}, kept inside the image. */
    private static void tag(Graphics2D g, int bw, int bh, String text, Color colour, double u, double v) {
        g.setFont(font(bw));
        FontMetrics fm = g.getFontMetrics();
        int w = fm.stringWidth(text) + 6;
        int h = fm.getHeight();
        int x = (int) Math.max(0, Math.min(bw - w, u));
        int y = (int) Math.max(0, Math.min(bh - h, v - h));
        g.setColor(colour);
        g.fillRect(x, y, w, h);
        g.setColor(Color.WHITE);
        g.drawString(text, x + 3, y + fm.getAscent());
    }

    static Font font(int imageWidth) {
        return new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(9, Math.min(14, imageWidth / 40)));
    }

    static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        return g;
    }
}
