package org.sigmoid4j.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Derivatives, binary cross-entropy with logits and the softmax family, each checked against an
 * independent formula (sech² from {@code Math.cosh}, the textbook loss at moderate logits,
 * finite differences, exact values such as log 2).
 */
@Tag("kernels")
class LogisticExtrasTest {

    @Test
    void tanhDerivativeIsSechSquared() {
        for (double x = -300; x <= 300; x += 0.37) {
            double c = Math.cosh(x);
            double expected = 1 / (c * c);
            assertEquals(expected, Logistic.tanhDerivative(x), 1e-14 * expected, "x=" + x);
            float xf = (float) x;
            double cf = Math.cosh(xf);
            float expectedF = (float) (1 / (cf * cf));
            assertEquals(expectedF, Logistic.tanhDerivative(xf), 2e-6f * expectedF + Float.MIN_VALUE, "x=" + xf);
        }
        // 1 − tanh² would be 0 here; the true value is 4e^-40 ≈ 1.7e-17
        assertEquals(4 * Math.exp(-40), Logistic.tanhDerivative(20.0), 1e-30);
        assertEquals(0.0, Logistic.tanhDerivative(Double.POSITIVE_INFINITY));
        assertEquals(0.0, Logistic.tanhDerivative(-1e300));
        assertEquals(1.0, Logistic.tanhDerivative(-0.0));
    }

    @Test
    void siluDerivative() {
        for (double x = -40; x <= 40; x += 0.173) {
            double h = 1e-5;
            double fd = (Logistic.silu(x + h) - Logistic.silu(x - h)) / (2 * h);
            assertEquals(fd, Logistic.siluDerivative(x), 1e-9, "x=" + x);
        }
        assertEquals(1.0, Logistic.siluDerivative(Double.POSITIVE_INFINITY));
        assertEquals(-0.0, Logistic.siluDerivative(Double.NEGATIVE_INFINITY));
        assertEquals(1.0, Logistic.siluDerivative(800.0));
        assertEquals(-0.0, Logistic.siluDerivative(-800.0)); // the exact value is a tiny negative number
        assertTrue(Logistic.siluDerivative(-50.0) < 0);
    }

