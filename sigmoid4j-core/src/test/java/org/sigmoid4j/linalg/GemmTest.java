package org.sigmoid4j.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sigmoid4j.internal.linalg.GemmProvider;
import org.sigmoid4j.internal.linalg.GemmSupport;
import org.sigmoid4j.internal.linalg.ScalarGemm;

/**
 * Matrix products against an independent oracle: exact sums of exact products in BigDecimal-free
 * form (double accumulation of float inputs is exact enough; for double inputs the oracle is a
 * compensated sum), over awkward sizes that straddle every tile and lane edge, all four transpose
 * combinations, offsets and leading dimensions larger than the width, overwrite and accumulate.
 * Runs with and without the Vector API and with 128/256-bit vectors forced.
 */
@Tag("kernels")
@Tag("simd")
class GemmTest {

    private static final int[] SIZES = {1, 2, 3, 5, 6, 7, 8, 13, 16, 17, 31, 33, 64, 100};

    @Test
    void floatProductsMatchTheOracle() {
        SplittableRandom rnd = new SplittableRandom(1);
        for (int m : new int[] {1, 5, 6, 7, 13, 33, 250}) {
            for (int n : SIZES) {
                for (int k : new int[] {1, 3, 16, 31, 300}) {
                    for (int t = 0; t < 4; t++) {
                        checkFloat(rnd, m, n, k, (t & 1) != 0, (t & 2) != 0, rnd.nextBoolean());
                    }
                }
            }
        }
    }

    @Test
    void doubleProductsMatchTheOracle() {
        SplittableRandom rnd = new SplittableRandom(2);
        for (int m : new int[] {1, 5, 6, 7, 13, 33, 250}) {
            for (int n : SIZES) {
                for (int k : new int[] {1, 3, 16, 31, 300}) {
                    for (int t = 0; t < 4; t++) {
                        checkDouble(rnd, m, n, k, (t & 1) != 0, (t & 2) != 0, rnd.nextBoolean());
                    }
                }
            }
        }
    }

