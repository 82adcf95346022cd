package io.r1kit.scene.npy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * An immutable n-dimensional numeric array as stored in a {@code .npy} file: dtype, shape, memory
 * order and the raw element bytes. The typed accessors always give values in C (row-major) order,
 * whatever order and byte order the file used, so {@code toFloatArray()[r * cols() + c]} is row r,
 * column c.
 *
 * <pre>{@code
 * NpyArray a = NpyReader.read(Path.of("scene0000_02_vert.npy"));   // (50000, 6) <f4
 * float[] v = a.toFloatArray();       // 300,000 values, row-major
 * NpyArray b = NpyArray.ofInts(new int[] {1, 2, 3, 4, 5, 6}, 2, 3);
 * }</pre>
 */
public final class NpyArray {

    private final NpyDtype dtype;
    private final int[] shape;
    private final boolean fortranOrder;
    private final ByteBuffer data;
    private final int size;

    /** Wraps {@code data} (its remaining bytes, in the dtype's byte order); the caller gives up the buffer. */
    NpyArray(NpyDtype dtype, int[] shape, boolean fortranOrder, ByteBuffer data) {
        this.dtype = Objects.requireNonNull(dtype, "dtype");
        this.shape = shape.clone();
        this.fortranOrder = fortranOrder;
        long n = NpyShape.elementCount(shape);
        if ((long) data.remaining() != n * dtype.size()) {
            throw new IllegalArgumentException("shape " + NpyShape.text(shape) + " of " + dtype.descr() + " needs "
                    + n * dtype.size() + " bytes, got " + data.remaining());
        }
        this.size = (int) n;
        this.data = data.slice().order(dtype.order()).asReadOnlyBuffer().order(dtype.order());
    }

    /** A float32 array of {@code values} in C order with the given shape (one dimension when omitted). */
    public static NpyArray ofFloats(float[] values, int... shape) {
        int[] s = shapeFor(values.length, shape);
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return new NpyArray(NpyDtype.FLOAT32, s, false, b);
    }

    /** A float64 array of {@code values} in C order. */
    public static NpyArray ofDoubles(double[] values, int... shape) {
        int[] s = shapeFor(values.length, shape);
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(values);
        return new NpyArray(NpyDtype.FLOAT64, s, false, b);
    }

    /** An int32 array of {@code values} in C order. */
    public static NpyArray ofInts(int[] values, int... shape) {
        int[] s = shapeFor(values.length, shape);
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asIntBuffer().put(values);
        return new NpyArray(NpyDtype.INT32, s, false, b);
    }

    /** An int64 array of {@code values} in C order. */
    public static NpyArray ofLongs(long[] values, int... shape) {
        return ofIntegers(NpyDtype.INT64, values, shape);
    }

    /**
     * An array of an integer or boolean {@code dtype} (e.g. {@link NpyDtype#UINT8}, {@link NpyDtype#UINT32}).
     *
     * @throws IllegalArgumentException when a value does not fit the dtype
     */
    public static NpyArray ofIntegers(NpyDtype dtype, long[] values, int... shape) {
        if (dtype.kind() == NpyDtype.Kind.FLOAT) {
            throw new IllegalArgumentException("ofIntegers needs an integer dtype, not " + dtype.descr());
        }
        int[] s = shapeFor(values.length, shape);
        int bits = dtype.size() * 8;
        ByteBuffer b = ByteBuffer.allocate(values.length * dtype.size()).order(dtype.order());
        for (int i = 0; i < values.length; i++) {
            long v = values[i];
            boolean fits = switch (dtype.kind()) {
                case BOOL -> v == 0 || v == 1;
                case UINT -> bits == 64 ? v >= 0 : v >= 0 && v < (1L << bits);
                default -> bits == 64 || (v >= -(1L << (bits - 1)) && v < (1L << (bits - 1)));
            };
            if (!fits) {
                throw new IllegalArgumentException("value " + v + " at " + i + " does not fit " + dtype.descr());
            }
            switch (dtype.size()) {
                case 1 -> b.put((byte) v);
                case 2 -> b.putShort((short) v);
                case 4 -> b.putInt((int) v);
                default -> b.putLong(v);
            }
        }
        return new NpyArray(dtype, s, false, b.flip());
    }

    public NpyDtype dtype() { return dtype; }

    /** A copy of the shape; empty for a 0-d (scalar) array. */
    public int[] shape() { return shape.clone(); }

    public int ndim() { return shape.length; }

    /** The shape in Python tuple notation, e.g. {@code (50000, 6)}, {@code (1000,)} or {@code ()}. */
    public String shapeString() { return NpyShape.text(shape); }

    /** Number of elements (1 for a 0-d array). */
    public int size() { return size; }

    /** Whether the file stored the elements in Fortran (column-major) order; accessors hide it. */
    public boolean isFortranOrder() { return fortranOrder; }

    /** The first dimension of a 1-d or 2-d array. */
    public int rows() {
        requireNdim("rows()");
        return shape[0];
    }

    /** The second dimension of a 2-d array, or 1 for a 1-d array. */
    public int cols() {
        requireNdim("cols()");
        return shape.length == 2 ? shape[1] : 1;
    }

    /** All values as floats, in C order (float64 and large integers are rounded to float32). */
    public float[] toFloatArray() {
        float[] out = new float[size];
        for (int i = 0; i < size; i++) {
            out[i] = (float) doubleAt(storageIndex(i));
        }
        return out;
    }

