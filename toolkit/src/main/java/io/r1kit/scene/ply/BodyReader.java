package io.r1kit.scene.ply;

import io.r1kit.scene.SceneFormatException;

import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Reads the values of a PLY body one element instance at a time, in the same way for ASCII and
 * binary bodies, so that element handling is written once. Errors name the element and instance.
 */
abstract class BodyReader {

    protected final Path file;
    protected String element = "";
    protected int index;
    protected int count;

    BodyReader(Path file) {
        this.file = file;
    }

    /** A reader for the body of {@code buf} that starts at {@code header.bodyOffset()}. */
    static BodyReader of(Path file, PlyHeader header, ByteBuffer buf) {
        ByteBuffer body = buf.duplicate().position(header.bodyOffset());
        return header.format() == PlyFormat.ASCII ? new AsciiBodyReader(file, body)
                : new BinaryBodyReader(file, body.slice().order(header.format().order()));
    }

    /** Starts instance {@code index} (of {@code count}) of element {@code name}. */
    void begin(String name, int index, int count) throws SceneFormatException {
        this.element = name;
        this.index = index;
        this.count = count;
    }

    /** The next value, which must be of {@code type}; {@code property} names it in errors. */
    abstract double next(PlyType type, String property) throws SceneFormatException;

    /** Ends the current instance (an ASCII line must hold nothing more). */
    abstract void end() throws SceneFormatException;

    /** Reads the length prefix of list {@code p}. */
    int listLength(PlyProperty p) throws SceneFormatException {
        double n = next(p.countType(), p.name());
        if (n < 0) {
            throw new SceneFormatException(file, element + " " + index + ": list " + p.name()
                    + " has a negative length " + (long) n);
        }
        if (n > Integer.MAX_VALUE) {
            throw new SceneFormatException(file, element + " " + index + ": list " + p.name() + " length "
                    + (long) n + " is too large");
        }
        // checked before the caller sizes an array by it: a damaged length must not allocate gigabytes
        if (n > itemsLeft()) {
            throw listTooLong(p, (long) n);
        }
        return (int) n;
    }

    /** An upper bound on the values that can still be read in the current instance. */
    abstract long itemsLeft();

    /** The error for a list declaring more items than {@link #itemsLeft()}. */
    abstract SceneFormatException listTooLong(PlyProperty p, long n);

    /** Reads past every instance of {@code e}. */
    void skip(PlyElement e) throws SceneFormatException {
        for (int i = 0; i < e.count(); i++) {
            begin(e.name(), i, e.count());
            for (PlyProperty p : e.properties()) {
                int n = p.isList() ? listLength(p) : 1;
                for (int k = 0; k < n; k++) {
                    next(p.type(), p.name());
                }
            }
            end();
        }
    }

    protected SceneFormatException truncated() {
        return new SceneFormatException(file, "truncated: file ends at " + element + " " + index + " of " + count);
    }
}
