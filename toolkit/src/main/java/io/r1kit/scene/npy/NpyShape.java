package io.r1kit.scene.npy;

/** Shape arithmetic for {@link NpyArray}: element counts, C-order to storage index, and naming positions. */
final class NpyShape {

    private NpyShape() {}

    /** Shape in Python tuple notation, e.g. {@code (50000, 6)}, {@code (1000,)} or {@code ()}. */
    static String text(int[] shape) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            s.append(i > 0 ? ", " : "").append(shape[i]);
        }
        return s.append(shape.length == 1 ? ",)" : ")").toString();
    }

    /** Number of elements; throws when a dimension is negative or the count passes 2^31 - 1. */
    static long elementCount(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + text(shape));
            }
            n *= d;
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("shape " + text(shape) + " has more than 2^31 elements");
            }
        }
        return n;
    }

    /** Where the element at C-order index i sits in data stored in C or Fortran order. */
    static int storageIndex(int[] shape, boolean fortranOrder, int i) {
        if (!fortranOrder || shape.length < 2) {
            return i;
        }
        if (shape.length == 2) {
            return (i % shape[1]) * shape[0] + i / shape[1];
        }
        int[] idx = unravel(shape, i);
        int k = 0;
        for (int d = shape.length - 1; d >= 0; d--) {
            k = k * shape[d] + idx[d]; // Fortran order: the first index varies fastest
        }
        return k;
    }

    /** Names C-order index i: "element 3", "row 3, column 2" or "index (1, 2, 3)". */
    static String position(int[] shape, int i) {
        if (shape.length <= 1) {
            return "element " + i;
        }
        if (shape.length == 2) {
            return "row " + i / shape[1] + ", column " + i % shape[1];
        }
        int[] idx = unravel(shape, i);
        StringBuilder s = new StringBuilder("index (");
        for (int d = 0; d < idx.length; d++) {
            s.append(d > 0 ? ", " : "").append(idx[d]);
        }
        return s.append(')').toString();
    }

    private static int[] unravel(int[] shape, int i) {
        int[] idx = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            idx[d] = i % shape[d];
            i /= shape[d];
        }
        return idx;
    }
}