    @Test
    void bceWithLogitsMatchesTheTextbookLossAtModerateLogits() {
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 2000; i++) {
            double z = r.nextDouble(-15, 15);
            double y = i % 3 == 0 ? (i % 2) : r.nextDouble();
            double p = 1 / (1 + Math.exp(-z));
            double naive = -(y * Math.log(p) + (1 - y) * Math.log(1 - p));
            assertEquals(naive, Logistic.bceWithLogits(z, y), 1e-9 * Math.max(1, naive), "z=" + z + " y=" + y);
            double h = 1e-6;
            double fd = (Logistic.bceWithLogits(z + h, y) - Logistic.bceWithLogits(z - h, y)) / (2 * h);
            assertEquals(fd, Logistic.bceWithLogitsGradient(z, y), 1e-7, "z=" + z + " y=" + y);
            assertEquals((float) Logistic.bceWithLogits(z, y), Logistic.bceWithLogits((float) z, (float) y),
                    1e-5f * (float) Math.max(1, naive));
        }
    }

    @Test
    void bceWithLogitsAtExtremeLogits() {
        double inf = Double.POSITIVE_INFINITY;
        assertEquals(0.0, Logistic.bceWithLogits(inf, 1.0));
        assertEquals(0.0, Logistic.bceWithLogits(-inf, 0.0));
        assertEquals(inf, Logistic.bceWithLogits(inf, 0.0));
        assertEquals(inf, Logistic.bceWithLogits(-inf, 1.0));
        assertEquals(inf, Logistic.bceWithLogits(inf, 0.5));
        assertEquals(1000.0, Logistic.bceWithLogits(-1000.0, 1.0));
        assertEquals(1000.0, Logistic.bceWithLogits(1000.0, 0.0));
        assertEquals(500.0, Logistic.bceWithLogits(1000.0, 0.5));
        assertEquals(Math.exp(-40), Logistic.bceWithLogits(40.0, 1.0), 1e-30); // log1p(e^-40)
        assertEquals(0.0, Logistic.bceWithLogitsGradient(inf, 1.0));
        assertEquals(1.0, Logistic.bceWithLogitsGradient(inf, 0.0));
        assertEquals(-1.0, Logistic.bceWithLogitsGradient(-inf, 1.0));
        assertEquals(0.0, Logistic.bceWithLogitsGradient(-inf, 0.0));
        // σ(40) − 1 rounds to 0 naively; the exact gradient is −σ(−40) ≈ −4.25e-18
        assertEquals(-1 / (1 + Math.exp(40)), Logistic.bceWithLogitsGradient(40.0, 1.0), 1e-32);
        assertTrue(Double.isNaN(Logistic.bceWithLogits(0.0, 1.5)));
        assertTrue(Double.isNaN(Logistic.bceWithLogits(0.0, -0.1)));
        assertTrue(Double.isNaN(Logistic.bceWithLogits(Double.NaN, 1)));
        assertTrue(Double.isNaN(Logistic.bceWithLogitsGradient(0.0, Double.NaN)));
    }

    @Test
    void softmaxFamily() {
        double[] row = {1, 2, 3, 4};
        double sum = 0;
        for (double v : row) sum += Math.exp(v);
        double[] y = new double[6];
        Logistic.softmax(row, 0, y, 1, 4);
        for (int i = 0; i < 4; i++) {
            assertEquals(Math.exp(row[i]) / sum, y[1 + i], 4e-16);
        }
        assertEquals(Math.log(sum), Logistic.logSumExp(row, 0, 4), 1e-15);
        double[] shifted = {1001, 1002, 1003, 1004};
        double[] ys = new double[4];
        Logistic.softmax(shifted, 0, ys, 0, 4);
        for (int i = 0; i < 4; i++) assertEquals(y[1 + i], ys[i], 4e-16);
        assertEquals(1000 + Math.log(sum), Logistic.logSumExp(shifted, 0, 4), 1e-12);
        assertEquals(1000 + Math.log(2), Logistic.logSumExp(new double[] {1000, 1000}, 0, 2), 0.0);
        assertEquals(Double.NEGATIVE_INFINITY, Logistic.logSumExp(new double[0], 0, 0));
        double[] inPlace = shifted.clone();
        Logistic.logSoftmax(inPlace, 0, 4);
        for (int i = 0; i < 4; i++) assertEquals(Math.log(y[1 + i]), inPlace[i], 1e-14);
        // far below the maximum: log(softmax) would be −∞, log-softmax stays exact
        double[] far = {0, -2000};
        Logistic.logSoftmax(far, 0, 2);
        assertEquals(-2000.0, far[1], 0.0);
        assertEquals(0.0, far[0], 0.0);
        double[] withInf = {1, Double.POSITIVE_INFINITY, 3, Double.POSITIVE_INFINITY};
        double[] p = new double[4];
        Logistic.softmax(withInf, 0, p, 0, 4);
        assertEquals(0.5, p[1]);
        assertEquals(0.0, p[0]);
        Logistic.logSoftmax(withInf, 0, p, 0, 4);
        assertEquals(-Math.log(2), p[3]);
        assertEquals(Double.NEGATIVE_INFINITY, p[2]);
        float[] f = {1, 2, 3, 4};
        float[] fy = new float[4];
        Logistic.softmax(f, 0, fy, 0, 4);
        for (int i = 0; i < 4; i++) assertEquals((float) y[1 + i], fy[i], 0.0f);
        assertEquals((float) Math.log(sum), Logistic.logSumExp(f, 0, 4), 0.0f);
        Logistic.logSoftmax(f, 0, 4);
        for (int i = 0; i < 4; i++) assertEquals((float) Math.log(y[1 + i]), f[i], 1e-6f);
        double[] nan = {1, Double.NaN};
        Logistic.softmax(nan, 0, 2);
        assertTrue(Double.isNaN(nan[0]));
    }
}
