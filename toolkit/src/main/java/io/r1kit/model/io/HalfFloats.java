package io.r1kit.model.io;

/**
 * Conversions between float32 and the two 16-bit float formats, done in Java so that DJL only
 * ever sees float32 arrays (its PyTorch bridge cannot build arrays of every 16-bit type).
 */
public final class HalfFloats {

    private HalfFloats() {}

    /** The float value of IEEE float16 bits: 1 sign, 5 exponent (bias 15), 10 mantissa bits. */
    public static float f16ToFloat(short h) {
        int bits = h & 0xffff;
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        float magnitude;
        if (exponent == 0) {
            magnitude = mantissa * 0x1p-24f; // zero or subnormal
        } else if (exponent == 0x1f) {
            magnitude = mantissa == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
        } else {
            magnitude = Math.scalb(1 + mantissa / 1024f, exponent - 15);
        }
        return (bits & 0x8000) != 0 ? -magnitude : magnitude;
    }

    /** The float16 nearest to {@code f} (ties to even); overflow gives infinity, NaN stays NaN. */
    public static short floatToF16(float f) {
        int bits = Float.floatToRawIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        float abs = Math.abs(f);
        if (Float.isNaN(f)) {
            return (short) (sign | 0x7e00);
        }
        if (abs >= 65520f) { // 65504 is the largest float16; half an ulp above rounds to infinity
            return (short) (sign | 0x7c00);
        }
        if (abs < 0x1p-14f) {
            // Subnormal: value / 2^-24, rounded to the nearest integer, ties to even (Math.rint).
            return (short) (sign | (int) Math.rint(abs * 0x1p24f));
        }
        int exponent = Math.getExponent(abs);
        int mantissa = Float.floatToRawIntBits(abs) & 0x7fffff;
        // Keep 10 of the 23 mantissa bits, rounding the 13 dropped ones to nearest, ties to even.
        int kept = mantissa >>> 13;
        int dropped = mantissa & 0x1fff;
        if (dropped > 0x1000 || (dropped == 0x1000 && (kept & 1) == 1)) {
            kept++;
        }
        int half = ((exponent + 15) << 10) + kept; // a carry out of the mantissa bumps the exponent
        return (short) (sign | half);
    }

    /** The float value of bfloat16 bits (the upper half of a float32). */
    public static float bf16ToFloat(short b) {
        return Float.intBitsToFloat((b & 0xffff) << 16);
    }

    /** The bfloat16 nearest to {@code f} (ties to even); NaN stays NaN. */
    public static short floatToBf16(float f) {
        int bits = Float.floatToRawIntBits(f);
        if (Float.isNaN(f)) {
            return (short) ((bits >>> 16) | 0x40);
        }
        int rounding = 0x7fff + ((bits >>> 16) & 1);
        return (short) ((bits + rounding) >>> 16);
    }
}
