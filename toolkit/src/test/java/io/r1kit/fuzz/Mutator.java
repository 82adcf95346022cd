package io.r1kit.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded damage to a file's bytes: a changed byte, a cut, a deleted or repeated run, or an inserted token that
 * parsers trip on (quotes, brackets, huge or negative numbers, NaN, control and escape characters, bytes that
 * are not UTF-8). The same seed gives the same damage, so a failing case can be replayed from its number.
 */
final class Mutator {

    private static final String[] TOKENS = {"\"", "{", "}", "[", "]", ",", ":", "null", "-1", "0", "1e999", "1e300",
        "NaN", "-0", "99999999999999999999", "2147483648", "\\", "\\u0000", "\\ud800", "\u001b[2J", "\n", "\r",
        "\t", "true", "[[[[[[[[[[", "..", "../", "/etc/passwd", "element vertex 999999999\n", "property float x\n",
        "format binary_little_endian 1.0\n", "end_header\n", "'shape': (", "'descr': '<f8'", ")", "(", "'"};
    private static final byte[] BYTES = {0, 1, (byte) 0x7f, (byte) 0x80, (byte) 0xff, (byte) 0xc3, (byte) 0xe2,
        (byte) 0xfe, '0', '9', 'e', '-', '.', ' '};

    private Mutator() {}

    /** {@code seed}'s damage to {@code original}: one to three edits. */
    static byte[] mutate(byte[] original, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] b = original;
        int edits = 1 + r.nextInt(3);
        for (int e = 0; e < edits; e++) {
            b = edit(b, r);
        }
        return b;
    }

    private static byte[] edit(byte[] b, SplittableRandom r) {
        if (b.length == 0) {
            return token(r);
        }
        int at = r.nextInt(b.length);
        switch (r.nextInt(7)) {
            case 0 -> {
                byte[] c = b.clone();
                c[at] = r.nextBoolean() ? BYTES[r.nextInt(BYTES.length)] : (byte) r.nextInt(256);
                return c;
            }
            case 1 -> {
                return Arrays.copyOf(b, at);
            }
            case 2 -> {
                int end = Math.min(b.length, at + 1 + r.nextInt(64));
                return concat(Arrays.copyOf(b, at), Arrays.copyOfRange(b, end, b.length));
            }
            case 3 -> {
                int end = Math.min(b.length, at + 1 + r.nextInt(64));
                byte[] run = Arrays.copyOfRange(b, at, end);
                return concat(concat(Arrays.copyOf(b, end), run), Arrays.copyOfRange(b, end, b.length));
            }
            case 4 -> {
                byte[] c = b.clone();   // a bit flip, as a damaged disk or download makes
                c[at] ^= (byte) (1 << r.nextInt(8));
                return c;
            }
            case 5 -> {
                byte[] c = b.clone();   // a changed digit: sizes, counts and offsets
                for (int i = at; i < Math.min(c.length, at + 16); i++) {
                    if (c[i] >= '0' && c[i] <= '9') {
                        c[i] = (byte) ('0' + r.nextInt(10));
                        break;
                    }
                }
                return c;
            }
            default -> {
                return concat(concat(Arrays.copyOf(b, at), token(r)), Arrays.copyOfRange(b, at, b.length));
            }
        }
    }

    private static byte[] token(SplittableRandom r) {
        return TOKENS[r.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
