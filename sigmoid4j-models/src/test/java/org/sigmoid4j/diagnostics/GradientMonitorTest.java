package org.sigmoid4j.diagnostics;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sigmoid4j.nn.Dense;
import org.sigmoid4j.nn.BatchNorm;
import org.sigmoid4j.nn.Loss;
import org.sigmoid4j.nn.Mode;
import org.sigmoid4j.nn.Network;
import org.sigmoid4j.nn.Parameter;
import org.sigmoid4j.nn.Precision;
import org.sigmoid4j.nn.Targets;
import org.sigmoid4j.nn.Tensor;
import org.sigmoid4j.optim.Sgd;
import org.sigmoid4j.optim.WeightDecay;
import org.sigmoid4j.train.Examples;
import org.sigmoid4j.train.NetworkTrainer;
import org.sigmoid4j.train.TrainingConfig;

/** The monitor's numbers against independent computations: finite differences, the SGD update rule, known saturation. */
class GradientMonitorTest {

    static final int ROWS = 24, IN = 6;

    static double[] data(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[ROWS * IN];
        for (int i = 0; i < x.length; i++) x[i] = r.nextDouble(-1, 1);
        return x;
    }

    static int[] labels() {
        int[] y = new int[ROWS];
        for (int i = 0; i < ROWS; i++) y[i] = i % 3;
        return y;
    }

    static double probeLoss(Network net, double[] x, Targets t, Loss loss) {
        Tensor z = net.forward(x, ROWS, Mode.PROBE);
        return loss.evaluate(z, t, null);
    }

    /** ‖∂L/∂p‖ by central differences on every element of p. */
    static double fdNorm(Network net, Parameter p, double[] x, Targets t, Loss loss) {
        double h = 1e-6, s = 0;
        for (int i = 0; i < p.size(); i++) {
            double v = p.value().get(i);
            p.value().set(i, v + h);
            double up = probeLoss(net, x, t, loss);
            p.value().set(i, v - h);
            double down = probeLoss(net, x, t, loss);
            p.value().set(i, v);
            double g = (up - down) / (2 * h);
            s += g * g;
        }
        return Math.sqrt(s);
    }

    @Test
    void probeNormsEqualFiniteDifferencesPerLayer() {
        Network net = Network.builder(IN).precision(Precision.F64).seed(3).dense(5).sigmoid().dense(4).tanh().dense(3).build();
        double[] x = data(1);
        Targets t = Targets.labels(labels());
        GradientMonitor m = new GradientMonitor(net, x, ROWS, t, Loss.SOFTMAX_CE);
        EpochStats e = m.atStart();
        List<Dense> dense = net.layers().stream().filter(l -> l instanceof Dense).map(l -> (Dense) l).toList();
        assertEquals(3, e.layers().size());
        assertEquals(List.of("sigmoid", "tanh", "identity"), e.layers().stream().map(LayerStats::activation).toList());
        for (int k = 0; k < 3; k++) {
            LayerStats l = e.layers().get(k);
            assertEquals(fdNorm(net, dense.get(k).weight(), x, t, Loss.SOFTMAX_CE), l.gradW(), 1e-7 * Math.max(1, l.gradW()), "layer " + k + " weights");
            assertEquals(fdNorm(net, dense.get(k).bias(), x, t, Loss.SOFTMAX_CE), l.gradB(), 1e-7 * Math.max(1, l.gradB()), "layer " + k + " biases");
        }
        assertEquals(e.layers().get(0).gradB() / e.layers().get(1).gradB(), e.gradientRatio(), 1e-15);
    }

    @Test
    void batchNormStageUsesBetaAsItsBiasAndProbeHasNoSideEffects() {
        Network net = Network.builder(IN).precision(Precision.F64).seed(5).dense(5, false).batchNorm().sigmoid().dense(3).build();
        double[] x = data(2);
        Targets t = Targets.labels(labels());
        BatchNorm bn = (BatchNorm) net.layers().get(1);
        double[] runningBefore = bn.runningMean().clone();
        EpochStats e = new GradientMonitor(net, x, ROWS, t, Loss.SOFTMAX_CE).atStart();
        assertArrayEquals(runningBefore, bn.runningMean(), "the probe pass must not move running statistics");
        LayerStats l = e.layers().getFirst();
        assertEquals("sigmoid+bn", l.activation());
        assertEquals(fdNorm(net, bn.beta(), x, t, Loss.SOFTMAX_CE), l.gradB(), 1e-7);
    }

