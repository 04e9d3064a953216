package org.sigmoid4j.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sigmoid4j.kernel.Kernels;
import org.sigmoid4j.testkit.ReferenceVectors;
import org.sigmoid4j.testkit.Ulps;

/**
 * A sweep over the float line (every 2^SHIFT-th bit pattern, both signs, plus dense runs of
 * consecutive floats around typical values) checking that the float functions, scalar and bulk,
 * are correctly rounded, against an oracle independent of the code under test:
 * <ol>
 *   <li>a textbook double formula on {@link StrictMath} (error a few double ulps; we allow
 *       2^−36 relative, generous on purpose so that the BigDecimal path below is exercised), which decides the float rounding whenever it lies farther than that
 *       allowance from a float rounding boundary (midpoint between floats);</li>
 *   <li>otherwise, near a boundary, a {@link BigDecimal} evaluation at 60 digits, rounded by
 *       {@link BigDecimal#floatValue()} (correctly rounded).</li>
 * </ol>
 * The BigDecimal oracle is itself checked against the mpmath reference vectors.
 * {@code -Dsigmoid4j.tests.floatSweepShift=0} makes the sweep exhaustive (2^32 inputs per
 * function: run by hand, it takes hours); the default shift keeps the unit tests fast.
 */
@Tag("kernels")
class FloatSweepTest {

    static final int SHIFT = Integer.getInteger("sigmoid4j.tests.floatSweepShift", 14);
    static final MathContext MC = new MathContext(60, RoundingMode.HALF_EVEN);
    static final double NEAR = 0x1p-36;

    interface FloatOp { float apply(float x); }
    interface Bulk { void apply(float[] x, float[] y); }
    record Fn(String stem, FloatOp scalar, Bulk bulk, DoubleUnaryOperator textbook, Function<BigDecimal, BigDecimal> exact,
              boolean unit) {}

    static final List<Fn> FUNCTIONS = List.of(
            new Fn("sigmoid", Logistic::sigmoid, Kernels::sigmoid, FloatSweepTest::sigmoidD, FloatSweepTest::sigmoidB, false),
            new Fn("sigmoid_derivative", Logistic::sigmoidDerivative, Kernels::sigmoidDerivative,
                    x -> { double t = StrictMath.exp(-Math.abs(x)); return t / ((1 + t) * (1 + t)); },
                    x -> { BigDecimal t = exp(x.abs().negate()); BigDecimal d = BigDecimal.ONE.add(t); return t.divide(d.multiply(d), MC); },
                    false),
            new Fn("log_sigmoid", Logistic::logSigmoid, Kernels::logSigmoid, x -> -softplusD(-x), x -> softplusB(x.negate()).negate(), false),
            new Fn("softplus", Logistic::softplus, Kernels::softplus, FloatSweepTest::softplusD, FloatSweepTest::softplusB, false),
            new Fn("silu", Logistic::silu, Kernels::silu, x -> x == Double.NEGATIVE_INFINITY ? -0.0 : x * sigmoidD(x),
                    x -> x.multiply(sigmoidB(x), MC), false),
            new Fn("tanh", Logistic::tanh, Kernels::tanh, StrictMath::tanh, FloatSweepTest::tanhB, false),
            new Fn("logit", Logistic::logit, Kernels::logit, FloatSweepTest::logitD, FloatSweepTest::logitB, true));

    // ---- textbook double formulas on StrictMath (fdlibm): a few ulps

    static double sigmoidD(double x) {
        if (x >= 0) return 1 / (1 + StrictMath.exp(-x));
        double e = StrictMath.exp(x);
        return e / (1 + e);
    }

    static double softplusD(double x) {
        return x > 0 ? x + StrictMath.log1p(StrictMath.exp(-x)) : StrictMath.log1p(StrictMath.exp(x));
    }

    static double logitD(double p) {
        if (p >= 0.25 && p <= 0.75) {
            double u = 2 * p - 1; // exact, and so is 1 − u, for a float p
            return StrictMath.log1p(2 * u / (1 - u));
        }
        return StrictMath.log(p) - StrictMath.log1p(-p);
    }

    // ---- BigDecimal, 60 digits

    static BigDecimal exp(BigDecimal x) {
        if (x.signum() < 0) return BigDecimal.ONE.divide(exp(x.negate()), MC);
        int halvings = 0;
        BigDecimal r = x;
        while (r.compareTo(new BigDecimal("0.001")) > 0) {
            r = r.divide(BigDecimal.valueOf(2), MC);
            halvings++;
        }
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        for (int k = 1; k < 40; k++) {
            term = term.multiply(r, MC).divide(BigDecimal.valueOf(k), MC);
            sum = sum.add(term, MC);
        }
        for (int i = 0; i < halvings; i++) sum = sum.multiply(sum, MC);
        return sum;
    }

    static BigDecimal log(BigDecimal y) {
        BigDecimal z = new BigDecimal(Math.log(y.doubleValue()));
        for (int i = 0; i < 4; i++) {
            BigDecimal e = exp(z);
            z = z.add(BigDecimal.valueOf(2).multiply(y.subtract(e), MC).divide(y.add(e), MC), MC);
        }
        return z;
    }

    static BigDecimal log1p(BigDecimal u) {
        if (u.abs().compareTo(new BigDecimal("1e-25")) < 0) {
            return u.subtract(u.multiply(u, MC).divide(BigDecimal.valueOf(2), MC), MC);
        }
        return log(BigDecimal.ONE.add(u, MC));
    }

    static BigDecimal sigmoidB(BigDecimal x) {
        if (x.signum() >= 0) return BigDecimal.ONE.divide(BigDecimal.ONE.add(exp(x.negate())), MC);
        BigDecimal e = exp(x);
        return e.divide(BigDecimal.ONE.add(e), MC);
    }

