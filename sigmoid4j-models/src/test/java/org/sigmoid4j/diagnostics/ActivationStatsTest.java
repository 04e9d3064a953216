package org.sigmoid4j.diagnostics;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.sigmoid4j.math.Logistic;

class ActivationStatsTest {

    @Test
    void sigmoidSaturationMatchesTheDerivativeThresholdFromZ() {
        // z on a grid; saturated iff σ'(z) < 0.01 computed independently from z.
        double[] z = new double[2001];
        for (int i = 0; i < z.length; i++) z[i] = -10 + 0.01 * i;
        double[] y = new double[z.length];
        long expected = 0;
        for (int i = 0; i < z.length; i++) {
            y[i] = Logistic.sigmoid(z[i]);
            double d = Logistic.sigmoid(z[i]) * Logistic.sigmoid(-z[i]);
            if (d < 0.01) expected++;
        }
        double got = ActivationStats.saturated("sigmoid", y, y.length);
        assertEquals(expected / (double) z.length, got, 1.5 / z.length); // at most one boundary point differs
        // |z| > 4.5951 is saturated: 2 × (10 − 4.5951) / 20 ≈ 0.54
        assertEquals(0.54, got, 0.01);
    }

    @Test
    void tanhAnalogueIsHalfTheSigmoidPoint() {
        double[] y = {Math.tanh(2.0), Math.tanh(2.4), Math.tanh(-2.4), 0};
        assertEquals(0.5, ActivationStats.saturated("tanh", y, y.length));
        assertTrue(Double.isNaN(ActivationStats.saturated("relu", y, y.length)));
    }

    @Test
    void deadUnitsAreZeroOnEveryRow() {
        // 3 rows × 4 units; unit 1 and 3 never fire.
        double[] y = {1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 3, 0};
        assertEquals(0.5, ActivationStats.dead("relu", y, 3, 4));
        assertTrue(Double.isNaN(ActivationStats.dead("sigmoid", y, 3, 4)));
    }

    @Test
    void meanStdAndHistogram() {
        double[] y = {0, 0.25, 0.5, 1, 1};
        double[] ms = ActivationStats.meanStd(y, y.length);
        assertEquals(0.55, ms[0], 1e-15);
        assertEquals(Math.sqrt((0.3025 + 0.09 + 0.0025 + 0.2025 + 0.2025) / 5), ms[1], 1e-15);
        long[] h = ActivationStats.histogram(y, y.length, 0, 1);
        assertEquals(20, h.length);
        assertEquals(1, h[0]);
        assertEquals(1, h[5]);
        assertEquals(1, h[10]);
        assertEquals(2, h[19]);
        assertArrayEquals(new double[] {-1, 1}, ActivationStats.range("tanh", new double[0], 0));
        assertArrayEquals(new double[] {0, 1}, ActivationStats.range("relu", y, y.length));
    }
}
