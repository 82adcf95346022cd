package io.r1kit.scene.npy;

/** IEEE 754 half-precision (NumPy {@code f2}) to float; Java 17 has no built-in conversion. */
final class Half {

    private Half() {}

    /** The float value of the 16 bits in {@code h}: 1 sign, 5 exponent (bias 15) and 10 mantissa bits. */
    static float toFloat(short h) {
        int bits = h & 0xffff;
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        float magnitude;
        if (exponent == 0) {
            magnitude = mantissa * 0x1p-24f; // zero or subnormal: mantissa * 2^-14 / 2^10
        } else if (exponent == 0x1f) {
            magnitude = mantissa == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
        } else {
            magnitude = Math.scalb(1 + mantissa / 1024f, exponent - 15);
        }
        return (bits & 0x8000) != 0 ? -magnitude : magnitude;
    }
}
