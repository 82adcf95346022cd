package io.r1kit.scene.npy;

import io.r1kit.scene.SceneFormatException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Reads NumPy {@code .npy} files: format versions 1.0, 2.0 (4-byte header length) and 3.0 (UTF-8
 * header), numeric dtypes in any byte order, C or Fortran order, any number of dimensions. The
 * data is read in one piece into a buffer of the file's byte order; nothing is converted until a
 * typed accessor of {@link NpyArray} asks for it.
 *
 * <p>Stricter than NumPy in one respect: bytes after the data are an error, since they mean the
 * header's shape does not describe the file.
 *
 * <pre>{@code
 * NpyArray vert = NpyReader.readFinite(Path.of("scene0000_02_vert.npy"));
 * }</pre>
 */
public final class NpyReader {

    /** Longest header read: NumPy writes a few hundred bytes, and itself refuses over 10,000 by default. */
    static final long MAX_HEADER = 65_536;

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    private NpyReader() {}

    /**
     * Reads {@code file}.
     *
     * @throws SceneFormatException naming the file and the problem: empty file, bad magic, unsupported
     *         version or dtype, malformed header, or data shorter or longer than the shape says
     */
    public static NpyArray read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long fileSize = ch.size();
            if (fileSize == 0) {
                throw new SceneFormatException(file, "file is empty (expected a NumPy .npy array)");
            }
            ByteBuffer pre = readFully(ch, 0, (int) Math.min(fileSize, 12)).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < MAGIC.length; i++) {
                if (i >= pre.limit() || pre.get(i) != MAGIC[i]) {
                    throw new SceneFormatException(file, "not a NumPy .npy file (it does not start with \\x93NUMPY)");
                }
            }
            if (pre.limit() < 10) {
                throw new SceneFormatException(file, "file ends inside the .npy preamble (" + fileSize + " bytes)");
            }
            int major = pre.get(6) & 0xff;
            int minor = pre.get(7) & 0xff;
            if (major < 1 || major > 3 || minor != 0) {
                throw new SceneFormatException(file, "unsupported .npy format version " + major + "." + minor
                        + " (1.0, 2.0 and 3.0 are read)");
            }
            if (major > 1 && pre.limit() < 12) {
                throw new SceneFormatException(file, "file ends inside the .npy preamble (" + fileSize + " bytes)");
            }
            long headerLength = major == 1 ? Short.toUnsignedLong(pre.getShort(8)) : Integer.toUnsignedLong(pre.getInt(8));
            if (headerLength > MAX_HEADER) {
                throw new SceneFormatException(file, "header of " + count(headerLength) + " bytes is longer than the "
                        + count(MAX_HEADER) + " a .npy array needs (the file is damaged)");
            }
            long dataStart = (major == 1 ? 10 : 12) + headerLength;
            if (dataStart > fileSize) {
                throw new SceneFormatException(file, "header of " + count(headerLength) + " bytes runs past the end of the file ("
                        + count(fileSize) + " bytes)");
            }
            ByteBuffer headerBytes = readFully(ch, major == 1 ? 10 : 12, (int) headerLength);
            String text = (major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1).decode(headerBytes).toString();
            NpyHeader header;
            NpyDtype dtype;
            long expected;
            try {
                header = NpyHeader.parse(text);
                dtype = NpyDtype.parse(header.descr());
                expected = NpyShape.elementCount(header.shape()) * dtype.size();
            } catch (IllegalArgumentException e) {
                throw new SceneFormatException(file, e.getMessage());
            }
            long found = fileSize - dataStart;
            String what = "shape " + NpyShape.text(header.shape()) + " of " + dtype.descr() + " needs "
                    + count(expected) + " bytes";
            if (found < expected) {
                throw new SceneFormatException(file, "data is truncated: " + what + ", found " + count(found));
            }
            if (found > expected) {
                throw new SceneFormatException(file, count(found - expected) + " bytes after the data: " + what
                        + ", found " + count(found));
            }
            if (expected > Integer.MAX_VALUE) {
                throw new SceneFormatException(file, what + ", more than this reader holds in one buffer (2 GiB)");
            }
            ByteBuffer data = readFully(ch, dataStart, (int) expected);
            return new NpyArray(dtype, header.shape(), header.fortranOrder(), data.order(dtype.order()));
        }
    }

    /**
     * Reads {@code file} and checks that every value is finite.
     *
     * @throws SceneFormatException as {@link #read(Path)}, or naming the position of the first value that is NaN
     *                              or infinite as float32
     */
    public static NpyArray readFinite(Path file) throws IOException {
        return requireFinite(file, read(file));
    }

    /**
     * {@code a}, read from {@code file}, when every value is finite as float32 (what the toolkit computes in): a
     * float64 such as 1e300 is finite, yet infinite once narrowed, so it is refused like NaN.
     *
     * @throws SceneFormatException naming the file and the position of the first bad value
     */
    public static NpyArray requireFinite(Path file, NpyArray a) throws SceneFormatException {
        int bad = a.firstNonFinite();
        if (bad >= 0) {
            double v = a.getDouble(bad);
            throw new SceneFormatException(file, a.position(bad) + " is " + v + (Double.isFinite(v)
                    ? ", beyond the float32 range (+-3.4e38)" : " (finite values expected)"));
        }
        return a;
    }

    /** Thousands-separated count for messages, e.g. 1,200,000. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static ByteBuffer readFully(FileChannel ch, long at, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length);
        while (b.hasRemaining()) {
            if (ch.read(b, at + b.position()) < 0) {
                throw new IOException("file shrank while being read");
            }
        }
        return b.flip();
    }
}
