package io.r1kit.scene.ply;

import io.r1kit.scene.SceneFormatException;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Optional;

/** Binary PLY body over a byte buffer already set to the file's byte order. */
final class BinaryBodyReader extends BodyReader {

    private final ByteBuffer buf;

    BinaryBodyReader(Path file, ByteBuffer buf) {
        super(file);
        this.buf = buf;
    }

    @Override
    double next(PlyType type, String property) throws SceneFormatException {
        try {
            return type.read(buf);
        } catch (BufferUnderflowException e) {
            throw truncated();
        }
    }

    /**
     * Compares the body length with what the header declares when every element has a fixed size,
     * so that a short file is reported as truncated before its misaligned values are read.
     *
     * @return a note about bytes after the last element, if any
     * @throws SceneFormatException when the body is shorter than declared
     */
    Optional<String> checkLength(PlyHeader header) throws SceneFormatException {
        long needed = 0;
        for (PlyElement e : header.elements()) {
            if (e.fixedSize() < 0) {
                return Optional.empty();
            }
            needed += (long) e.fixedSize() * e.count();
        }
        long have = buf.remaining();
        if (have > needed) {
            return Optional.of((have - needed) + " bytes after the last element were ignored");
        }
        if (have == needed) {
            return Optional.empty();
        }
        long offset = 0;
        for (PlyElement e : header.elements()) {
            long size = (long) e.fixedSize() * e.count();
            if (offset + size > have) {
                begin(e.name(), (int) ((have - offset) / e.fixedSize()), e.count());
                break;
            }
            offset += size;
        }
        throw new SceneFormatException(file, "truncated: file ends at " + element + " " + index + " of " + count
                + " (the body has " + have + " bytes, the header declares " + needed + ")");
    }

    @Override
    long itemsLeft() {
        return buf.remaining();
    }

    @Override
    SceneFormatException listTooLong(PlyProperty p, long n) {
        return truncated();
    }

    @Override
    void end() {
        // binary instances have no terminator
    }

    @Override
    void skip(PlyElement e) throws SceneFormatException {
        int size = e.fixedSize();
        if (size < 0) {
            super.skip(e);
            return;
        }
        // all-scalar elements are skipped in one jump; on a short file, name the first incomplete instance
        long bytes = (long) size * e.count();
        if (bytes > buf.remaining()) {
            begin(e.name(), size == 0 ? 0 : buf.remaining() / size, e.count());
            throw truncated();
        }
        buf.position(buf.position() + (int) bytes);
    }
}
