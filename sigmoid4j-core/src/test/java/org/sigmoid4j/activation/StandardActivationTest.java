package org.sigmoid4j.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The built-in activations: stable ids, values at points whose results are known from the
 * definitions (PyTorch's for hard sigmoid and leaky ReLU), derivatives against central finite
 * differences, and bulk forward/backward against the scalar methods.
 */
@Tag("kernels")
class StandardActivationTest {

    @Test
    void idsAreStableAndRoundTrip() {
        assertEquals(List.of("identity", "sigmoid", "tanh", "relu", "leaky-relu", "softplus", "silu", "hard-sigmoid"),
                java.util.Arrays.stream(StandardActivation.values()).map(StandardActivation::id).toList());
        for (StandardActivation a : StandardActivation.values()) {
            assertSame(a, StandardActivation.forId(a.id()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StandardActivation.forId("gelu"));
        assertTrue(e.getMessage().contains("'gelu'") && e.getMessage().contains("leaky-relu")
                && e.getMessage().contains("hard-sigmoid"), e.getMessage());
    }

    @Test
    void valuesAtKnownPoints() {
        // torch.nn.functional.hardsigmoid: relu6(x + 3) / 6
        assertEquals(0.0, StandardActivation.HARD_SIGMOID.value(-3.0));
        assertEquals(0.0, StandardActivation.HARD_SIGMOID.value(-100.0));
        assertEquals(0.5, StandardActivation.HARD_SIGMOID.value(0.0));
        assertEquals(0.75, StandardActivation.HARD_SIGMOID.value(1.5));
        assertEquals(1.0, StandardActivation.HARD_SIGMOID.value(3.0));
        assertEquals(1.0, StandardActivation.HARD_SIGMOID.value(Double.POSITIVE_INFINITY));
        assertEquals(0.0, StandardActivation.HARD_SIGMOID.value(Double.NEGATIVE_INFINITY));
        // torch.nn.functional.leaky_relu, negative_slope = 0.01
        assertEquals(-0.02, StandardActivation.LEAKY_RELU.value(-2.0));
        assertEquals(-0.02f, StandardActivation.LEAKY_RELU.value(-2.0f));
        assertEquals(3.0, StandardActivation.LEAKY_RELU.value(3.0));
        assertEquals(0.0, StandardActivation.RELU.value(-2.0));
        assertEquals(2.5, StandardActivation.RELU.value(2.5));
        assertEquals(0.5, StandardActivation.SIGMOID.value(0.0));
        assertEquals(Math.log(2), StandardActivation.SOFTPLUS.value(0.0));
        assertEquals(0.25, StandardActivation.SIGMOID.derivative(0.0));
        assertEquals(1.0, StandardActivation.TANH.derivative(0.0));
        assertEquals(0.5, StandardActivation.SILU.derivative(0.0));
        assertEquals(1.0 / 6, StandardActivation.HARD_SIGMOID.derivative(0.0));
        assertEquals(0.0, StandardActivation.HARD_SIGMOID.derivative(3.0));
        assertEquals(0.01, StandardActivation.LEAKY_RELU.derivative(-1.0));
        for (StandardActivation a : StandardActivation.values()) {
            assertTrue(Double.isNaN(a.value(Double.NaN)), a.id());
            assertTrue(Double.isNaN(a.derivative(Double.NaN)) || a == StandardActivation.IDENTITY, a.id());
        }
    }

    /** Central differences, away from the kinks of the piecewise-linear ones. */
    @Test
    void derivativesMatchFiniteDifferences() {
        double[] xs = {-30, -8, -3.5, -2.9, -1.2785, -1, -0.3, -1e-3, 1e-3, 0.2, 0.7, 1, 2.5, 2.9, 3.5, 8, 30};
        for (StandardActivation a : StandardActivation.values()) {
            for (double x : xs) {
                double h = 1e-6 * Math.max(1, Math.abs(x));
                double fd = (a.value(x + h) - a.value(x - h)) / (2 * h);
                double d = a.derivative(x);
                assertEquals(fd, d, 1e-7 * Math.max(1, Math.abs(fd)), a.id() + " at " + x);
                float fdF = (float) fd;
                assertEquals(fdF, a.derivative((float) x), 2e-4f * Math.max(1, Math.abs(fdF)), a.id() + " (float) at " + x);
            }
        }
    }

    @Test
    void bulkMatchesScalar() {
        SplittableRandom r = new SplittableRandom(7);
        int n = 37;
        double[] x = new double[n + 3];
        float[] xf = new float[n + 3];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble(-10, 10);
            xf[i] = (float) x[i];
        }
        x[5] = Double.NaN;
        x[6] = Double.POSITIVE_INFINITY;
        x[7] = -0.0;
        for (StandardActivation a : StandardActivation.values()) {
            double[] y = new double[n + 1];
            a.forward(x, 2, y, 1, n);
            float[] yf = new float[n + 1];
            a.forward(xf, 2, yf, 1, n);
            double[] g = r.doubles(n, -1, 1).toArray();
            double[] gi = g.clone();
            a.backward(x, 2, gi, 0, gi, 0, n); // in place on the gradient
            float[] gf = new float[n];
            for (int i = 0; i < n; i++) gf[i] = (float) g[i];
            float[] gif = new float[n];
            a.backward(xf, 2, gf, 0, gif, 0, n);
            for (int i = 0; i < n; i++) {
                double xi = x[2 + i];
                // bulk double goes through the SIMD kernels: within their 2-ulp bound of the scalar value
                assertTrue(org.sigmoid4j.testkit.Ulps.between(y[1 + i], a.value(xi)) <= 2,
                        a.id() + " at " + xi + ": " + y[1 + i] + " vs " + a.value(xi));
                assertEquals(a.value(xf[2 + i]), yf[1 + i], 0.0f, a.id() + " at " + xf[2 + i]);
                // bulk double derivatives may come from the SIMD kernels (≤ 2 ulp), then one product
                assertTrue(org.sigmoid4j.testkit.Ulps.between(gi[i], g[i] * a.derivative(xi)) <= 3,
                        a.id() + " backward at " + xi + ": " + gi[i] + " vs " + g[i] * a.derivative(xi));
                assertEquals(gf[i] * a.derivative(xf[2 + i]), gif[i], 0.0f, a.id() + " backward at " + xf[2 + i]);
            }
        }
    }
}
