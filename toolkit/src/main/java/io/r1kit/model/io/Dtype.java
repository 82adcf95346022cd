package io.r1kit.model.io;

import java.util.Locale;
import java.util.Optional;

/** The safetensors element types r1kit reads and writes; the names are those of the file header. */
public enum Dtype {
    /** IEEE float32. */
    F32(4),
    /** IEEE float16 (1 sign, 5 exponent, 10 mantissa bits). */
    F16(2),
    /** bfloat16: the upper 16 bits of a float32. */
    BF16(2),
    /** Signed 64-bit integers (e.g. position ids). */
    I64(8),
    /** Signed 32-bit integers. */
    I32(4);

    private final int bytes;

    Dtype(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }

    /** Whether the elements are floating point (readable as {@code float[]}). */
    public boolean isFloat() {
        return this == F32 || this == F16 || this == BF16;
    }

    /** The type named {@code name} in a header, or empty when r1kit does not know it. */
    public static Optional<Dtype> fromHeader(String name) {
        try {
            return Optional.of(valueOf(name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
