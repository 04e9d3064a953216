package org.sigmoid4j.internal.lr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sigmoid4j.math.Logistic;

/** The fused kernels against the scalar oracle (org.sigmoid4j.math.Logistic) and plain loops. */
@Tag("simd")
class LrKernelsTest {

    private static final LrKernels[] IMPLS = {LrKernels.get(), new ScalarLrKernels()};

    private static double relErr(double got, double want) {
        if (got == want) {
            return 0;
        }
        return Math.abs(got - want) / Math.max(Math.abs(want), Double.MIN_NORMAL);
    }

    @Test
    void logisticTermsAreAccurateToAFewUlps() {
        SplittableRandom r = new SplittableRandom(5);
        int n = 20_003;
        double[] m = new double[n];
        double[] sign = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            double scale = Math.pow(10, r.nextDouble(-12, 3)); // |m| from 1e-12 to 1000
            m[i] = (r.nextBoolean() ? 1 : -1) * scale;
            sign[i] = r.nextBoolean() ? 1 : -1;
            w[i] = r.nextDouble(0.5, 2);
        }
        m[0] = 0;
        m[1] = -745;
        m[2] = 745;
        m[3] = -708.5;
        m[4] = 36.7;
        for (LrKernels k : IMPLS) {
            double[] rr = new double[n];
            double[] dd = new double[n];
            double loss = k.logistic(m, sign, 0, w, 0, n, rr, dd);
            double want = 0, worstR = 0, worstD = 0;
            for (int i = 0; i < n; i++) {
                want += w[i] * Logistic.softplus(m[i]);
                double sr = w[i] * sign[i] * Logistic.sigmoid(m[i]);
                double sd = w[i] * Logistic.sigmoidDerivative(m[i]);
                // subnormal results are flushed to 0 by design (terms below 1e-307)
                if (Math.abs(sr) > 1e-300) {
                    worstR = Math.max(worstR, relErr(rr[i], sr));
                }
                if (Math.abs(sd) > 1e-300) {
                    worstD = Math.max(worstD, relErr(dd[i], sd));
                }
            }
            System.out.printf("%s: loss rel %.2e, sigma max rel %.2e, sigma' max rel %.2e%n", k.name(),
                    relErr(loss, want), worstR, worstD);
            assertTrue(relErr(loss, want) < 1e-14, k.name());
            assertTrue(worstR < 1e-15, k.name() + " sigma " + worstR);
            assertTrue(worstD < 1e-15, k.name() + " sigma' " + worstD);
            // per-term softplus through a one-row call
            for (int i = 0; i < n; i += 97) {
                double one = k.logistic(m, sign, i, null, 0, 1, null, null);
                assertTrue(relErr(one, Logistic.softplus(m[i])) < 1e-15, k.name() + " softplus(" + m[i] + ") = " + one);
            }
        }
    }

    /** Signing the margins in the kernel from 0/1 labels gives the same bits as signing them first. */
    @Test
    void logisticOfLabelsEqualsLogisticOfSignedMargins() {
        SplittableRandom r = new SplittableRandom(13);
        for (int len : new int[] {1, 3, 7, 8, 9, 16, 31, 256}) {
            int yOff = 5;
            double[] y = new double[yOff + len];
            double[] w = new double[yOff + len];
            double[] m = new double[len];
            for (int i = 0; i < len; i++) {
                y[yOff + i] = r.nextInt(2);
                w[yOff + i] = r.nextDouble() * 2;
                m[i] = r.nextGaussian() * 8;
            }
            for (LrKernels k : IMPLS) {
                for (double[] weights : new double[][] {null, w}) {
                    double[] signed = new double[len];
                    double[] sign = new double[len];
                    for (int i = 0; i < len; i++) {
                        sign[i] = 1 - 2 * y[yOff + i];
                        signed[i] = m[i] * sign[i];
                    }
                    double[] r1 = new double[len], d1 = new double[len], r2 = new double[len], d2 = new double[len];
                    double l1 = k.logistic(signed, sign, 0, weights, yOff, len, r1, d1);
                    double l2 = k.logisticOfLabels(m.clone(), y, yOff, weights, yOff, len, r2, d2);
                    String what = k.name() + " len " + len + (weights == null ? "" : " weighted");
                    assertEquals(l1, l2, 0.0, what + " loss");
                    for (int i = 0; i < len; i++) {
                        assertEquals(r1[i], r2[i], 0.0, what + " r " + i);
                        assertEquals(d1[i], d2[i], 0.0, what + " dd " + i);
                    }
                }
            }
        }
    }

    /**
     * Every row length against every lane count's grid (d below, at and around the vector length,
     * and 100, whose rows alternate between two grid positions), for blocks at the start, the
     * middle and the end of x (where the kernels pad the rows that reach outside the array).
     */
    @Test
    void blockKernelsMatchPlainLoopsForEveryRowLength() {
        SplittableRandom r = new SplittableRandom(11);
        for (int d : new int[] {0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 100}) {
            int total = 23;
            double[] x = new double[total * d];
            for (int i = 0; i < x.length; i++) {
                x[i] = r.nextGaussian();
            }
            double[] w = new double[d + 1];
            for (int j = 0; j < w.length; j++) {
                w[j] = r.nextGaussian();
            }
            double[] coef = new double[total];
            for (int i = 0; i < total; i++) {
                coef[i] = r.nextGaussian();
            }
            for (int[] block : new int[][] {{0, 23}, {0, 1}, {0, 5}, {1, 13}, {3, 20}, {22, 1}, {10, 13}}) {
                int from = block[0], rows = block[1];
                for (LrKernels k : IMPLS) {
                    String what = k.name() + " d=" + d + " rows " + from + "+" + rows;
                    double[] z = new double[rows + 1];
                    k.margins(x, from * d, rows, d, w, 1, -0.25, z, 1);
                    double[] g = new double[d + 2];
                    if (d > 0) {
                        g[1] = 7.0; // accumulates into what is there
                    }
                    k.accumulate(coef, from, rows, x, from * d, d, g, 1);
                    for (int i = 0; i < rows; i++) {
                        double s = -0.25, scale = 0.25;
                        for (int j = 0; j < d; j++) {
                            s += x[(from + i) * d + j] * w[1 + j];
                            scale += Math.abs(x[(from + i) * d + j] * w[1 + j]);
                        }
                        assertEquals(s, z[1 + i], 1e-15 * scale * d, what + " margin " + i);
                    }
                    assertEquals(0.0, z[0], 0.0, what + ": wrote outside its rows");
                    assertEquals(0.0, g[0], 0.0, what + ": wrote before g");
                    assertEquals(0.0, g[d + 1], 0.0, what + ": wrote after g");
                    for (int j = 0; j < d; j++) {
                        double s = j == 0 ? 7.0 : 0.0, scale = Math.abs(s);
                        for (int i = 0; i < rows; i++) {
                            s += coef[from + i] * x[(from + i) * d + j];
                            scale += Math.abs(coef[from + i] * x[(from + i) * d + j]);
                        }
                        assertEquals(s, g[1 + j], 1e-15 * scale * rows + 1e-300, what + " gradient " + j);
                    }
                }
            }
        }
    }

    @Test
    void blockKernelsMatchPlainLoops() {
        SplittableRandom r = new SplittableRandom(9);
        int rows = 37, d = 29;
        double[] x = new double[rows * d];
        double[] w = new double[d + 3];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
        }
        for (int j = 0; j < w.length; j++) {
            w[j] = r.nextGaussian();
        }
        double[] coef = new double[rows];
        for (int i = 0; i < rows; i++) {
            coef[i] = r.nextGaussian();
        }
        for (LrKernels k : IMPLS) {
            double[] z = new double[rows];
            k.margins(x, 0, rows, d, w, 2, 0.5, z, 0);
            double[] g = new double[d + 1];
            k.accumulate(coef, 0, rows, x, 0, d, g, 1);
            for (int i = 0; i < rows; i++) {
                double s = 0.5;
                for (int j = 0; j < d; j++) {
                    s += x[i * d + j] * w[2 + j];
                }
                assertEquals(s, z[i], 1e-13, k.name());
            }
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int i = 0; i < rows; i++) {
                    s += coef[i] * x[i * d + j];
                }
                assertEquals(s, g[j + 1], 1e-13, k.name());
            }
            // determinism: a row's margin does not depend on the block it is computed in, bit for
            // bit (so blocks and thread groups cannot change a fit), and the fused double
            // accumulation equals two single ones
            for (int split = 1; split < rows; split += 5) {
                double[] z2 = new double[rows];
                k.margins(x, 0, split, d, w, 2, 0.5, z2, 0);
                k.margins(x, split * d, rows - split, d, w, 2, 0.5, z2, split);
                for (int i = 0; i < rows; i++) {
                    assertEquals(z[i], z2[i], 0.0, k.name() + " row " + i + ", split at " + split);
                }
            }
            double[] coef2 = new double[rows];
            for (int i = 0; i < rows; i++) {
                coef2[i] = r.nextGaussian();
            }
            double[] both = new double[2 * d + 1];
            double[] g2 = new double[d];
            k.accumulate2(coef, coef2, rows, x, 0, d, both, 1, d + 1);
            k.accumulate(coef2, 0, rows, x, 0, d, g2, 0);
            for (int j = 0; j < d; j++) {
                assertEquals(g[j + 1], both[j + 1], 0.0, k.name());
                assertEquals(g2[j], both[d + 1 + j], 0.0, k.name());
            }
            int p = 7;
            double[] a = new double[4 * p];
            for (int i = 0; i < a.length; i++) {
                a[i] = r.nextGaussian();
            }
            double[] u = {0.1, 0.2, 0.3, 0.4};
            double[] h = new double[p * p];
            k.rank4(h, a, u, p);
            for (int j = 0; j < p; j++) {
                for (int l = j; l < p; l++) {
                    double s = 0;
                    for (int q = 0; q < 4; q++) {
                        s += u[q] * a[q * p + j] * a[q * p + l];
                    }
                    assertEquals(s, h[j * p + l], 1e-14, k.name());
                }
            }
        }
    }
}