    /** All values as doubles, in C order. */
    public double[] toDoubleArray() {
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = doubleAt(storageIndex(i));
        }
        return out;
    }

    /**
     * All values as longs, in C order. Float values must be whole numbers.
     *
     * @throws ArithmeticException naming the position when a value is not a whole number or does not fit a long
     */
    public long[] toLongArray() {
        long[] out = new long[size];
        for (int i = 0; i < size; i++) {
            out[i] = longAt(i, Long.MIN_VALUE, Long.MAX_VALUE, "a long");
        }
        return out;
    }

    /**
     * All values as ints, in C order. Float values must be whole numbers.
     *
     * @throws ArithmeticException naming the position when a value is not a whole number or does not fit an int
     */
    public int[] toIntArray() {
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = (int) longAt(i, Integer.MIN_VALUE, Integer.MAX_VALUE, "an int");
        }
        return out;
    }

    /**
     * The C-order index of the first value that is NaN or infinite as float32 (a float64 beyond +-3.4e38
     * counts), or -1 when all are finite.
     */
    public int firstNonFinite() {
        if (dtype.kind() != NpyDtype.Kind.FLOAT) {
            return -1;
        }
        for (int i = 0; i < size; i++) {
            if (!Float.isFinite((float) doubleAt(storageIndex(i)))) {
                return i;
            }
        }
        return -1;
    }

    /** The value at C-order index {@code i} as a double. */
    public double getDouble(int i) {
        return doubleAt(storageIndex(Objects.checkIndex(i, size)));
    }

    /** Names C-order index {@code i} for messages: "element 3", "row 3, column 2" or "index (1, 2, 3)". */
    public String position(int i) {
        return NpyShape.position(shape, i);
    }

    /** The raw bytes in C order, little endian: what {@link NpyWriter} writes. */
    ByteBuffer littleEndianCOrderBytes() {
        int w = dtype.size();
        ByteBuffer out = ByteBuffer.allocate(size * w);
        byte[] element = new byte[w];
        boolean swap = w > 1 && dtype.order() == ByteOrder.BIG_ENDIAN;
        for (int i = 0; i < size; i++) {
            data.get(storageIndex(i) * w, element);
            for (int k = 0; k < w; k++) {
                out.put(element[swap ? w - 1 - k : k]);
            }
        }
        return out.flip();
    }

    @Override
    public String toString() {
        return "NpyArray[" + dtype.descr() + ", " + NpyShape.text(shape) + (fortranOrder ? ", fortran order" : "") + "]";
    }

    private long longAt(int i, long min, long max, String what) {
        int k = storageIndex(i);
        IntFunction<ArithmeticException> error = v -> new ArithmeticException(position(i) + " = "
                + (dtype.kind() == NpyDtype.Kind.FLOAT ? Double.toString(doubleAt(k)) : Long.toUnsignedString(rawLong(k)))
                + (v == 0 ? " is not a whole number" : " does not fit " + what));
        if (dtype.kind() == NpyDtype.Kind.FLOAT) {
            double d = doubleAt(k);
            if (d != Math.rint(d)) {
                throw error.apply(0);
            }
            if (d < min || d > max) {
                throw error.apply(1);
            }
            return (long) d;
        }
        long v = rawLong(k);
        boolean unsignedHuge = dtype.kind() == NpyDtype.Kind.UINT && v < 0;
        if (unsignedHuge || v < min || v > max) {
            throw error.apply(1);
        }
        return v;
    }

    /** Integer value at storage index k, zero-extended for unsigned types (uint64 may come back negative). */
    private long rawLong(int k) {
        boolean unsigned = dtype.kind() != NpyDtype.Kind.INT;
        return switch (dtype.size()) {
            case 1 -> unsigned ? Byte.toUnsignedLong(data.get(k)) : data.get(k);
            case 2 -> unsigned ? Short.toUnsignedLong(data.getShort(2 * k)) : data.getShort(2 * k);
            case 4 -> unsigned ? Integer.toUnsignedLong(data.getInt(4 * k)) : data.getInt(4 * k);
            default -> data.getLong(8 * k);
        };
    }

    private double doubleAt(int k) {
        if (dtype.kind() == NpyDtype.Kind.FLOAT) {
            return switch (dtype.size()) {
                case 2 -> Half.toFloat(data.getShort(2 * k));
                case 4 -> data.getFloat(4 * k);
                default -> data.getDouble(8 * k);
            };
        }
        long v = rawLong(k);
        if (v < 0 && dtype.kind() == NpyDtype.Kind.UINT) {
            return (double) (v >>> 1) * 2.0 + (v & 1); // uint64 above 2^63
        }
        return v;
    }

    private int storageIndex(int i) {
        return NpyShape.storageIndex(shape, fortranOrder, i);
    }

    private void requireNdim(String what) {
        if (shape.length != 1 && shape.length != 2) {
            throw new IllegalStateException(what + " needs a 1-d or 2-d array, this one has shape " + NpyShape.text(shape));
        }
    }

    private static int[] shapeFor(int length, int[] shape) {
        int[] s = shape.length == 0 ? new int[] {length} : shape.clone();
        if (NpyShape.elementCount(s) != length) {
            throw new IllegalArgumentException(length + " values do not fill shape " + NpyShape.text(s));
        }
        return s;
    }
}
