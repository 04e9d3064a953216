package org.sigmoid4j.diagnostics;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verdict on synthetic histories whose answer is known by construction. */
class VerdictTest {

    private static final double NA = Double.NaN;

    /** A layer with the given bias-gradient norm, saturated and dead fractions. */
    static LayerStats layer(int i, String act, boolean hidden, double gradB, double sat, double dead) {
        return new LayerStats(i, hidden ? "hidden " + (i + 1) : "output", act, hidden, gradB * 3, gradB, NA, NA, sat, dead, 0.5, 0.1, 1e-3,
                NA, NA, null);
    }

    static EpochStats epoch(int e, double acc, String act, double[] gradB, double sat, double dead) {
        List<LayerStats> ls = new ArrayList<>();
        for (int i = 0; i < gradB.length; i++) ls.add(layer(i, act, true, gradB[i], sat, dead));
        ls.add(layer(gradB.length, "identity", false, 1.0, NA, NA));
        return new EpochStats(e, 1.0, acc, ls);
    }

    @Test
    void vanishingWithoutSaturationBlamesTheDerivativeBoundNotSaturation() {
        // Six sigmoid layers, each passing 1/4 of the signal: ratio 4^-5 ≈ 1/1024.
        double[] g = new double[6];
        for (int i = 0; i < 6; i++) g[i] = Math.pow(0.25, 5 - i);
        Verdict v = Verdict.of(List.of(epoch(0, NA, "sigmoid", g, 0.0, NA), epoch(5, 0.11, "sigmoid", g, 0.0, NA)), 10);
        assertEquals(Verdict.Severity.PROBLEM, v.severity());
        assertTrue(v.headline().startsWith("Severe vanishing gradients: the first hidden layer learns 1,000× slower than the last"), v.headline());
        assertTrue(v.headline().contains("units are not saturated (0%)"), v.headline());
        assertTrue(v.headline().contains("σ' ≤ ¼"), v.headline());
        assertTrue(v.headline().contains("near chance"), v.headline());
        assertTrue(v.headline().contains("try batch normalization, tanh or ReLU"), v.headline());
    }

    @Test
    void saturationIsNamedAsAContributingCause() {
        double[] g = {0.001, 0.01, 0.2};
        Verdict v = Verdict.of(List.of(epoch(3, 0.5, "sigmoid", g, 0.4, NA)), 10);
        assertTrue(v.headline().contains("learns 200× slower"), v.headline());
        assertTrue(v.headline().contains("40% of units are saturated"), v.headline());
        assertFalse(v.headline().contains("near chance"), v.headline());
    }

    @Test
    void mildVanishingIsAWarning() {
        Verdict v = Verdict.of(List.of(epoch(1, 0.9, "sigmoid", new double[] {0.02, 0.1, 0.5}, 0.0, NA)), 10);
        assertEquals(Verdict.Severity.WARNING, v.severity());
        assertTrue(v.headline().startsWith("Vanishing gradients: the first hidden layer learns 25× slower"), v.headline());
    }

    @Test
    void balancedGradientsAreHealthy() {
        Verdict v = Verdict.of(List.of(epoch(5, 0.93, "tanh", new double[] {0.3, 0.4, 0.5}, 0.01, NA)), 10);
        assertEquals(Verdict.Severity.OK, v.severity());
        assertTrue(v.headline().startsWith("Healthy gradients"), v.headline());
        assertTrue(v.headline().contains("0.60"), v.headline());
    }

    @Test
    void explodingGradients() {
        Verdict v = Verdict.of(List.of(epoch(2, NA, "relu", new double[] {50, 5, 1}, NA, 0.0)));
        assertEquals(Verdict.Severity.PROBLEM, v.severity());
        assertTrue(v.headline().startsWith("Exploding gradients: the first hidden layer's gradient is 50× larger"), v.headline());
    }

    @Test
    void deadReluWithHealthyRatio() {
        Verdict v = Verdict.of(List.of(epoch(2, NA, "relu", new double[] {0.5, 0.5}, NA, 0.8)));
        assertTrue(v.headline().startsWith("Dead ReLUs: 80%"), v.headline());
    }

    @Test
    void saturationAloneWithHealthyRatioIsOnlyAWarning() {
        Verdict v = Verdict.of(List.of(epoch(2, NA, "sigmoid", new double[] {0.4, 0.5}, 0.3, NA)));
        assertEquals(Verdict.Severity.WARNING, v.severity());
        assertTrue(v.headline().startsWith("Saturation: 30%"), v.headline());
    }

    @Test
    void nearChanceWithHealthyGradientsPointsAtTheLearningRate() {
        Verdict v = Verdict.of(List.of(epoch(2, 0.1, "tanh", new double[] {0.4, 0.5}, 0.0, NA)), 10);
        assertTrue(v.headline().startsWith("Not learning"), v.headline());
    }

    @Test
    void singleHiddenLayerAndEmptyHistory() {
        Verdict one = Verdict.of(List.of(epoch(1, NA, "sigmoid", new double[] {0.4}, 0.0, NA)));
        assertEquals(Verdict.Severity.OK, one.severity());
        assertTrue(one.findings().stream().anyMatch(f -> f.contains("one hidden layer")), one.findings().toString());
        assertEquals(Verdict.Severity.WARNING, Verdict.of(List.of()).severity());
    }

    @Test
    void findingsQuoteTheInitialRatio() {
        double[] g0 = {0.001, 0.1}, g1 = {0.002, 0.1};
        Verdict v = Verdict.of(List.of(epoch(0, NA, "sigmoid", g0, 0, NA), epoch(9, NA, "sigmoid", g1, 0, NA)));
        assertTrue(v.findings().getFirst().contains("0.020 at epoch 9 (0.010 at epoch 0)"), v.findings().getFirst());
    }

    @Test
    void timesFormatting() {
        assertEquals("1,400×", Verdict.times(1412.3));
        assertEquals("25×", Verdict.times(25.2));
        assertEquals("3.2×", Verdict.times(3.24));
    }
}
