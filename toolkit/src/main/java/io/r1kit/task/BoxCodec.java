package io.r1kit.task;

import io.r1kit.Excerpt;
import io.r1kit.scene.Box3;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes and reads boxes in text as 3D-R1 and LL3DA do: {@code <obj>cx, cy, cz, w, h, l</obj>}, six
 * integers 0..{@value #GRID}, each the box value normalised to the scene's axis-aligned bounds.
 * The centre is taken relative to the bounds' minimum, the size relative to the bounds' extent;
 * {@code w, h, l} are the extents along x, y and z (the box's {@code dx, dy, dz}).
 *
 * <p>A value {@code v} on an axis of extent {@code E} becomes {@code round(v / E * 255)}, clamped to
 * 0..255, so decoding gives back every value inside the bounds to within half a grid step,
 * {@code E / 510}. An axis of zero extent encodes as 0 and decodes to the bounds' minimum.
 *
 * <pre>{@code
 * BoxCodec codec = new BoxCodec(Box3.ofMinMax(0, 0, 0, 5.1f, 5.1f, 2.55f));
 * codec.encode(Box3.ofMinMax(1, 1, 0, 2, 2, 1));   // "<obj>75, 75, 50, 50, 50, 100</obj>"
 * codec.decodeAll("go to <obj>75, 75, 50, 50, 50, 100</obj>").size();   // 1
 * }</pre>
 */
public final class BoxCodec {

    /** The largest grid value; boxes are written as integers 0..GRID. */
    public static final int GRID = 255;

    private static final String INT = "\\s*(-?\\d+)\\s*";
    /** One {@code <obj>} tag with six comma-separated integers (signs allowed so that bad values are reported). */
    private static final Pattern TAG = Pattern.compile("<obj>" + INT + "," + INT + "," + INT + "," + INT + ","
            + INT + "," + INT + "</obj>");
    private static final Pattern ANY_TAG = Pattern.compile("<obj>(.*?)</obj>", Pattern.DOTALL);

    private final Box3 bounds;

    /** A codec over the given scene bounds (usually {@code scene.bounds()}). */
    public BoxCodec(Box3 bounds) {
        this.bounds = Objects.requireNonNull(bounds, "bounds");
    }

    public Box3 bounds() {
        return bounds;
    }

    /** Grid values {@code {cx, cy, cz, w, h, l}} of {@code box}, each 0..255. */
    public int[] quantise(Box3 box) {
        return new int[] {
            grid(box.cx() - bounds.minX(), bounds.dx()), grid(box.cy() - bounds.minY(), bounds.dy()),
            grid(box.cz() - bounds.minZ(), bounds.dz()),
            grid(box.dx(), bounds.dx()), grid(box.dy(), bounds.dy()), grid(box.dz(), bounds.dz())};
    }

    /** The box as {@code <obj>cx, cy, cz, w, h, l</obj>}. */
    public String encode(Box3 box) {
        return tag(quantise(box));
    }

    /** Grid values {@code {cx, cy, cz, w, h, l}} as the tag {@code <obj>cx, cy, cz, w, h, l</obj>}. */
    public static String tag(int[] q) {
        if (q.length != 6) {
            throw new IllegalArgumentException("a box has 6 grid values, got " + q.length);
        }
        return String.format(Locale.ROOT, "<obj>%d, %d, %d, %d, %d, %d</obj>", q[0], q[1], q[2], q[3], q[4], q[5]);
    }

    /** The box that grid values {@code {cx, cy, cz, w, h, l}} stand for. */
    public Box3 dequantise(int[] q) {
        if (q.length != 6) {
            throw new IllegalArgumentException("a box has 6 grid values, got " + q.length);
        }
        for (int v : q) {
            if (v < 0 || v > GRID) {
                throw new IllegalArgumentException("box value " + v + " is outside 0.." + GRID);
            }
        }
        return new Box3(bounds.minX() + value(q[0], bounds.dx()), bounds.minY() + value(q[1], bounds.dy()),
                bounds.minZ() + value(q[2], bounds.dz()),
                value(q[3], bounds.dx()), value(q[4], bounds.dy()), value(q[5], bounds.dz()));
    }

    /**
     * Reads one tag, e.g. {@code "<obj>75, 75, 50, 50, 50, 100</obj>"} (surrounding spaces allowed).
     *
     * @throws IllegalArgumentException naming what is wrong when the text is not one such tag
     */
    public Box3 decode(String tag) {
        Matcher m = TAG.matcher(tag.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a box tag <obj>cx, cy, cz, w, h, l</obj>: \"" + Excerpt.of(tag) + "\"");
        }
        return dequantise(values(m));
    }

    /**
     * Every {@code <obj>} tag of {@code text}, in order.
     *
     * @throws IllegalArgumentException when a tag does not hold six integers 0..255
     */
    public List<Box3> decodeAll(String text) {
        List<Box3> out = new ArrayList<>();
        Matcher any = ANY_TAG.matcher(text);
        while (any.find()) {
            out.add(decode(any.group()));
        }
        return List.copyOf(out);
    }

    /**
     * Every {@code <obj>} tag of {@code text}, in order, read over the bounds; null for a tag that does not hold
     * six integers 0..255. The one reader of boxes in answers: {@link #firstBox}, {@link TaskAnswer} and so
     * asking the model and the perception reward all go through it.
     */
    public List<Box3> readEach(String text) {
        List<Box3> out = new ArrayList<>();
        Matcher any = ANY_TAG.matcher(text);
        while (any.find()) {
            Box3 box;
            try {
                box = decode(any.group());
            } catch (IllegalArgumentException e) {
                box = null;
            }
            out.add(box);
        }
        return out;
    }

    /** The box a text names: its first {@code <obj>} tag that reads ({@link #readEach}); empty when none does. */
    public Optional<Box3> firstBox(String text) {
        return readEach(text).stream().filter(Objects::nonNull).findFirst();
    }

    /** The largest decoding error of a value inside the bounds on each axis: half a grid step. */
    public double[] halfStep() {
        return new double[] {bounds.dx() / (2.0 * GRID), bounds.dy() / (2.0 * GRID), bounds.dz() / (2.0 * GRID)};
    }

    private static int grid(double v, double extent) {
        if (extent <= 0) {
            return 0;
        }
        long q = Math.round(v / extent * GRID);
        return (int) Math.max(0, Math.min(GRID, q));
    }

    private static float value(int q, double extent) {
        return (float) (q * extent / GRID);
    }

    private static int[] values(Matcher m) {
        int[] q = new int[6];
        for (int i = 0; i < 6; i++) {
            try {
                q[i] = Integer.parseInt(m.group(i + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("box value " + m.group(i + 1) + " is outside 0.." + GRID);
            }
        }
        return q;
    }
}
