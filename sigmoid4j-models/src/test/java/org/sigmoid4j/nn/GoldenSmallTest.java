package org.sigmoid4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sigmoid4j.diagnostics.Json;
import org.sigmoid4j.testkit.SharedFiles;

/**
 * Reproduces every case of {@code shared/reference/nets/golden_small.json} (PyTorch 1.13,
 * float64, one thread): loss, logits of example 0, bias / slope / batch-norm gradients, the
 * norm, sum and sample entries of each weight gradient, and the batch-norm running statistics
 * after one step. Tolerance: 1e-9 relative (an absolute floor of 1e-15 only for entries below
 * that); the sums of weight gradients are also accepted within the rounding bound of the
 * summation itself, since some are exactly 0 (output layer, softmax cross-entropy) and the
 * reference records rounding noise there (−3.7e-16, 1.4e-17).
 */
class GoldenSmallTest {

    static final double REL = 1e-9;
    static final double ABS_FLOOR = 1e-15;

    static double maxRel = 0;

    @ParameterizedTest
    @ValueSource(strings = {"sigmoid", "tanh", "relu", "adaptive_sigmoid", "sigmoid_bn", "nielsen_ce", "nielsen_quad"})
    void caseIsReproduced(String name) throws IOException {
        maxRel = 0;
        Map<?, ?> root = (Map<?, ?>) Json.parse(Files.readString(SharedFiles.resolve("reference/nets/golden_small.json")));
        Map<?, ?> c = (Map<?, ?>) ((Map<?, ?>) root.get("cases")).get(name);
        List<String> lines = Files.readAllLines(SharedFiles.resolve("data/digits.csv"));
        int m = 8, d = 64;
        double[] x = new double[m * d];
        int[] y = new int[m];
        for (int i = 0; i < m; i++) {
            String[] f = lines.get(i + 1).split(",");
            for (int j = 0; j < d; j++) x[i * d + j] = Double.parseDouble(f[j]) / 16.0;
            y[i] = Integer.parseInt(f[d]);
        }
        List<?> first8 = (List<?>) ((Map<?, ?>) root.get("inputs")).get("x0_first8");
        for (int j = 0; j < 8; j++) assertEquals(((Number) first8.get(j)).doubleValue(), x[j]);

        boolean bn = name.equals("sigmoid_bn");
        Network.Builder b = Network.builder(d).precision(Precision.F64);
        for (int l = 0; l < 2; l++) {
            b.dense(16, !bn);
            switch (name) {
                case "tanh" -> b.tanh();
                case "relu" -> b.relu();
                case "adaptive_sigmoid" -> b.adaptiveSigmoid(false);
                case "sigmoid_bn" -> b.batchNorm().sigmoid();
                default -> b.sigmoid();
            }
        }
        Network net = b.dense(10).build();
        List<Dense> dense = new ArrayList<>();
        List<BatchNorm> bns = new ArrayList<>();
        List<AdaptiveActivation> adaptive = new ArrayList<>();
        for (Layer layer : net.layers()) {
            if (layer instanceof Dense dl) dense.add(dl);
            if (layer instanceof BatchNorm bl) bns.add(bl);
            if (layer instanceof AdaptiveActivation al) adaptive.add(al);
        }
        for (int l = 0; l < 3; l++) {
            Dense dl = dense.get(l);
            int out = dl.outputSize(), in = dl.inputSize();
            double[] w = new double[out * in];
            for (int i = 0; i < out; i++) {
                for (int j = 0; j < in; j++) w[i * in + j] = 2 * Math.sin(1 + l + 0.37 * i + 0.91 * j) / Math.sqrt(in);
            }
            dl.weight().setValues(w);
            if (dl.hasBias()) {
                double[] bias = new double[out];
                for (int i = 0; i < out; i++) bias[i] = 0.1 * Math.cos(1 + l + 0.53 * i);
                dl.bias().setValues(bias);
            }
        }
        for (int l = 0; l < adaptive.size(); l++) {
            double[] a = new double[16];
            for (int i = 0; i < 16; i++) a[i] = 1 + 0.1 * Math.sin(1 + l + i);
            adaptive.get(l).slope().setValues(a);
        }
        for (BatchNorm bl : bns) {
            double[] g = new double[16], be = new double[16];
            for (int i = 0; i < 16; i++) {
                g[i] = 1 + 0.05 * Math.cos(i);
                be[i] = 0.02 * Math.sin(i);
            }
            bl.gamma().setValues(g);
            bl.beta().setValues(be);
        }
        Loss loss = switch (name) {
            case "nielsen_ce" -> Loss.NIELSEN_CE;
            case "nielsen_quad" -> Loss.NIELSEN_QUADRATIC;
            default -> Loss.SOFTMAX_CE;
        };
        Tensor in = Tensor.of(Precision.F64, m, d, x);
        double value = net.lossAndGradients(in, Targets.labels(y), loss, Mode.TRAIN);

        check(name + " loss", num(c.get("loss")), value);
        List<?> logits = (List<?>) c.get("output_preactivation_example0");
        Tensor z = net.layers().get(net.layers().size() - 1).lastOutput();
        for (int j = 0; j < 10; j++) check(name + " logit " + j, num(logits.get(j)), z.get(0, j));

        List<?> wg = (List<?>) c.get("weight_grad");
        for (int l = 0; l < 3; l++) {
            Map<?, ?> e = (Map<?, ?>) wg.get(l);
            double[] g = dense.get(l).weight().gradsAsDouble();
            double frob = 0, sum = 0, sumAbs = 0;
            for (double v : g) {
                frob += v * v;
                sum += v;
                sumAbs += Math.abs(v);
            }
            check(name + " dW" + l + " frobenius", num(e.get("frobenius")), Math.sqrt(frob));
            // A sum of n terms is only known to n·2⁻⁵³·Σ|g| (either side's rounding): that bound
            // matters where the exact sum is 0 (output layer under softmax cross-entropy).
            double sumErr = Math.abs(sum - num(e.get("sum")));
            double roundingBound = 2 * g.length * 0x1p-53 * sumAbs;
            assertTrue(sumErr <= REL * Math.abs(num(e.get("sum"))) || sumErr <= roundingBound,
                    name + " dW" + l + " sum: expected " + e.get("sum") + ", got " + sum);
            List<?> cols = (List<?>) e.get("row0_cols"), vals = (List<?>) e.get("row0_values");
            for (int q = 0; q < cols.size(); q++) {
                check(name + " dW" + l + "[0][" + cols.get(q) + "]", num(vals.get(q)), g[((Number) cols.get(q)).intValue()]);
            }
        }
        Object bg = c.get("bias_grad");
        if (bg instanceof List<?> lists) {
            for (int l = 0; l < 3; l++) checkArray(name + " db" + l, (List<?>) lists.get(l), dense.get(l).bias().gradsAsDouble());
        } else {
            checkArray(name + " db2", (List<?>) ((Map<?, ?>) bg).get("output_layer"), dense.get(2).bias().gradsAsDouble());
        }
        if (c.get("bias_grad_norms") instanceof List<?> norms) {
            for (int l = 0; l < 3; l++) check(name + " |db" + l + "|", num(norms.get(l)), dense.get(l).bias().gradNorm());
        }
        if (c.get("a_grad") instanceof List<?> ag) {
            for (int l = 0; l < 2; l++) checkArray(name + " da" + l, (List<?>) ag.get(l), adaptive.get(l).slope().gradsAsDouble());
        }
        if (bn) {
            List<?> gg = (List<?>) c.get("gamma_grad"), bb = (List<?>) c.get("beta_grad");
            List<?> run = (List<?>) c.get("bn_running_after_one_batch");
            for (int l = 0; l < 2; l++) {
                checkArray(name + " dgamma" + l, (List<?>) gg.get(l), bns.get(l).gamma().gradsAsDouble());
                checkArray(name + " dbeta" + l, (List<?>) bb.get(l), bns.get(l).beta().gradsAsDouble());
                Map<?, ?> r = (Map<?, ?>) run.get(l);
                checkArray(name + " running_mean" + l, (List<?>) r.get("running_mean"), bns.get(l).runningMean());
                checkArray(name + " running_var" + l, (List<?>) r.get("running_var"), bns.get(l).runningVar());
            }
        }
        System.out.printf("golden %s: max relative error %.3g%n", name, maxRel);
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    private static void checkArray(String what, List<?> expected, double[] actual) {
        assertEquals(expected.size(), actual.length, what + " length");
        for (int i = 0; i < actual.length; i++) check(what + "[" + i + "]", num(expected.get(i)), actual[i]);
    }

    private static void check(String what, double expected, double actual) {
        double err = Math.abs(actual - expected);
        assertTrue(err <= REL * Math.abs(expected) || err <= ABS_FLOOR,
                () -> what + ": expected " + expected + ", got " + actual + " (relative error " + err / Math.abs(expected) + ")");
        if (Math.abs(expected) > 1e-12) maxRel = Math.max(maxRel, err / Math.abs(expected));
    }
}