    static BigDecimal softplusB(BigDecimal x) {
        return x.signum() > 0 ? x.add(log1p(exp(x.negate())), MC) : log1p(exp(x));
    }

    static BigDecimal tanhB(BigDecimal x) {
        BigDecimal a = x.abs();
        BigDecimal r;
        if (a.compareTo(new BigDecimal("1e-8")) < 0) {
            BigDecimal a2 = a.multiply(a, MC);
            r = a.subtract(a.multiply(a2, MC).divide(BigDecimal.valueOf(3), MC), MC)
                    .add(a.multiply(a2.multiply(a2, MC), MC).multiply(BigDecimal.valueOf(2)).divide(BigDecimal.valueOf(15), MC), MC);
        } else {
            BigDecimal e = exp(a.multiply(BigDecimal.valueOf(-2)));
            r = BigDecimal.ONE.subtract(e).divide(BigDecimal.ONE.add(e), MC);
        }
        return x.signum() < 0 ? r.negate() : r;
    }

    static BigDecimal logitB(BigDecimal p) {
        return log(p.divide(BigDecimal.ONE.subtract(p), MC));
    }

    /** The correctly rounded float of f(x), deciding with the textbook double unless it is near a boundary. */
    static float expected(Fn fn, float x) {
        double est = fn.textbook().applyAsDouble(x);
        if (Double.isNaN(est) || Double.isInfinite(est) || Float.isInfinite(x)) {
            return (float) est;
        }
        float f = (float) est;
        double lo = ((double) f + (double) Math.nextDown(f)) / 2;
        double hi = ((double) f + (double) Math.nextUp(f)) / 2;
        double allow = Math.abs(est) * NEAR + Double.MIN_VALUE;
        if (Math.abs(est - lo) > allow && Math.abs(est - hi) > allow) {
            return f;
        }
        NEAR_BOUNDARY.incrementAndGet();
        return fn.exact().apply(new BigDecimal(x)).floatValue();
    }

    static final java.util.concurrent.atomic.AtomicLong NEAR_BOUNDARY = new java.util.concurrent.atomic.AtomicLong();

    @Test
    void bigDecimalOracleAgreesWithTheReferenceVectors() {
        for (Fn fn : FUNCTIONS) {
            ReferenceVectors v = ReferenceVectors.load(fn.stem(), true);
            for (int i = 0; i < v.size(); i += 97) {
                float x = (float) v.x()[i];
                if (Float.isNaN(x) || Float.isInfinite(x) || Math.abs(x) > 150 || (fn.unit() && !(x > 0 && x < 1))) {
                    continue;
                }
                float got = fn.exact().apply(new BigDecimal(x)).floatValue();
                assertEquals(0, Ulps.between(got, (float) v.expected()[i]),
                        fn.stem() + " oracle at " + Ulps.show(x) + ": " + Ulps.show(got) + " vs " + Ulps.show((float) v.expected()[i]));
            }
        }
    }

    @Test
    void sweep() {
        long stride = 1L << SHIFT;
        int chunk = 1 << 14;
        float[] x = new float[chunk];
        float[] bulk = new float[chunk];
        for (Fn fn : FUNCTIONS) {
            int count = 0;
            int bad = 0;
            NEAR_BOUNDARY.set(0);
            StringBuilder report = new StringBuilder();
            // every stride-th bit pattern (an odd start, so that mantissas vary), then dense runs
            long[][] ranges = {
                {0x2B7L, 1L << 32, stride},
                {Float.floatToRawIntBits(0.5f), Float.floatToRawIntBits(0.5f) + 20000, 1},
                {Float.floatToRawIntBits(3f), Float.floatToRawIntBits(3f) + 20000, 1},
                {Float.floatToRawIntBits(-1f), Float.floatToRawIntBits(-1f) + 20000, 1},
                {Float.floatToRawIntBits(-17f), Float.floatToRawIntBits(-17f) + 20000, 1},
            };
            for (long[] range : ranges) {
                int n = 0;
                for (long bits = range[0]; bits < range[1] || n > 0; bits += range[2]) {
                    if (bits < range[1]) {
                        float xi = Float.intBitsToFloat((int) bits);
                        if (fn.unit()) {
                            xi = Math.abs(xi);
                            if (!(xi > 0 && xi < 1)) continue;
                        }
                        if (Float.isNaN(xi)) continue;
                        x[n++] = xi;
                        if (n < chunk) continue;
                    }
                    // check a full (or the last) chunk
                    float[] in = java.util.Arrays.copyOf(x, n);
                    float[] out = new float[n];
                    fn.bulk().apply(in, out);
                    for (int i = 0; i < n; i++) {
                        float e = expected(fn, in[i]);
                        float s = fn.scalar().apply(in[i]);
                        if (Ulps.between(s, e) != 0 || Ulps.between(out[i], e) != 0) {
                            if (++bad <= 10) {
                                report.append(String.format("%n  x=%s expected=%s scalar=%s bulk=%s", Ulps.show(in[i]), Ulps.show(e),
                                        Ulps.show(s), Ulps.show(out[i])));
                            }
                        }
                    }
                    count += n;
                    n = 0;
                    if (bits >= range[1]) break;
                }
            }
            System.out.printf("float sweep %s (shift %d): %d inputs (%d near a rounding boundary, decided by BigDecimal),"
                    + " %d not correctly rounded%n", fn.stem(), SHIFT, count, NEAR_BOUNDARY.get(), bad);
            if (bad > 0) {
                fail(fn.stem() + ": " + bad + " of " + count + " float inputs not correctly rounded" + report);
            }
        }
    }
}
