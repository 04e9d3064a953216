package org.sigmoid4j.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MetricsTest {

    // scikit-learn's documented example: roc_auc_score = 0.75, average_precision_score = 0.8333…
    private static final double[] Y = {0, 0, 1, 1};
    private static final double[] P = {0.1, 0.4, 0.35, 0.8};

    @Test
    void documentedExample() {
        BinaryMetrics m = BinaryMetrics.of(Y, P, 0.5);
        assertEquals(0.75, m.rocAuc(), 1e-15);
        assertEquals(0.8333333333333333, m.prAuc(), 1e-15);
        assertEquals(0.75, m.accuracy(), 0);
        assertEquals(1.0, m.precision(), 0);
        assertEquals(0.5, m.recall(), 0);
        assertEquals(2.0 / 3, m.f1(), 1e-15);
        assertEquals((0.01 + 0.16 + 0.4225 + 0.04) / 4, m.brier(), 1e-15);
        assertEquals(-(Math.log(0.9) + Math.log(0.6) + Math.log(0.35) + Math.log(0.8)) / 4, m.logLoss(), 1e-15);
        assertArrayEquals(new long[] {2, 0}, m.confusionMatrix()[0]);
        assertArrayEquals(new long[] {1, 1}, m.confusionMatrix()[1]);
    }

    @Test
    void logLossStaysFiniteAndLogitFormIsExact() {
        double[] y = {1, 0};
        BinaryMetrics clamped = BinaryMetrics.of(y, new double[] {0.0, 1.0}, 0.5);
        assertEquals(true, Double.isFinite(clamped.logLoss()));
        // z = -800: p underflows to 0, but the exact loss is softplus(800) = 800
        BinaryMetrics exact = BinaryMetrics.ofLogits(new double[] {1}, new double[] {-800}, 0.5);
        assertEquals(800, exact.logLoss(), 1e-12);
    }

    @Test
    void aucMatchesPairCountingWithTies() {
        SplittableRandom r = new SplittableRandom(7);
        int n = 300;
        double[] y = new double[n];
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(3) == 0 ? 1 : 0;
            p[i] = r.nextInt(20) / 20.0; // many ties
        }
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (y[i] == 1 && y[j] == 0) {
                    pairs++;
                    wins += p[i] > p[j] ? 1 : p[i] == p[j] ? 0.5 : 0;
                }
            }
        }
        assertEquals(wins / pairs, BinaryMetrics.rocAuc(y, p), 1e-14);
    }

    @Test
    void thresholdsByF1AndYouden() {
        assertEquals(0.225, Thresholds.maxF1(Y, P), 1e-15);
        assertEquals(0.6, Thresholds.youdenJ(Y, P), 1e-15);
        assertEquals(0.8, BinaryMetrics.of(Y, P, Thresholds.maxF1(Y, P)).f1(), 1e-15);
    }

    @Test
    void multiclass() {
        int[] y = {0, 1, 2, 2};
        double[] pr = {
            0.7, 0.2, 0.1,
            0.1, 0.8, 0.1,
            0.5, 0.1, 0.4,
            0.1, 0.1, 0.8};
        MulticlassMetrics m = MulticlassMetrics.of(y, pr, 3);
        assertEquals(0.75, m.accuracy(), 0);
        assertEquals(-(Math.log(0.7) + Math.log(0.8) + Math.log(0.4) + Math.log(0.8)) / 4, m.logLoss(), 1e-15);
        assertArrayEquals(new long[] {1, 0, 1}, m.confusionMatrix()[2]);
    }
}
