package org.sigmoid4j.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sigmoid4j.activation.StandardActivation;

/**
 * Central finite differences (double precision, h = 1e-6) against every analytic gradient:
 * every layer (input and parameter gradients), every activation, every loss (with labels and
 * with dense targets), and a whole mixed network. The scalar probed is L = Σ r ⊙ output with a
 * fixed random r, so every output element contributes. Inputs avoid the kinks of piecewise
 * linear activations by at least 1e-3 (where the derivative is undefined).
 */
class GradientCheckTest {

    static final double H = 1e-6;
    static final double TOL = 1e-6;

    private static double[] random(SplittableRandom rnd, int n, double scale) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = (rnd.nextDouble() * 2 - 1) * scale;
        return v;
    }

    /** Moves values away from the kinks at 0 and ±3 by at least 1e-3. */
    private static double[] awayFromKinks(double[] v) {
        for (int i = 0; i < v.length; i++) {
            for (double k : new double[] {0, 3, -3}) {
                if (Math.abs(v[i] - k) < 1e-3) v[i] = k + (v[i] >= k ? 1e-3 : -1e-3) * 2;
            }
        }
        return v;
    }

    private static double weighted(Tensor out, double[] r) {
        double s = 0;
        for (int i = 0; i < out.size(); i++) s += r[i] * out.get(i);
        return s;
    }

    private static void assertClose(String what, double analytic, double numeric) {
        double err = Math.abs(analytic - numeric);
        double scale = Math.max(1e-3, Math.max(Math.abs(analytic), Math.abs(numeric)));
        assertTrue(err <= TOL * scale + 1e-9,
                () -> what + ": analytic " + analytic + ", finite difference " + numeric + ", error " + err);
    }

    /**
     * Checks ∂L/∂input and ∂L/∂θ of {@code layer} for L = Σ r ⊙ layer(x), with {@code before}
     * run before every forward pass (e.g. to fix a dropout mask).
     */
    static void checkLayer(String name, Layer layer, double[] x, int rows, Mode mode, Runnable before) {
        SplittableRandom rnd = new SplittableRandom(7);
        int in = layer.inputSize(), outN = layer.outputSize();
        double[] r = random(rnd, rows * outN, 1);
        Tensor xt = Tensor.of(Precision.F64, rows, in, x);
        before.run();
        layer.forward(xt, mode);
        Tensor g = Tensor.of(Precision.F64, rows, outN, r);
        double[] gradIn = layer.backward(g, true).toDoubleArray();
        List<double[]> paramGrads = new ArrayList<>();
        for (Parameter p : layer.parameters()) paramGrads.add(p.gradsAsDouble());
        Supplier<Double> loss = () -> {
            before.run();
            return weighted(layer.forward(Tensor.of(Precision.F64, rows, in, x), mode), r);
        };
        for (int i = 0; i < x.length; i++) {
            double keep = x[i];
            x[i] = keep + H;
            double up = loss.get();
            x[i] = keep - H;
            double down = loss.get();
            x[i] = keep;
            assertClose(name + " d/dx[" + i + "]", gradIn[i], (up - down) / (2 * H));
        }
        List<Parameter> ps = layer.parameters();
        for (int q = 0; q < ps.size(); q++) {
            Parameter p = ps.get(q);
            double[] v = p.valuesAsDouble();
            for (int i = 0; i < v.length; i++) {
                double keep = v[i];
                v[i] = keep + H;
                p.setValues(v);
                double up = loss.get();
                v[i] = keep - H;
                p.setValues(v);
                double down = loss.get();
                v[i] = keep;
                p.setValues(v);
                assertClose(name + " d/d" + p.name() + "[" + i + "]", paramGrads.get(q)[i], (up - down) / (2 * H));
            }
        }
    }

    @Test
    void dense() {
        SplittableRandom rnd = new SplittableRandom(1);
        for (boolean bias : new boolean[] {true, false}) {
            Dense d = new Dense(Precision.F64, 7, 5, bias);
            d.weight().setValues(random(rnd, 35, 1));
            if (bias) d.bias().setValues(random(rnd, 5, 1));
            checkLayer("dense bias=" + bias, d, random(rnd, 4 * 7, 2), 4, Mode.TRAIN, () -> { });
        }
    }

    @ParameterizedTest
    @EnumSource(StandardActivation.class)
    void everyActivation(StandardActivation a) {
        SplittableRandom rnd = new SplittableRandom(2);
        checkLayer(a.id(), new ActivationLayer(Precision.F64, 6, a), awayFromKinks(random(rnd, 3 * 6, 5)), 3, Mode.TRAIN, () -> { });
    }

    @ParameterizedTest
    @EnumSource(value = StandardActivation.class, names = {"SIGMOID", "TANH", "SOFTPLUS", "SILU"})
    void adaptiveActivations(StandardActivation a) {
        SplittableRandom rnd = new SplittableRandom(3);
        for (boolean shift : new boolean[] {false, true}) {
            AdaptiveActivation l = new AdaptiveActivation(Precision.F64, 5, a, shift);
            l.slope().setValues(random(rnd, 5, 2));
            if (shift) l.shift().setValues(random(rnd, 5, 1));
            checkLayer("adaptive " + a.id() + " shift=" + shift, l, random(rnd, 4 * 5, 3), 4, Mode.TRAIN, () -> { });
        }
    }

    @Test
    void prelu() {
        SplittableRandom rnd = new SplittableRandom(4);
        PReLU l = new PReLU(Precision.F64, 5);
        l.alpha().setValues(random(rnd, 5, 1));
        checkLayer("prelu", l, awayFromKinks(random(rnd, 4 * 5, 2)), 4, Mode.TRAIN, () -> { });
    }

    @Test
    void batchNormInEveryMode() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (Mode mode : Mode.values()) {
            BatchNorm l = new BatchNorm(Precision.F64, 4);
            l.gamma().setValues(random(rnd, 4, 2));
            l.beta().setValues(random(rnd, 4, 1));
            l.setBuffer("running_mean", random(rnd, 4, 1));
            double[] var = random(rnd, 4, 1);
            for (int i = 0; i < 4; i++) var[i] = 0.5 + Math.abs(var[i]);
            l.setBuffer("running_var", var);
            checkLayer("batch-norm " + mode, l, random(rnd, 5 * 4, 2), 5, mode, () -> { });
        }
    }

    @Test
    void dropoutWithAFixedMask() {
        SplittableRandom rnd = new SplittableRandom(6);
        Dropout l = new Dropout(Precision.F64, 6, 0.4, 0);
        checkLayer("dropout", l, random(rnd, 3 * 6, 2), 3, Mode.TRAIN, () -> l.reseed(99));
        checkLayer("dropout infer", l, random(rnd, 3 * 6, 2), 3, Mode.INFER, () -> { });
    }

    @ParameterizedTest
    @EnumSource(Loss.class)
    void everyLossWithLabelsAndWithDenseTargets(Loss loss) {
        SplittableRandom rnd = new SplittableRandom(8);
        int m = 4;
        for (int k : new int[] {1, 3}) {
            if (loss == Loss.SOFTMAX_CE && k == 1) continue;
            int[] labels = new int[m];
            for (int i = 0; i < m; i++) labels[i] = rnd.nextInt(k == 1 ? 2 : k);
            double[] dense = new double[m * k];
            for (int i = 0; i < dense.length; i++) dense[i] = rnd.nextDouble();
            if (loss == Loss.SOFTMAX_CE) {
                for (int i = 0; i < m; i++) {
                    double s = 0;
                    for (int j = 0; j < k; j++) s += dense[i * k + j];
                    for (int j = 0; j < k; j++) dense[i * k + j] /= s;
                }
            }
            for (Targets t : new Targets[] {Targets.labels(labels), Targets.values(dense, k)}) {
                double[] z = random(rnd, m * k, 4);
                Tensor grad = Tensor.zeros(Precision.F64, m, k);
                loss.evaluate(Tensor.of(Precision.F64, m, k, z), t, grad);
                for (int i = 0; i < z.length; i++) {
                    double keep = z[i];
                    z[i] = keep + H;
                    double up = loss.evaluate(Tensor.of(Precision.F64, m, k, z), t, null);
                    z[i] = keep - H;
                    double down = loss.evaluate(Tensor.of(Precision.F64, m, k, z), t, null);
                    z[i] = keep;
                    assertClose(loss.id() + " k=" + k + (t.hasLabels() ? " labels" : " dense") + " dz[" + i + "]",
                            grad.get(i), (up - down) / (2 * H));
                }
            }
        }
    }

    @Test
    void wholeNetworkParameterGradients() {
        Network net = Network.builder(6).precision(Precision.F64).seed(3).weightInit(Init.GLOROT_NORMAL)
                .dense(5).batchNorm().tanh().dense(4).adaptiveSigmoid(true).dense(4).prelu().dense(3).build();
        SplittableRandom rnd = new SplittableRandom(9);
        int m = 5;
        double[] x = random(rnd, m * 6, 1);
        int[] y = {0, 1, 2, 1, 0};
        Targets t = Targets.labels(y);
        Tensor xt = Tensor.of(Precision.F64, m, 6, x);
        net.lossAndGradients(xt, t, Loss.SOFTMAX_CE, Mode.PROBE);
        for (Parameter p : net.parameters()) {
            double[] g = p.gradsAsDouble(), v = p.valuesAsDouble();
            for (int i = 0; i < v.length; i++) {
                double keep = v[i];
                v[i] = keep + H;
                p.setValues(v);
                double up = Loss.SOFTMAX_CE.evaluate(net.forward(xt, Mode.PROBE), t, null);
                v[i] = keep - H;
                p.setValues(v);
                double down = Loss.SOFTMAX_CE.evaluate(net.forward(xt, Mode.PROBE), t, null);
                v[i] = keep;
                p.setValues(v);
                assertClose("network " + p + "[" + i + "]", g[i], (up - down) / (2 * H));
            }
        }
    }
}