    @Test
    void updateRatioAndBatchNormsFollowThePlainSgdRule() {
        Network net = Network.builder(IN).precision(Precision.F64).seed(7).dense(5).sigmoid().dense(3).build();
        double[] x = data(3);
        Targets t = Targets.labels(labels());
        GradientMonitor m = new GradientMonitor(net, x, ROWS, t, Loss.SOFTMAX_CE);
        m.atStart();
        double lr = 0.5;
        Tensor in = Tensor.of(Precision.F64, ROWS, IN, x);
        double[] expectedRatio = new double[2], expectedGrad = new double[2];
        for (int step = 0; step < 2; step++) {
            net.lossAndGradients(in, t, Loss.SOFTMAX_CE, Mode.TRAIN);
            Parameter w = ((Dense) net.layers().get(0)).weight();
            // w ← w − η g, so ‖Δw‖/‖w‖ = η‖g‖/‖w‖.
            expectedRatio[step] = lr * w.gradNorm() / w.valueNorm();
            expectedGrad[step] = w.gradNorm();
            m.beforeStep();
            Sgd.plain(WeightDecay.NONE).step(net.parameters(), lr);
            m.afterStep();
        }
        LayerStats l = m.endEpoch(1, 0.5).layers().getFirst();
        assertEquals((expectedRatio[0] + expectedRatio[1]) / 2, l.updateRatio(), 1e-12);
        assertEquals((expectedGrad[0] + expectedGrad[1]) / 2, l.batchGradW(), 1e-12);
        assertEquals(2, m.history().size());
    }

    @Test
    void saturationAndDeadUnitsAreSeen() {
        double[] x = data(4);
        Targets t = Targets.labels(labels());
        Network sig = Network.builder(IN).precision(Precision.F64).seed(1).dense(8).sigmoid().dense(8).sigmoid().dense(3).build();
        Network relu = Network.builder(IN).precision(Precision.F64).seed(1).dense(8).relu().dense(8).relu().dense(3).build();
        for (Network n : List.of(sig, relu)) {
            Dense d = (Dense) n.layers().get(0);
            for (int i = 0; i < d.weight().size(); i++) d.weight().value().set(i, d.weight().value().get(i) * 1000);
            if (n == relu) for (int i = 0; i < 8; i++) d.bias().value().set(i, i < 4 ? -1e6 : d.bias().value().get(i));
        }
        LayerStats s = new GradientMonitor(sig, x, ROWS, t, Loss.SOFTMAX_CE).atStart().layers().getFirst();
        assertTrue(s.saturated() > 0.9, "saturated " + s.saturated());
        assertTrue(Double.isNaN(s.dead()));
        LayerStats r = new GradientMonitor(relu, x, ROWS, t, Loss.SOFTMAX_CE).atStart().layers().getFirst();
        assertTrue(r.dead() >= 0.5, "dead " + r.dead()); // the four units with bias −1e6 never fire
        assertTrue(Double.isNaN(r.saturated()));
        assertEquals(ActivationStats.HISTOGRAM_BINS, r.histogram().length);
    }

    @Test
    void monitoringDoesNotChangeTrainingAndRecordsEveryEpoch() {
        double[] x = data(6);
        Examples ex = Examples.ofLabels(x, ROWS, IN, labels());
        TrainingConfig cfg = TrainingConfig.of(3, 8, 0.3, 11);
        Network a = Network.builder(IN).seed(9).dense(5, false).batchNorm().sigmoid().dense(3).build();
        Network b = Network.builder(IN).seed(9).dense(5, false).batchNorm().sigmoid().dense(3).build();
        GradientMonitor m = new GradientMonitor(10);
        NetworkTrainer.train(a, Loss.SOFTMAX_CE, Sgd.plain(WeightDecay.NONE), cfg, ex, ex, m);
        NetworkTrainer.train(b, Loss.SOFTMAX_CE, Sgd.plain(WeightDecay.NONE), cfg, ex, ex);
        for (int i = 0; i < a.parameters().size(); i++) {
            assertArrayEquals(b.parameters().get(i).valuesAsDouble(), a.parameters().get(i).valuesAsDouble(), 0.0);
        }
        assertArrayEquals(((BatchNorm) b.layers().get(1)).runningVar(), ((BatchNorm) a.layers().get(1)).runningVar(), 0.0);
        List<EpochStats> h = m.history();
        assertEquals(List.of(0, 1, 2, 3), h.stream().map(EpochStats::epoch).toList());
        assertTrue(Double.isFinite(h.getLast().testAccuracy()));
        assertTrue(Double.isFinite(h.getLast().layers().getFirst().updateRatio()));
        assertEquals(h.size(), m.historyJson().size());
    }
}
