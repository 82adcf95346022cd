package io.r1kit.scene.npy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes an {@link NpyArray} as a {@code .npy} file that NumPy reads: format version 1.0, C order,
 * little endian (single-byte dtypes as {@code |}), the header padded with spaces so the data starts
 * at a multiple of 64 bytes, as NumPy itself does. Arrays read in Fortran order or big endian are
 * rewritten element by element.
 *
 * <pre>{@code
 * NpyWriter.write(dir.resolve("boxes.npy"), NpyArray.ofDoubles(values, 28, 7));
 * }</pre>
 */
public final class NpyWriter {

    private static final int ALIGN = 64;

    private NpyWriter() {}

    /** Writes {@code array} to {@code file}, replacing it. */
    public static void write(Path file, NpyArray array) throws IOException {
        NpyDtype little = array.dtype().withOrder(ByteOrder.LITTLE_ENDIAN);
        String dict = new NpyHeader(little.descr(), false, array.shape()).format();
        int unpadded = 10 + dict.length() + 1; // preamble, dictionary, final newline
        int padding = (ALIGN - unpadded % ALIGN) % ALIGN;
        String header = dict + " ".repeat(padding) + "\n";
        ByteBuffer pre = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        pre.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
        ByteBuffer data = array.littleEndianCOrderBytes();
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(pre.array());
            out.write(header.getBytes(StandardCharsets.ISO_8859_1));
            out.write(data.array(), data.arrayOffset() + data.position(), data.remaining());
        }
    }
}
