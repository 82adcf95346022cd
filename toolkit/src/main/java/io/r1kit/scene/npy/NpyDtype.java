package io.r1kit.scene.npy;

import java.nio.ByteOrder;
import java.util.Objects;

/**
 * A numeric NumPy dtype: its kind, its size in bytes and its byte order, as spelled by a
 * {@code descr} string such as {@code "<f4"} (little-endian float32) or {@code "|u1"} (uint8).
 *
 * <pre>{@code
 * NpyDtype.parse("<f4");     // FLOAT, 4 bytes, little endian
 * NpyDtype.parse(">i8");     // INT, 8 bytes, big endian
 * }</pre>
 *
 * @param kind  boolean, signed or unsigned integer, or float
 * @param size  bytes per element: 1 for booleans, 1/2/4/8 for integers, 2/4/8 for floats
 * @param order byte order of the elements ({@code |} and single-byte types read as little endian)
 */
public record NpyDtype(Kind kind, int size, ByteOrder order) {

    /** The element kinds this package reads; strings, objects and structured dtypes are not numeric. */
    public enum Kind {
        BOOL('b'), INT('i'), UINT('u'), FLOAT('f');

        final char code;

        Kind(char code) {
            this.code = code;
        }
    }

    public static final NpyDtype FLOAT32 = new NpyDtype(Kind.FLOAT, 4, ByteOrder.LITTLE_ENDIAN);
    public static final NpyDtype FLOAT64 = new NpyDtype(Kind.FLOAT, 8, ByteOrder.LITTLE_ENDIAN);
    public static final NpyDtype INT32 = new NpyDtype(Kind.INT, 4, ByteOrder.LITTLE_ENDIAN);
    public static final NpyDtype INT64 = new NpyDtype(Kind.INT, 8, ByteOrder.LITTLE_ENDIAN);
    public static final NpyDtype UINT8 = new NpyDtype(Kind.UINT, 1, ByteOrder.LITTLE_ENDIAN);
    public static final NpyDtype UINT32 = new NpyDtype(Kind.UINT, 4, ByteOrder.LITTLE_ENDIAN);

    public NpyDtype {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(order, "order");
        if (size == 1) {
            order = ByteOrder.LITTLE_ENDIAN; // byte order is meaningless for one byte; keeps equals() honest
        }
        boolean ok = switch (kind) {
            case BOOL -> size == 1;
            case INT, UINT -> size == 1 || size == 2 || size == 4 || size == 8;
            case FLOAT -> size == 2 || size == 4 || size == 8;
        };
        if (!ok) {
            throw new IllegalArgumentException("no " + kind + " dtype of " + size + " bytes");
        }
    }

    /**
     * Parses a NumPy {@code descr}: an optional byte-order mark ({@code <} little, {@code >} big,
     * {@code |} not applicable, {@code =} native), a kind letter ({@code b i u f}) and a size.
     * {@code "?"} is accepted as a boolean.
     *
     * @throws IllegalArgumentException naming the descr when it is not a supported numeric dtype
     */
    public static NpyDtype parse(String descr) {
        String s = descr;
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        if (!s.isEmpty() && "<>|=".indexOf(s.charAt(0)) >= 0) {
            char mark = s.charAt(0);
            if (mark == '>') {
                order = ByteOrder.BIG_ENDIAN;
            } else if (mark == '=') {
                order = ByteOrder.nativeOrder();
            }
            s = s.substring(1);
        }
        if (s.equals("?")) {
            return new NpyDtype(Kind.BOOL, 1, order);
        }
        if (s.length() < 2 || !s.substring(1).chars().allMatch(Character::isDigit) || s.length() > 3) {
            throw unsupported(descr);
        }
        int size = Integer.parseInt(s.substring(1));
        for (Kind k : Kind.values()) {
            if (k.code == s.charAt(0)) {
                try {
                    return new NpyDtype(k, size, order);
                } catch (IllegalArgumentException e) {
                    throw unsupported(descr);
                }
            }
        }
        throw unsupported(descr);
    }

    /** The {@code descr} string NumPy writes for this dtype, e.g. {@code "<f4"} or {@code "|u1"}. */
    public String descr() {
        char mark = size == 1 ? '|' : order == ByteOrder.BIG_ENDIAN ? '>' : '<';
        return "" + mark + kind.code + size;
    }

    /** This dtype with another byte order. */
    public NpyDtype withOrder(ByteOrder other) {
        return new NpyDtype(kind, size, other);
    }

    private static IllegalArgumentException unsupported(String descr) {
        return new IllegalArgumentException("unsupported dtype '" + io.r1kit.Excerpt.of(descr, 30)
                + "' (numeric dtypes b1, i1, u1, i2, u2, i4, u4, i8, u8, f2, f4, f8 are supported)");
    }
}
