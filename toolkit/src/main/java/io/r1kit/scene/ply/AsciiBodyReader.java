package io.r1kit.scene.ply;

import io.r1kit.Excerpt;

import io.r1kit.scene.SceneFormatException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** ASCII PLY body: one element instance per line, values separated by spaces or tabs. */
final class AsciiBodyReader extends BodyReader {

    private final ByteBuffer buf;
    private final List<String> tokens = new ArrayList<>();
    private int next;
    private int line;

    AsciiBodyReader(Path file, ByteBuffer buf) {
        super(file);
        this.buf = buf;
        this.line = countLines(buf, buf.position());
    }

    @Override
    void begin(String name, int index, int count) throws SceneFormatException {
        super.begin(name, index, count);
        tokens.clear();
        next = 0;
        // blank lines carry no instance; skip them
        while (tokens.isEmpty()) {
            if (!buf.hasRemaining()) {
                throw truncated();
            }
            line++;
            split();
        }
    }

    @Override
    double next(PlyType type, String property) throws SceneFormatException {
        if (next >= tokens.size()) {
            throw new SceneFormatException(file, element + " " + index + " (line " + line + ") has too few values: "
                    + tokens.size() + ", ends before property " + property);
        }
        String t = tokens.get(next++);
        double v;
        try {
            v = parse(t);
        } catch (NumberFormatException e) {
            throw new SceneFormatException(file, element + " " + index + " (line " + line + "): '" + Excerpt.of(t)
                    + "' is not a number (property " + property + ")");
        }
        if (type.integral() && (v != Math.rint(v) || !type.fits(v))) {
            throw new SceneFormatException(file, element + " " + index + " (line " + line + "): '" + Excerpt.of(t)
                    + "' is not a " + type.plyName() + " (property " + property + ")");
        }
        return v;
    }

    /** Parses a number; C's {@code nan} and {@code inf} spellings too, so they reach the finiteness check. */
    private static double parse(String t) {
        return switch (t.toLowerCase(java.util.Locale.ROOT)) {
            case "nan", "-nan", "+nan" -> Double.NaN;
            case "inf", "+inf", "infinity", "+infinity" -> Double.POSITIVE_INFINITY;
            case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(t);
        };
    }

    @Override
    long itemsLeft() {
        return tokens.size() - next;
    }

    @Override
    SceneFormatException listTooLong(PlyProperty p, long n) {
        return new SceneFormatException(file, element + " " + index + " (line " + line + ") has too few values: list "
                + p.name() + " declares " + n + " items, " + itemsLeft() + " follow");
    }

    @Override
    void end() throws SceneFormatException {
        if (next < tokens.size()) {
            throw new SceneFormatException(file, element + " " + index + " (line " + line + ") has "
                    + tokens.size() + " values, " + (tokens.size() - next) + " more than the header declares");
        }
    }

    /** Splits the next line into {@link #tokens}, consuming its line end. */
    private void split() {
        int start = -1;
        while (buf.hasRemaining()) {
            int p = buf.position();
            byte b = buf.get();
            boolean space = b == ' ' || b == '\t' || b == '\r' || b == '\n';
            if (space && start >= 0) {
                tokens.add(text(start, p));
                start = -1;
            } else if (!space && start < 0) {
                start = p;
            }
            if (b == '\n') {
                return;
            }
        }
        if (start >= 0) {
            tokens.add(text(start, buf.position()));
        }
    }

    private String text(int from, int to) {
        byte[] bytes = new byte[to - from];
        buf.get(from, bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static int countLines(ByteBuffer b, int upTo) {
        int n = 0;
        for (int i = 0; i < upTo; i++) {
            if (b.get(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
