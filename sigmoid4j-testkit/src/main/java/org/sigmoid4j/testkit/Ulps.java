package org.sigmoid4j.testkit;

/**
 * Distance in ulps, counted as the number of representable values between two numbers, as the
 * reference vectors' README defines it: +0 and −0 are equal, both NaN is 0, the same infinity
 * is 0, and a class mismatch (NaN or infinity against anything else) is {@link Long#MAX_VALUE}.
 */
public final class Ulps {

    public static final long MISMATCH = Long.MAX_VALUE;

    private Ulps() {}

    static long ord(double d) {
        long b = Double.doubleToRawLongBits(d);
        return b < 0 ? -(b & Long.MAX_VALUE) : b;
    }

    static long ord(float f) {
        int b = Float.floatToRawIntBits(f);
        return b < 0 ? -(long) (b & Integer.MAX_VALUE) : b;
    }

    public static long between(double got, double expected) {
        if (Double.isNaN(got) || Double.isNaN(expected)) {
            return Double.isNaN(got) && Double.isNaN(expected) ? 0 : MISMATCH;
        }
        if (Double.isInfinite(got) || Double.isInfinite(expected)) {
            return got == expected ? 0 : MISMATCH;
        }
        try {
            return Math.abs(Math.subtractExact(ord(got), ord(expected)));
        } catch (ArithmeticException overflow) {
            return MISMATCH;
        }
    }

    public static long between(float got, float expected) {
        if (Float.isNaN(got) || Float.isNaN(expected)) {
            return Float.isNaN(got) && Float.isNaN(expected) ? 0 : MISMATCH;
        }
        if (Float.isInfinite(got) || Float.isInfinite(expected)) {
            return got == expected ? 0 : MISMATCH;
        }
        return Math.abs(ord(got) - ord(expected));
    }

    /** "decimal (hex)" for failure messages. */
    public static String show(double v) {
        return v + " (" + Double.toHexString(v) + ")";
    }

    public static String show(float v) {
        return v + "f (" + Float.toHexString(v) + ")";
    }
}
