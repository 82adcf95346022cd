package io.r1kit.scene.npy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds .npy files byte by byte, so tests cover layouts the writer never produces. */
final class NpyBytes {

    private NpyBytes() {}

    /** A .npy file of the given format version with {@code dict} as header text (a newline is appended). */
    static Path write(Path file, int major, String dict, byte[] data) throws IOException {
        byte[] h = (dict + "\n").getBytes(major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate((major == 1 ? 10 : 12) + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (major == 1) {
            b.putShort((short) h.length);
        } else {
            b.putInt(h.length);
        }
        b.put(h).put(data);
        return Files.write(file, b.array());
    }

    /** {@code values} as integers of {@code width} bytes in {@code order}. */
    static byte[] ints(ByteOrder order, int width, long... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * width).order(order);
        for (long v : values) {
            switch (width) {
                case 1 -> b.put((byte) v);
                case 2 -> b.putShort((short) v);
                case 4 -> b.putInt((int) v);
                default -> b.putLong(v);
            }
        }
        return b.array();
    }

    /** {@code values} as float32 in {@code order}. */
    static byte[] floats(ByteOrder order, float... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(order);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    /** {@code values} as float64 in {@code order}. */
    static byte[] doubles(ByteOrder order, double... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(order);
        for (double v : values) {
            b.putDouble(v);
        }
        return b.array();
    }

    /** The header dictionary NumPy writes. */
    static String dict(String descr, boolean fortran, String shape) {
        return "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': " + shape + ", }";
    }
}