    private static void checkFloat(SplittableRandom rnd, int m, int n, int k, boolean tA, boolean tB, boolean acc) {
        int lda = (tA ? m : k) + 3, ldb = (tB ? k : n) + 1, ldc = n + 2;
        int aOff = 5, bOff = 2, cOff = 7;
        float[] a = randomF(rnd, aOff + (tA ? k : m) * lda);
        float[] b = randomF(rnd, bOff + (tB ? n : k) * ldb);
        float[] c = randomF(rnd, cOff + m * ldc);
        float[] c0 = c.clone();
        Gemm.gemm(tA, tB, m, n, k, a, aOff, lda, b, bOff, ldb, acc, c, cOff, ldc);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = acc ? c0[cOff + i * ldc + j] : 0, abs = Math.abs(s);
                for (int p = 0; p < k; p++) {
                    double x = a[aOff + (tA ? p * lda + i : i * lda + p)];
                    double y = b[bOff + (tB ? j * ldb + p : p * ldb + j)];
                    s += x * y;
                    abs += Math.abs(x * y);
                }
                double err = Math.abs(c[cOff + i * ldc + j] - s);
                // float accumulation: at most ~(k+1) roundings of partial sums bounded by abs.
                assertTrue(err <= (k + 2) * 0x1p-24 * abs + 1e-30,
                        () -> "m=" + m + " n=" + n + " k=" + k + " tA=" + tA + " tB=" + tB + " err=" + err);
            }
            // Padding around C is untouched.
            for (int j = n; j < ldc && cOff + i * ldc + j < c.length; j++) {
                assertEquals(c0[cOff + i * ldc + j], c[cOff + i * ldc + j]);
            }
        }
        for (int i = 0; i < cOff; i++) assertEquals(c0[i], c[i]);
    }

    private static void checkDouble(SplittableRandom rnd, int m, int n, int k, boolean tA, boolean tB, boolean acc) {
        int lda = (tA ? m : k) + 1, ldb = (tB ? k : n) + 3, ldc = n + 1;
        int aOff = 3, bOff = 1, cOff = 4;
        double[] a = randomD(rnd, aOff + (tA ? k : m) * lda);
        double[] b = randomD(rnd, bOff + (tB ? n : k) * ldb);
        double[] c = randomD(rnd, cOff + m * ldc);
        double[] c0 = c.clone();
        Gemm.gemm(tA, tB, m, n, k, a, aOff, lda, b, bOff, ldb, acc, c, cOff, ldc);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = acc ? c0[cOff + i * ldc + j] : 0, comp = 0, abs = Math.abs(s);
                for (int p = 0; p < k; p++) {
                    double x = a[aOff + (tA ? p * lda + i : i * lda + p)];
                    double y = b[bOff + (tB ? j * ldb + p : p * ldb + j)];
                    double prod = x * y, perr = Math.fma(x, y, -prod);
                    double t = s + prod;
                    comp += (Math.abs(s) >= Math.abs(prod) ? (s - t) + prod : (prod - t) + s) + perr;
                    s = t;
                    abs += Math.abs(prod);
                }
                double exact = s + comp;
                double err = Math.abs(c[cOff + i * ldc + j] - exact);
                assertTrue(err <= (k + 2) * 0x1p-53 * abs + 1e-300,
                        () -> "m=" + m + " n=" + n + " k=" + k + " tA=" + tA + " tB=" + tB + " err=" + err);
            }
        }
    }

    @Test
    void threadCountNeverChangesABit() {
        SplittableRandom rnd = new SplittableRandom(3);
        int m = 256, n = 100, k = 784;
        float[] a = randomF(rnd, m * k), b = randomF(rnd, n * k);
        float[] c1 = new float[m * n], c2 = new float[m * n], c3 = new float[m * n];
        Gemm.gemm(false, true, m, n, k, a, 0, k, b, 0, k, false, c1, 0, n, 1);
        Gemm.gemm(false, true, m, n, k, a, 0, k, b, 0, k, false, c2, 0, n, 2);
        Gemm.gemm(false, true, m, n, k, a, 0, k, b, 0, k, false, c3, 0, n, 3);
        assertArrayEquals(c1, c2);
        assertArrayEquals(c1, c3);
        double[] ad = randomD(rnd, m * k), bd = randomD(rnd, k * n);
        double[] d1 = new double[m * n], d2 = new double[m * n];
        Gemm.gemm(false, false, m, n, k, ad, 0, k, bd, 0, n, false, d1, 0, n, 1);
        Gemm.gemm(false, false, m, n, k, ad, 0, k, bd, 0, n, false, d2, 0, n, 4);
        assertArrayEquals(d1, d2);
    }

    @Test
    void panamaAgreesWithScalarWhereAvailable() {
        GemmSupport panama = GemmProvider.panamaOrNull();
        org.junit.jupiter.api.Assumptions.assumeTrue(panama != null, "Vector API not enabled");
        SplittableRandom rnd = new SplittableRandom(4);
        int m = 37, n = 45, k = 600;
        double[] a = randomD(rnd, m * k), b = randomD(rnd, k * n);
        double[] c1 = new double[m * n], c2 = new double[m * n];
        panama.gemm(true, false, m, n, k, a, 0, m, b, 0, n, false, c1, 0, n, 1);
        ScalarGemm.INSTANCE.gemm(true, false, m, n, k, a, 0, m, b, 0, n, false, c2, 0, n, 1);
        for (int i = 0; i < c1.length; i++) {
            assertEquals(c2[i], c1[i], 1e-12 * k);
        }
    }

    @Test
    void badArgumentsAreRejectedClearly() {
        float[] a = new float[6], b = new float[6], c = new float[4];
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                () -> Gemm.gemm(false, false, 2, 2, 4, a, 0, 4, b, 0, 2, false, c, 0, 2));
        assertTrue(e.getMessage().contains("A"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Gemm.gemm(false, false, 2, 2, 3, a, 0, 2, b, 0, 2, false, c, 0, 2));
        assertThrows(IllegalArgumentException.class,
                () -> Gemm.gemm(false, false, -1, 2, 3, a, 0, 3, b, 0, 2, false, c, 0, 2));
    }

    private static float[] randomF(SplittableRandom rnd, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) (rnd.nextDouble() * 2 - 1);
        return x;
    }

    private static double[] randomD(SplittableRandom rnd, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = rnd.nextDouble() * 2 - 1;
        return x;
    }
}
