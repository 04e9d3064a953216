package org.sigmoid4j.math;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.DynamicTest;
import org.sigmoid4j.kernel.Kernels;
import org.sigmoid4j.testkit.ReferenceVectors;
import org.sigmoid4j.testkit.Ulps;

/**
 * Every row of the correctly rounded reference vectors in {@code shared/reference/numerics}
 * (mpmath at 256+ bits, see that folder's README), through the scalar functions of
 * {@link Logistic} and through the bulk kernels of {@link Kernels} (SIMD when this JVM has the
 * Vector API; the scalar fallback in the {@code scalar-fallback} execution).
 *
 * <p>Bounds, as the Javadoc states them: float scalar and bulk 0 ulp (correctly rounded);
 * double scalar ≤ 1 ulp; double bulk ≤ {@link #DOUBLE_BULK_ULPS} ulp. Ulps count representable
 * values between result and expected (+0 and −0 equal, see {@link Ulps}); a class mismatch (NaN
 * or an infinity against anything else) always fails. Every failing row is listed with input,
 * expected and actual in decimal and hex.
 */
@Tag("kernels")
public class ReferenceVectorTest {

    static final long DOUBLE_SCALAR_ULPS = 1;
    static final long DOUBLE_BULK_ULPS = 2;
    static final long FLOAT_ULPS = 0;

    /** A function under test, scalar and bulk, in both precisions. */
    record Fn(String stem, DoubleUnaryOperator scalarD, FloatOp scalarF, BulkD bulkD, BulkF bulkF) {}

    interface FloatOp { float apply(float x); }
    interface BulkD { void apply(double[] x, int xOff, double[] y, int yOff, int n); }
    interface BulkF { void apply(float[] x, int xOff, float[] y, int yOff, int n); }

    static List<Fn> functions() {
        return List.of(
                new Fn("sigmoid", Logistic::sigmoid, Logistic::sigmoid, Kernels::sigmoid, Kernels::sigmoid),
                new Fn("sigmoid_derivative", Logistic::sigmoidDerivative, Logistic::sigmoidDerivative,
                        Kernels::sigmoidDerivative, Kernels::sigmoidDerivative),
                new Fn("log_sigmoid", Logistic::logSigmoid, Logistic::logSigmoid, Kernels::logSigmoid, Kernels::logSigmoid),
                new Fn("softplus", Logistic::softplus, Logistic::softplus, Kernels::softplus, Kernels::softplus),
                new Fn("silu", Logistic::silu, Logistic::silu, Kernels::silu, Kernels::silu),
                new Fn("tanh", Logistic::tanh, Logistic::tanh, Kernels::tanh, Kernels::tanh),
                new Fn("logit", Logistic::logit, Logistic::logit, Kernels::logit, Kernels::logit));
    }

    @TestFactory
    Stream<DynamicTest> everyRow() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Fn fn : functions()) {
            tests.add(DynamicTest.dynamicTest(fn.stem() + ".f64 scalar", () -> {
                ReferenceVectors v = ReferenceVectors.load(fn.stem(), false);
                double[] got = new double[v.size()];
                for (int i = 0; i < got.length; i++) got[i] = fn.scalarD().applyAsDouble(v.x()[i]);
                check(v, got, DOUBLE_SCALAR_ULPS, "scalar");
            }));
            tests.add(DynamicTest.dynamicTest(fn.stem() + ".f64 bulk (" + Kernels.info().implementation() + ")", () -> {
                ReferenceVectors v = ReferenceVectors.load(fn.stem(), false);
                double[] got = new double[v.size() + 3];
                fn.bulkD().apply(v.x(), 0, got, 3, v.size()); // an offset, so tails differ from the rows' order
                check(v, java.util.Arrays.copyOfRange(got, 3, got.length), DOUBLE_BULK_ULPS, "bulk");
            }));
            tests.add(DynamicTest.dynamicTest(fn.stem() + ".f32 scalar", () -> {
                ReferenceVectors v = ReferenceVectors.load(fn.stem(), true);
                float[] got = new float[v.size()];
                for (int i = 0; i < got.length; i++) got[i] = fn.scalarF().apply((float) v.x()[i]);
                checkF(v, got, "scalar");
            }));
            tests.add(DynamicTest.dynamicTest(fn.stem() + ".f32 bulk (" + Kernels.info().implementation() + ")", () -> {
                ReferenceVectors v = ReferenceVectors.load(fn.stem(), true);
                float[] x = new float[v.size()];
                for (int i = 0; i < x.length; i++) x[i] = (float) v.x()[i];
                float[] got = x.clone();
                fn.bulkF().apply(got, 0, got, 0, got.length); // in place
                checkF(v, got, "bulk");
            }));
        }
        return tests.stream();
    }

    static void check(ReferenceVectors v, double[] got, long bound, String path) {
        StringBuilder bad = new StringBuilder();
        long max = 0;
        int failures = 0;
        for (int i = 0; i < got.length; i++) {
            long u = Ulps.between(got[i], v.expected()[i]);
            if (u != Ulps.MISMATCH) max = Math.max(max, u);
            // ulps count ±0 as equal; a zero result must also have the exact value's sign (the vectors' README)
            boolean zeroSign = v.expected()[i] == 0
                    && Double.doubleToRawLongBits(got[i]) != Double.doubleToRawLongBits(v.expected()[i]);
            if (u > bound || zeroSign) {
                if (++failures <= 20) {
                    bad.append(String.format("%n  x=%s expected=%s actual=%s ulps=%s", Ulps.show(v.x()[i]),
                            Ulps.show(v.expected()[i]), Ulps.show(got[i]),
                            u == Ulps.MISMATCH ? "class mismatch" : zeroSign ? "0, wrong sign of zero" : u));
                }
            }
        }
        System.out.printf("%s %s: %d rows, max %d ulp%n", v.name(), path, got.length, max);
        if (failures > 0) {
            fail(v.name() + " " + path + ": " + failures + " of " + got.length + " rows above " + bound + " ulp (max "
                    + max + ")" + bad);
        }
    }

    static void checkF(ReferenceVectors v, float[] got, String path) {
        checkF(v, got, path, FLOAT_ULPS);
    }

    /** Float rows within {@code bound} ulp (0: correctly rounded); returns the maximum seen. */
    public static long checkF(ReferenceVectors v, float[] got, String path, long bound) {
        StringBuilder bad = new StringBuilder();
        long max = 0;
        int failures = 0;
        for (int i = 0; i < got.length; i++) {
            float e = (float) v.expected()[i];
            long u = Ulps.between(got[i], e);
            if (u != Ulps.MISMATCH) max = Math.max(max, u);
            boolean zeroSign = e == 0 && Float.floatToRawIntBits(got[i]) != Float.floatToRawIntBits(e);
            if (u > bound || zeroSign) {
                if (++failures <= 20) {
                    bad.append(String.format("%n  x=%s expected=%s actual=%s ulps=%s", Ulps.show((float) v.x()[i]),
                            Ulps.show(e), Ulps.show(got[i]),
                            u == Ulps.MISMATCH ? "class mismatch" : zeroSign ? "0, wrong sign of zero" : u));
                }
            }
        }
        System.out.printf("%s %s: %d rows, max %d ulp%n", v.name(), path, got.length, max);
        if (failures > 0) {
            fail(v.name() + " " + path + ": " + failures + " of " + got.length + " rows "
                    + (bound == 0 ? "not correctly rounded" : "above " + bound + " ulp") + " (max " + max + " ulp)" + bad);
        }
        return max;
    }
}
