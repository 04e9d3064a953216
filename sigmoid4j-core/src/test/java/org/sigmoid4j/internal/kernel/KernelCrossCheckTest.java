package org.sigmoid4j.internal.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sigmoid4j.testkit.Ulps;

/**
 * The SIMD kernels against the scalar kernels in the same JVM (Lucene's
 * {@code BaseVectorizationTestCase} pattern): sizes that straddle every lane count, offsets,
 * in-place and out-of-place calls, random inputs salted with the boundary values. Runs in the
 * default execution (the machine's widest vectors) and with 128- and 256-bit vectors forced
 * ({@code -Dsigmoid4j.tests.vectorBits}), so that every tail length is exercised.
 * Double results may differ by the SIMD bound (2 ulp from the exact value, the scalar path being
 * within 1); float results must be identical (both correctly rounded).
 */
@Tag("simd")
class KernelCrossCheckTest {

    static final int[] SIZES = {0, 1, 2, 3, 4, 7, 8, 13, 16, 31, 33, 64, 100, 257, 1023, 4098};
    static final double[] BOUNDARY = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 1e-300, -1e-300, 36, -36, 37, -37,
        709, -709, 745, -745, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 0.5, 1.0, 1 - 0x1p-53,
        87.5, -87.5, 88.8, -88.8, 103.9, -103.9, 17, -17, 1e-8, -1e-8, Double.MAX_VALUE, -Double.MAX_VALUE,
        708, -708, 708.5, -708.5, -87, -86.9};
    static final long DOUBLE_ULPS = 2;

    interface BulkD { void apply(KernelSupport k, double[] x, int xOff, double[] y, int yOff, int n); }
    interface BulkF { void apply(KernelSupport k, float[] x, int xOff, float[] y, int yOff, int n); }
    record Fn(String name, BulkD d, BulkF f, boolean unitInterval) {}

    static final List<Fn> FUNCTIONS = List.of(
            new Fn("sigmoid", KernelSupport::sigmoid, KernelSupport::sigmoid, false),
            new Fn("sigmoidDerivative", KernelSupport::sigmoidDerivative, KernelSupport::sigmoidDerivative, false),
            new Fn("logSigmoid", KernelSupport::logSigmoid, KernelSupport::logSigmoid, false),
            new Fn("softplus", KernelSupport::softplus, KernelSupport::softplus, false),
            new Fn("silu", KernelSupport::silu, KernelSupport::silu, false),
            new Fn("tanh", KernelSupport::tanh, KernelSupport::tanh, false),
            new Fn("logit", KernelSupport::logit, KernelSupport::logit, true),
            new Fn("hardSigmoid", KernelSupport::hardSigmoid, KernelSupport::hardSigmoid, false),
            new Fn("relu", KernelSupport::relu, KernelSupport::relu, false),
            new Fn("tanhDerivative", KernelSupport::tanhDerivative, KernelSupport::tanhDerivative, false),
            new Fn("siluDerivative", KernelSupport::siluDerivative, KernelSupport::siluDerivative, false));

    static KernelSupport panama() {
        assumeTrue(KernelProvider.vectorModulePresent(), "the Vector API is not enabled in this JVM");
        String[] why = new String[1];
        KernelSupport p = KernelProvider.loadPanama("org.sigmoid4j.internal.kernel.PanamaKernels", KernelSupport.class, why);
        assumeTrue(p != null, () -> "Panama kernels unavailable: " + why[0]);
        Integer forced = Integer.getInteger(KernelProvider.VECTOR_BITS_PROPERTY);
        if (forced != null) {
            assertEquals(forced.intValue(), p.vectorBitSize());
        }
        return p;
    }

    static double[] inputs(SplittableRandom r, int n, boolean unit) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            int kind = r.nextInt(4);
            if (kind == 0) {
                x[i] = BOUNDARY[r.nextInt(BOUNDARY.length)];
            } else if (kind == 1) {
                x[i] = r.nextDouble(-50, 50);
            } else if (kind == 2) {
                x[i] = Math.scalb(r.nextDouble(1, 2), r.nextInt(-60, 11)) * (r.nextBoolean() ? 1 : -1);
            } else {
                x[i] = r.nextDouble(-800, 800);
            }
            if (unit && r.nextInt(4) != 0) {
                x[i] = r.nextInt(5) == 0 ? 1 - Math.scalb(r.nextDouble(), -r.nextInt(60)) : r.nextDouble();
            }
        }
        return x;
    }

    @Test
    void simdMatchesScalarDouble() {
        KernelSupport simd = panama();
        KernelSupport scalar = ScalarKernels.INSTANCE;
        SplittableRandom r = new SplittableRandom(42);
        for (Fn fn : FUNCTIONS) {
            for (int n : SIZES) {
                for (int off : new int[] {0, 3}) {
                    double[] x = inputs(r, n + off, fn.unitInterval());
                    double[] expected = new double[n + off + 2];
                    double[] got = new double[n + off + 2];
                    java.util.Arrays.fill(expected, 7.0);
                    java.util.Arrays.fill(got, 7.0);
                    fn.d().apply(scalar, x, off, expected, off + 1, n);
                    fn.d().apply(simd, x, off, got, off + 1, n);
                    compare(fn.name() + " n=" + n + " off=" + off, x, off, expected, got, off + 1, n);
                    double[] inPlace = x.clone();
                    fn.d().apply(simd, inPlace, off, inPlace, off, n);
                    for (int i = 0; i < inPlace.length; i++) {
                        boolean inside = i >= off && i < off + n;
                        double e = inside ? expected[i + 1] : x[i];
                        long u = Ulps.between(inPlace[i], e);
                        boolean zeroSign = e == 0 && Double.doubleToRawLongBits(inPlace[i]) != Double.doubleToRawLongBits(e);
                        if (inside ? u > DOUBLE_ULPS || zeroSign : Double.doubleToRawLongBits(inPlace[i]) != Double.doubleToRawLongBits(e)) {
                            fail(fn.name() + " in place n=" + n + " at " + i + ": x=" + Ulps.show(x[i]) + " expected="
                                    + Ulps.show(e) + " simd=" + Ulps.show(inPlace[i]));
                        }
                    }
                }
            }
        }
    }

    @Test
    void simdMatchesScalarFloat() {
        KernelSupport simd = panama();
        KernelSupport scalar = ScalarKernels.INSTANCE;
        SplittableRandom r = new SplittableRandom(43);
        for (Fn fn : FUNCTIONS) {
            for (int n : SIZES) {
                for (int off : new int[] {0, 5}) {
                    double[] xd = inputs(r, n + off, fn.unitInterval());
                    float[] x = new float[xd.length];
                    for (int i = 0; i < x.length; i++) x[i] = (float) xd[i];
                    float[] expected = new float[n + off + 2];
                    float[] got = new float[n + off + 2];
                    java.util.Arrays.fill(expected, 7f);
                    java.util.Arrays.fill(got, 7f);
                    fn.f().apply(scalar, x, off, expected, off, n);
                    fn.f().apply(simd, x, off, got, off, n);
                    for (int i = 0; i < got.length; i++) {
                        if (Float.floatToIntBits(got[i]) != Float.floatToIntBits(expected[i])) {
                            fail(fn.name() + " float n=" + n + " off=" + off + " at " + i + ": x="
                                    + (i >= off && i < off + n ? Ulps.show(x[i]) : "(outside the range)")
                                    + " scalar=" + Ulps.show(expected[i]) + " simd=" + Ulps.show(got[i]));
                        }
                    }
                    // in place: the fallback must not read inputs the vector body already overwrote
                    float[] inPlace = x.clone();
                    fn.f().apply(simd, inPlace, off, inPlace, off, n);
                    for (int i = 0; i < inPlace.length; i++) {
                        float e = i >= off && i < off + n ? expected[i] : x[i];
                        if (Float.floatToIntBits(inPlace[i]) != Float.floatToIntBits(e)) {
                            fail(fn.name() + " float in place n=" + n + " off=" + off + " at " + i + ": x=" + Ulps.show(x[i])
                                    + " expected=" + Ulps.show(e) + " simd=" + Ulps.show(inPlace[i]));
                        }
                    }
                }
            }
        }
    }

    /** logit(½) = +0 exactly, also where the scalar result is what the cross-checks compare against. */
    @Test
    void logitOfOneHalfIsPositiveZero() {
        KernelSupport simd = panama();
        for (int n : new int[] {1, 8, 16, 64}) {
            double[] x = new double[n];
            float[] xf = new float[n];
            java.util.Arrays.fill(x, 0.5);
            java.util.Arrays.fill(xf, 0.5f);
            double[] y = new double[n];
            float[] yf = new float[n];
            simd.logit(x, 0, y, 0, n);
            simd.logit(xf, 0, yf, 0, n);
            for (int i = 0; i < n; i++) {
                assertEquals(0L, Double.doubleToRawLongBits(y[i]), "logit(0.5) n=" + n + " at " + i + " = " + y[i]);
                assertEquals(0, Float.floatToRawIntBits(yf[i]), "logit(0.5f) n=" + n + " at " + i + " = " + yf[i]);
            }
        }
    }

    private static void compare(String what, double[] x, int xOff, double[] expected, double[] got, int yOff, int n) {
        for (int i = 0; i < Math.min(expected.length, got.length); i++) {
            boolean inside = i >= yOff && i < yOff + n;
            long u = Ulps.between(got[i], expected[i]);
            // ulps count ±0 as equal: a zero must also have the scalar result's sign
            boolean zeroSign = expected[i] == 0 && Double.doubleToRawLongBits(got[i]) != Double.doubleToRawLongBits(expected[i]);
            if (inside ? u > DOUBLE_ULPS || zeroSign : Double.doubleToRawLongBits(got[i]) != Double.doubleToRawLongBits(expected[i])) {
                fail(what + " at " + i + ": x=" + (inside ? Ulps.show(x[xOff + i - yOff]) : "(outside the range)")
                        + " scalar=" + Ulps.show(expected[i]) + " simd=" + Ulps.show(got[i]) + " ulps=" + u);
            }
        }
    }
}
