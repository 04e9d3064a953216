package org.sigmoid4j.math;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Double-double building blocks behind the scalar reference functions of {@link Logistic}.
 *
 * <p>A result is a triple {@code (h + l)·2^k}: an unevaluated sum of two doubles with
 * {@code |l| ≤ ulp(h)} (about 106 significant bits) and a binary scale kept apart, so that
 * results far below the double range (e^−745 and smaller) are rounded once, at the very end,
 * into a subnormal double or float. The exponential and logarithm here carry a relative error
 * of about 2^−60 or less (table-driven exp: ~2^−68; log: ~2^−60), so that rounding the
 * double-double once gives a double within ½ ulp + 2^−7 ulp of the exact value (≤ 1 ulp), and a
 * float that is correctly rounded unless the exact value lies within about 2^−60 (relative) of a
 * float rounding boundary; the float sweep test checks that no float input is such a case
 * (see {@code FloatSweepTest}).
 */
final class DoubleDouble {

    /** A result (h + l)·2^k. Short-lived; the JIT scalar-replaces it. */
    static final class Dd {
        double h;
        double l;
        int k;

        Dd set(double h, double l, int k) {
            this.h = h;
            this.l = l;
            this.k = k;
            return this;
        }

        Dd negate() {
            h = -h;
            l = -l;
            return this;
        }

        double toDouble() {
            return DoubleDouble.toDouble(h, l, k);
        }

        float toFloat() {
            return DoubleDouble.toFloat(h, l, k);
        }
    }

    private DoubleDouble() {}

    private static final MathContext MC = new MathContext(60);
    private static final BigDecimal LN2 = new BigDecimal(
            "0.69314718055994530941723212145817656807550013436025525412068000949339362196969471560586332699641868754");

    /** ln 2 with 32 significant bits (so that j·LN2_HI is exact for |j| < 2^21), and the rest. */
    static final double LN2_HI = 0x1.62e42fefp-1;
    static final double LN2_LO = LN2.subtract(new BigDecimal(LN2_HI)).doubleValue();

    /** ln2/64 split the same way: kk·LN2_64_HI exact for |kk| < 2^20. */
    private static final double LN2_64_HI = Double.longBitsToDouble(
            Double.doubleToRawLongBits(LN2.divide(BigDecimal.valueOf(64), MC).doubleValue()) & ~((1L << 21) - 1));
    private static final double LN2_64_LO =
            LN2.divide(BigDecimal.valueOf(64), MC).subtract(new BigDecimal(LN2_64_HI)).doubleValue();
    private static final double INV_LN2_64 = BigDecimal.valueOf(64).divide(LN2, MC).doubleValue();

    /** 2^(j/64), j = 0..63, as double-doubles (hi, lo), |lo| ≤ ½ ulp(hi), computed once. */
    private static final double[] T_HI = new double[64];
    private static final double[] T_LO = new double[64];

    static {
        for (int j = 0; j < 64; j++) {
            double hi = Math.pow(2, j / 64.0);
            // t = hi·(2^j / hi^64)^(1/64) = hi·(1 + e)^(1/64) ≈ hi·(1 + e/64); e ~ 2^-47, e² negligible
            BigDecimal e = BigDecimal.valueOf(2).pow(j).divide(new BigDecimal(hi).pow(64, MC), MC).subtract(BigDecimal.ONE);
            double lo = new BigDecimal(hi).multiply(e, MC).divide(BigDecimal.valueOf(64), MC).doubleValue();
            double s = hi + lo;
            T_HI[j] = s;
            T_LO[j] = lo - (s - hi);
        }
    }

    static final double SQRT2 = 0x1.6a09e667f3bcdp0; // 1.4142135623730951

    // ---------------------------------------------------------------------------------------

