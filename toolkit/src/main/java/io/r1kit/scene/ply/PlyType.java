package io.r1kit.scene.ply;

import java.nio.ByteBuffer;
import java.util.Optional;

/** The PLY scalar types with their sizes in bytes; each has its classic name and a sized alias. */
public enum PlyType {
    CHAR("char", "int8", 1, true),
    UCHAR("uchar", "uint8", 1, true),
    SHORT("short", "int16", 2, true),
    USHORT("ushort", "uint16", 2, true),
    INT("int", "int32", 4, true),
    UINT("uint", "uint32", 4, true),
    FLOAT("float", "float32", 4, false),
    DOUBLE("double", "float64", 8, false);

    private final String name;
    private final String alias;
    private final int size;
    private final boolean integral;

    PlyType(String name, String alias, int size, boolean integral) {
        this.name = name;
        this.alias = alias;
        this.size = size;
        this.integral = integral;
    }

    /** The type named {@code word} in a header ({@code float} or {@code float32}, ...), if any. */
    public static Optional<PlyType> ofName(String word) {
        for (PlyType t : values()) {
            if (t.name.equals(word) || t.alias.equals(word)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Size of one value in a binary body. */
    public int size() {
        return size;
    }

    /** Whether values are integers (all but {@code float} and {@code double}). */
    public boolean integral() {
        return integral;
    }

    /** The classic PLY name, e.g. {@code uchar}. */
    public String plyName() {
        return name;
    }

    /** Reads one value at the buffer's position (its byte order applies) and advances past it. */
    double read(ByteBuffer buf) {
        return switch (this) {
            case CHAR -> buf.get();
            case UCHAR -> buf.get() & 0xFF;
            case SHORT -> buf.getShort();
            case USHORT -> buf.getShort() & 0xFFFF;
            case INT -> buf.getInt();
            case UINT -> buf.getInt() & 0xFFFFFFFFL;
            case FLOAT -> buf.getFloat();
            case DOUBLE -> buf.getDouble();
        };
    }

    /** Whether {@code v} (already known to be an integer when {@link #integral()}) fits this type. */
    boolean fits(double v) {
        return switch (this) {
            case CHAR -> v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE;
            case UCHAR -> v >= 0 && v <= 255;
            case SHORT -> v >= Short.MIN_VALUE && v <= Short.MAX_VALUE;
            case USHORT -> v >= 0 && v <= 65535;
            case INT -> v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
            case UINT -> v >= 0 && v <= 4294967295L;
            case FLOAT, DOUBLE -> true;
        };
    }
}
