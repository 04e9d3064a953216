package org.sigmoid4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sigmoid4j.nn.Parameter;
import org.sigmoid4j.nn.Precision;

/**
 * Update rules against the published formulas, re-derived here step by step (PyTorch's
 * {@code torch.optim.SGD} with momentum/dampening 0/nesterov and {@code torch.optim.Adam}
 * documentation; Nielsen's book, eq. 93 for the rescaling form of L2 decay), on the quadratic
 * f(w) = ½·Σ c_i (w_i − t_i)², whose gradient c·(w − t) the test sets before every step.
 */
class OptimizerTest {

    static final double[] C = {1.0, 3.0, 0.5};
    static final double[] T = {0.5, -1.0, 2.0};
    static final double[] W0 = {1.0, 2.0, -1.0};

    private static Parameter param(boolean regularized) {
        Parameter p = new Parameter("w", Precision.F64, 1, 3, regularized);
        p.setValues(W0.clone());
        return p;
    }

    private static void setGradient(Parameter p) {
        double[] w = p.valuesAsDouble();
        for (int i = 0; i < 3; i++) p.grad().set(i, C[i] * (w[i] - T[i]));
    }

    private static double[] run(Optimizer opt, Parameter p, double lr, int steps) {
        for (int s = 0; s < steps; s++) {
            setGradient(p);
            opt.step(List.of(p), lr);
        }
        return p.valuesAsDouble();
    }

    @Test
    void sgdMomentumAndNesterovFollowPyTorchsRule() {
        double lr = 0.1, mu = 0.9, wd = 0.01;
        for (int variant = 0; variant < 3; variant++) {
            boolean nesterov = variant == 2;
            double m = variant == 0 ? 0 : mu;
            Optimizer opt = variant == 0 ? Sgd.plain(WeightDecay.coupled(wd)) : Sgd.momentum(mu, nesterov, WeightDecay.coupled(wd));
            double[] got = run(opt, param(true), lr, 5);
            double[] w = W0.clone(), v = new double[3];
            for (int s = 0; s < 5; s++) {
                for (int i = 0; i < 3; i++) {
                    double g = C[i] * (w[i] - T[i]) + wd * w[i];
                    v[i] = s == 0 ? g : m * v[i] + g;
                    double d = m == 0 ? g : nesterov ? g + m * v[i] : v[i];
                    w[i] -= lr * d;
                }
            }
            for (int i = 0; i < 3; i++) assertEquals(w[i], got[i], 1e-15, opt.id() + " w[" + i + "]");
        }
    }

    @Test
    void adamFollowsTheBiasCorrectedRule() {
        double lr = 0.01, b1 = 0.9, b2 = 0.999, eps = 1e-8;
        double[] got = run(new Adam(b1, b2, eps, WeightDecay.NONE), param(true), lr, 7);
        double[] w = W0.clone(), m = new double[3], v = new double[3];
        for (int t = 1; t <= 7; t++) {
            for (int i = 0; i < 3; i++) {
                double g = C[i] * (w[i] - T[i]);
                m[i] = b1 * m[i] + (1 - b1) * g;
                v[i] = b2 * v[i] + (1 - b2) * g * g;
                double mh = m[i] / (1 - Math.pow(b1, t)), vh = v[i] / (1 - Math.pow(b2, t));
                w[i] -= lr * mh / (Math.sqrt(vh) + eps);
            }
        }
        for (int i = 0; i < 3; i++) assertEquals(w[i], got[i], 1e-15, "adam w[" + i + "]");
        // The first Adam step moves every coordinate by about lr (m̂/√v̂ = ±1).
        double[] one = run(new Adam(b1, b2, eps, WeightDecay.NONE), param(true), lr, 1);
        for (int i = 0; i < 3; i++) assertEquals(lr, Math.abs(one[i] - W0[i]), 1e-8);
    }

    @Test
    void nielsenDecayRescalesThenSteps() {
        double lr = 0.5, lambda = 5, n = 1000;
        double[] got = run(Sgd.plain(WeightDecay.nielsen(lambda, 1000)), param(true), lr, 3);
        double[] w = W0.clone();
        for (int s = 0; s < 3; s++) {
            for (int i = 0; i < 3; i++) {
                double g = C[i] * (w[i] - T[i]);
                w[i] = (1 - lr * lambda / n) * w[i] - lr * g;
            }
        }
        for (int i = 0; i < 3; i++) assertEquals(w[i], got[i], 1e-15);
        // Biases (not regularised) take the plain step.
        double[] b = run(Sgd.plain(WeightDecay.nielsen(lambda, 1000)), param(false), lr, 1);
        for (int i = 0; i < 3; i++) assertEquals(W0[i] - lr * C[i] * (W0[i] - T[i]), b[i], 1e-15);
    }

    @Test
    void freshCopiesForgetState() {
        Sgd m = Sgd.momentum(0.9, false, null);
        run(m, param(true), 0.1, 3);
        double[] a = run(m.fresh(), param(true), 0.1, 2), b = run(Sgd.momentum(0.9, false, null), param(true), 0.1, 2);
        for (int i = 0; i < 3; i++) assertEquals(b[i], a[i]);
    }

    @Test
    void schedules() {
        assertEquals(0.1, Schedule.parse("constant").rate(0.1, 7));
        assertEquals(0.1 * 0.5 * 0.5, Schedule.parse("step:3:0.5").rate(0.1, 7), 1e-17);
        assertEquals(0.1 * Math.pow(0.9, 4), Schedule.parse("exp:0.9").rate(0.1, 4), 1e-17);
        assertEquals(0.05, Schedule.parse("cosine:10").rate(0.1, 5), 1e-15);
        assertEquals(0.0, Schedule.parse("cosine:10").rate(0.1, 12), 1e-17);
        assertEquals(0.1 / 3, Schedule.parse("inverse:0.5").rate(0.1, 4), 1e-17);
        for (String bad : new String[] {"step:0:0.5", "exp:-1", "cosine", "linear", "step:2:x"}) {
            assertThrows(IllegalArgumentException.class, () -> Schedule.parse(bad), bad);
        }
    }
}
