package org.sigmoid4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sigmoid4j.nn.Init;
import org.sigmoid4j.nn.Loss;
import org.sigmoid4j.nn.Network;
import org.sigmoid4j.nn.Parameter;
import org.sigmoid4j.nn.Precision;
import org.sigmoid4j.optim.Adam;
import org.sigmoid4j.optim.Optimizer;
import org.sigmoid4j.optim.Sgd;
import org.sigmoid4j.optim.WeightDecay;

/** Training end to end: learning on real data, reproducibility, listeners, early stopping. */
class NetworkTrainerTest {

    @Test
    void digitsAreLearnedWithASigmoidNetwork() throws IOException {
        TestData d = TestData.read("data/digits.csv", 16.0);
        int[] perm = d.permutation(1);
        Examples train = d.all().select(TestData.slice(perm, 0, 1400));
        Examples test = d.all().select(TestData.slice(perm, 1400, d.rows));
        Network net = Network.builder(64).seed(7).dense(32).sigmoid().dense(10).build();
        TrainingResult r = NetworkTrainer.train(net, Loss.SOFTMAX_CE, Sgd.plain(WeightDecay.NONE),
                TrainingConfig.of(30, 16, 0.5, 3), train, test);
        double acc = r.history().get(r.history().size() - 1).validationAccuracy();
        assertTrue(acc >= 0.93, "digits test accuracy " + acc);
        // The training loss went down a lot.
        assertTrue(r.history().get(29).trainLoss() < 0.3 * r.history().get(0).trainLoss(), r.history().toString());
    }

    @Test
    void spambaseIsLearnedByABinaryNetwork() throws IOException {
        TestData d = TestData.read("data/spambase.csv", 1.0);
        int[] perm = d.permutation(2);
        int[] trainRows = TestData.slice(perm, 0, 3600);
        d.standardize(trainRows);
        Examples train = d.all().select(trainRows);
        Examples test = d.all().select(TestData.slice(perm, 3600, d.rows));
        Network net = Network.builder(57).seed(5).weightInit(Init.HE).biasInit(Init.ZERO).dense(16).relu().dense(1).build();
        TrainingResult r = NetworkTrainer.train(net, Loss.BCE_LOGITS, new Adam(0.9, 0.999, 1e-8, WeightDecay.NONE),
                TrainingConfig.of(15, 32, 1e-3, 4), train, test);
        double acc = r.history().get(r.history().size() - 1).validationAccuracy();
        // Logistic regression reaches about 0.92-0.93 on Spambase; a small network a little more.
        assertTrue(acc >= 0.92, "spambase test accuracy " + acc);
    }

    private static List<double[]> weightsAfterTraining(int threads, long seed, Precision p) throws IOException {
        TestData d = TestData.read("data/digits.csv", 16.0);
        Network net = Network.builder(64).precision(p).seed(11).dense(128).tanh().dense(64).batchNorm().sigmoid().dropout(0.2).dense(10).build();
        TrainingConfig cfg = new TrainingConfig(2, 256, 0.1, null, seed, true, 0, threads);
        NetworkTrainer.train(net, Loss.SOFTMAX_CE, Sgd.momentum(0.9, true, WeightDecay.coupled(1e-4)), cfg, d.all(), null);
        List<double[]> out = new ArrayList<>();
        for (Parameter q : net.parameters()) out.add(q.valuesAsDouble());
        return out;
    }

    @Test
    void sameDataAndSeedGiveBitIdenticalWeightsWhateverTheThreadCount() throws IOException {
        for (Precision p : Precision.values()) {
            List<double[]> one = weightsAfterTraining(1, 21, p), two = weightsAfterTraining(2, 21, p), three = weightsAfterTraining(3, 21, p);
            for (int i = 0; i < one.size(); i++) {
                assertArrayEquals(one.get(i), two.get(i), "parameter " + i + " differs between 1 and 2 threads (" + p.id() + ")");
                assertArrayEquals(one.get(i), three.get(i), "parameter " + i + " differs between 1 and 3 threads (" + p.id() + ")");
            }
            // And the seed matters (shuffling and dropout masks).
            List<double[]> other = weightsAfterTraining(1, 22, p);
            assertFalse(Arrays.equals(one.get(0), other.get(0)));
        }
    }