    /**
     * e^v for v ≤ 0 (clamped below at −1200, where every caller's result is 0 anyway), as
     * (h + l)·2^k with h ∈ [0.99, 2.02]. Relative error about 2^−68: v = kk·ln2/64 + r with
     * |r| ≤ ln2/128 reduced in double-double, e^r by a degree-7 Taylor polynomial (truncation
     * r^8/8! &lt; 2^−75) whose leading term r is kept in double-double, times the table entry.
     */
    static Dd expNeg(double v, Dd out) {
        v = Math.max(v, -1200.0);
        double kk = Math.rint(v * INV_LN2_64);
        long ki = (long) kk;
        int j = (int) (ki & 63);
        int k = (int) (ki >> 6);
        double r1 = Math.fma(-kk, LN2_64_HI, v);
        double t = kk * LN2_64_LO;
        double te = Math.fma(kk, LN2_64_LO, -t);
        double rh = r1 - t;
        double rl = twoSumErr(r1, -t, rh) - te;
        double r = rh;
        double q = r * r * (0.5 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120 + r * (1.0 / 720 + r * (1.0 / 5040))))))
                + r * rl;
        double sh = rh + (rl + q);
        double sl = twoSumErr(rh, rl + q, sh);
        double th = T_HI[j];
        double tl = T_LO[j];
        double p = th * sh;
        double pe = Math.fma(th, sh, -p);
        double h = th + p;
        double l = (p - (h - th)) + (pe + th * sl + tl + tl * sh);
        return out.set(h, l, k);
    }

    /** The rounding error of s = a + b (Knuth's two-sum): a + b = s + err exactly. */
    static double twoSumErr(double a, double b, double s) {
        double bb = s - a;
        return (a - (s - bb)) + (b - bb);
    }

    /**
     * log(yh + yl) for yh &gt; 0, finite, |yl| ≤ ulp(yh), as (h + l)·2^0. Relative error about
     * 2^−60: y = 2^j·m with m ∈ [√2/2, √2], log m = 2·atanh(f), f = (m−1)/(m+1) in
     * double-double, |f| ≤ 0.1716, and the series' tail 2f³·(1/3 + f²/5 + …) in double.
     */
    static Dd log(double yh, double yl, Dd out) {
        int j = 0;
        if (yh < Double.MIN_NORMAL) {
            yh *= 0x1p54;
            yl *= 0x1p54;
            j = -54;
        }
        int e = Math.getExponent(yh);
        j += e;
        double m = Math.scalb(yh, -e);
        double ml = Math.scalb(yl, -e);
        if (m > SQRT2) {
            m *= 0.5;
            ml *= 0.5;
            j++;
        }
        double num = m - 1.0; // exact (Sterbenz)
        double dh = m + 1.0;
        double dl = twoSumErr(m, 1.0, dh) + ml;
        double fh = num / dh;
        double rem = Math.fma(-fh, dh, num) + ml - fh * dl;
        double fl = rem / dh;
        twoAtanh(fh, fl, out);
        double a = j * LN2_HI;
        double sh = a + out.h;
        double sl = twoSumErr(a, out.h, sh) + (out.l + j * LN2_LO);
        double h = sh + sl;
        return out.set(h, sl - (h - sh), 0);
    }

    private static final double THIRD_HI = 1.0 / 3;
    private static final double THIRD_LO = BigDecimal.ONE.divide(BigDecimal.valueOf(3), MC)
            .subtract(new BigDecimal(THIRD_HI)).doubleValue();

    /**
     * 2·atanh(fh + fl) = 2f + 2f³/3 + 2f⁵/5 + … for |f| ≤ 0.2, as a normalized double-double
     * (h + l)·2^0 with relative error about 2^−66: 2f and 2f³/3 are formed in double-double,
     * the rest (at most f⁴/5 ≈ 2^−11.6 of the result) in double; 14 terms, truncation &lt; 2^−65.
     */
    static Dd twoAtanh(double fh, double fl, Dd out) {
        double zh = fh * fh;
        double zl = Math.fma(fh, fh, -zh);
        double f2 = 2 * fh;
        double ah = f2 * zh;
        double al = Math.fma(f2, zh, -ah) + f2 * zl;
        double p = 1.0 / 29;
        p = Math.fma(p, zh, 1.0 / 27);
        p = Math.fma(p, zh, 1.0 / 25);
        p = Math.fma(p, zh, 1.0 / 23);
        p = Math.fma(p, zh, 1.0 / 21);
        p = Math.fma(p, zh, 1.0 / 19);
        p = Math.fma(p, zh, 1.0 / 17);
        p = Math.fma(p, zh, 1.0 / 15);
        p = Math.fma(p, zh, 1.0 / 13);
        p = Math.fma(p, zh, 1.0 / 11);
        p = Math.fma(p, zh, 1.0 / 9);
        p = Math.fma(p, zh, 1.0 / 7);
        p = Math.fma(p, zh, 1.0 / 5);
        double c = THIRD_LO + zh * p;
        double th = ah * THIRD_HI;
        double tl = Math.fma(ah, THIRD_HI, -th) + (al * THIRD_HI + ah * c);
        double h = f2 + th;
        double l = twoSumErr(f2, th, h) + (2 * fl * (1 + zh) + tl);
        double hh = h + l;
        return out.set(hh, l - (hh - h), 0);
    }

    // ---------------------------------------------------------------------------------------
    // Final rounding, once.

    /** (h + l)·2^k rounded once to the nearest double (ties to even), subnormals included. */
    static double toDouble(double h, double l, int k) {
        if (h == 0) {
            return Math.scalb(l, k);
        }
        double s = h + l;
        l = l - (s - h);
        h = s;
        if (Math.getExponent(h) + k >= Double.MIN_EXPONENT + 1) {
            return Math.scalb(h, k); // normal: the scaling is exact, h + l was the one rounding
        }
        return Math.scalb(roundToInteger(Math.scalb(h, k + 1074), Math.scalb(l, k + 1074)), -1074);
    }

    /** (h + l)·2^k rounded once to the nearest float (ties to even), subnormals included. */
    static float toFloat(double h, double l, int k) {
        if (h == 0) {
            return (float) Math.scalb(l, k);
        }
        double s = h + l;
        l = l - (s - h);
        h = s;
        if (Math.getExponent(h) + k >= Float.MIN_EXPONENT + 1) {
            // Round to odd in double (53 ≥ 24 + 2 bits), then to float: no double rounding.
            return (float) Math.scalb(roundToOdd(h, l), k);
        }
        return (float) Math.scalb(roundToInteger(Math.scalb(h, k + 149), Math.scalb(l, k + 149)), -149);
    }

    /** h + l (|l| ≤ ½ ulp(h)) rounded to odd: h if exact, else the odd one of h and its neighbour towards l. */
    static double roundToOdd(double h, double l) {
        long bits = Double.doubleToRawLongBits(h);
        if (l != 0 && (bits & 1) == 0 && !Double.isInfinite(h)) {
            bits += (l > 0) == (h > 0) ? 1 : -1;
        }
        return Double.longBitsToDouble(bits);
    }

    /** s + ls (|s| &lt; 2^52, |ls| ≤ ulp(s)) rounded to the nearest integer, ties to even. */
    private static double roundToInteger(double s, double ls) {
        double n = Math.rint(s);
        double d = s - n; // exact, in [−½, ½]
        if (d - 0.5 > -ls) {
            n += 1;
        } else if (d + 0.5 < -ls) {
            n -= 1;
        }
        return n;
    }
}
