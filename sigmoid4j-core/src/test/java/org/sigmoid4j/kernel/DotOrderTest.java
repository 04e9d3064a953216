package org.sigmoid4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link Kernels#dot} follows its documented summation order bit for bit, in every JIT tier
 * (the loop runs long enough for the interpreter, C1 and C2 to all execute it). The oracle is a
 * plain scalar emulation of that order, independent of the Vector API.
 */
@Tag("kernels")
@Tag("simd")
class DotOrderTest {

    private static double expected(double[] a, double[] b, int n, int lanes) {
        int bound = n - n % lanes;
        double[] acc = new double[lanes];
        for (int i = 0; i < bound; i++) acc[i % lanes] = Math.fma(a[i], b[i], acc[i % lanes]);
        double s = 0;
        for (double v : acc) s += v;
        for (int i = bound; i < n; i++) s = Math.fma(a[i], b[i], s);
        return s;
    }

    private static float expected(float[] a, float[] b, int n, int lanes) {
        int bound = n - n % lanes;
        float[] acc = new float[lanes];
        for (int i = 0; i < bound; i++) acc[i % lanes] = Math.fma(a[i], b[i], acc[i % lanes]);
        float s = 0;
        for (float v : acc) s += v;
        for (int i = bound; i < n; i++) s = Math.fma(a[i], b[i], s);
        return s;
    }

    @Test
    void followsTheDocumentedOrderInEveryTier() {
        int bits = Kernels.info().vectorBitSize();
        int dLanes = bits == 0 ? 1 : bits / 64;
        int fLanes = bits == 0 ? 1 : bits / 32;
        SplittableRandom r = new SplittableRandom(7);
        for (int rep = 0; rep < 20_000; rep++) {
            int n = 1 + r.nextInt(70);
            double[] a = new double[n];
            double[] b = new double[n];
            float[] fa = new float[n];
            float[] fb = new float[n];
            for (int i = 0; i < n; i++) {
                // mixed magnitudes, so that a different order gives different bits
                a[i] = r.nextGaussian() * Math.scalb(1.0, r.nextInt(-20, 20));
                b[i] = r.nextGaussian();
                fa[i] = (float) a[i];
                fb[i] = (float) b[i];
            }
            assertEquals(Double.doubleToRawLongBits(expected(a, b, n, dLanes)),
                    Double.doubleToRawLongBits(Kernels.dot(a, 0, b, 0, n)), "double, n=" + n + ", rep " + rep);
            assertEquals(Float.floatToRawIntBits(expected(fa, fb, n, fLanes)),
                    Float.floatToRawIntBits(Kernels.dot(fa, 0, fb, 0, n)), "float, n=" + n + ", rep " + rep);
        }
    }
}