    @Test
    void listenersSeeEveryStepInOrderAndProbeGradientsChangeNothing() throws IOException {
        TestData d = TestData.read("data/digits.csv", 16.0);
        Examples all = d.all();
        Examples probe = all.select(TestData.slice(d.permutation(3), 0, 200));
        Network net = Network.builder(64).seed(1).dense(16).sigmoid().dense(10).build();
        List<String> events = new ArrayList<>();
        TrainingListener l = new TrainingListener() {
            @Override public void onEpochStart(TrainingContext ctx, int epoch) { events.add("start" + epoch); }
            @Override public void onBatchGradients(TrainingContext ctx, BatchStats b) { events.add("g"); }
            @Override public void onBatchEnd(TrainingContext ctx, BatchStats b) { events.add("b"); }
            @Override public void onEpochEnd(TrainingContext ctx, EpochSummary s) {
                events.add("end" + s.epoch());
                List<double[]> before = new ArrayList<>();
                for (Parameter p : ctx.network().parameters()) {
                    before.add(p.valuesAsDouble());
                    before.add(p.gradsAsDouble());
                }
                Network.ProbeGradients g = ctx.probeGradients(probe);
                assertTrue(g.norm(0, "weight") > 0 && g.norm(2, "bias") > 0);
                int i = 0;
                for (Parameter p : ctx.network().parameters()) {
                    assertArrayEquals(before.get(i++), p.valuesAsDouble());
                    assertArrayEquals(before.get(i++), p.gradsAsDouble());
                }
                // Hidden layer buffers are visible: pre-activation and activation of the last batch.
                assertEquals(16, ctx.network().layers().get(1).lastInput().cols());
            }
        };
        NetworkTrainer.train(net, Loss.SOFTMAX_CE, Sgd.plain(WeightDecay.NONE), TrainingConfig.of(2, 600, 0.1, 1), all, null, l);
        // 1797 rows in batches of 600: 600, 600, 597.
        assertEquals(List.of("start0", "g", "b", "g", "b", "g", "b", "end0", "start1", "g", "b", "g", "b", "g", "b", "end1"), events);
    }

    @Test
    void earlyStoppingRestoresTheBestEpoch() throws IOException {
        TestData d = TestData.read("data/digits.csv", 16.0);
        int[] perm = d.permutation(4);
        Examples train = d.all().select(TestData.slice(perm, 0, 100));
        Examples valid = d.all().select(TestData.slice(perm, 100, 400));
        // A large learning rate on 100 rows overfits fast: validation loss turns up.
        Network net = Network.builder(64).seed(2).dense(64).relu().dense(10).build();
        Optimizer adam = new Adam(0.9, 0.999, 1e-8, WeightDecay.NONE);
        TrainingResult r = NetworkTrainer.train(net, Loss.SOFTMAX_CE, adam,
                TrainingConfig.of(200, 10, 0.01, 1).withPatience(5), train, valid);
        assertTrue(r.stoppedEarly(), "expected early stopping, ran " + r.history().size());
        double best = r.history().stream().mapToDouble(EpochSummary::validationLoss).min().orElseThrow();
        assertEquals(best, r.history().get(r.bestEpoch()).validationLoss());
        assertEquals(best, NetworkTrainer.evaluate(net, Loss.SOFTMAX_CE, valid).loss(), 1e-6);
    }

    @Test
    void badConfigurationsAreRejectedWithClearMessages() {
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.of(0, 10, 0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.of(1, 10, -0.1, 1));
        Network net = Network.builder(3).dense(2).build();
        Examples ex = Examples.ofLabels(new double[8], 2, 4, new int[] {0, 1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NetworkTrainer.train(net, Loss.SOFTMAX_CE, Sgd.plain(null), TrainingConfig.of(1, 1, 0.1, 1), ex, null));
        assertTrue(e.getMessage().contains("4 features"), e.getMessage());
    }

    @Test
    void aDivergingRunStopsWithAClearMessageInsteadOfNaN() {
        double[] x = {1e30, -1e30, 2e30, 1e30};
        Examples ex = Examples.ofLabels(x, 2, 2, new int[] {0, 1});
        Network net = Network.builder(2).precision(Precision.F32).seed(1).dense(2).build();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> NetworkTrainer.train(net, Loss.SOFTMAX_CE, Sgd.plain(null), TrainingConfig.of(50, 2, 1e10, 1), ex, null));
        assertTrue(e.getMessage().contains("diverged"), e.getMessage());
    }
}
