package org.sigmoid4j.experiments;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sigmoid4j.diagnostics.EpochStats;
import org.sigmoid4j.diagnostics.Json;
import org.sigmoid4j.diagnostics.LayerStats;
import org.sigmoid4j.report.ExperimentReport;
import org.sigmoid4j.testkit.SharedFiles;

/** The experiments, run small: their claims against the published values, and their JSON round trip. */
class ExperimentsTest {

    static Mnist mnist;

    @BeforeAll
    static void load() throws Exception {
        Path data = SharedFiles.resolve("data/mnist-10k.csv.gz");
        mnist = Mnist.load(data, Mnist.splitBeside(data));
    }

    @Test
    void nielsenInitialGradientsSitWithinTheSpreadOfTheBooksValues() {
        // Ten initialisations of each network on the first 1000 training rows; the book reports one.
        ExperimentResult r = NielsenExperiment.run(mnist, new NielsenExperiment.Options(0, 1000, 10, 0, "mnist"), s -> {});
        for (int ni = 0; ni < NielsenExperiment.NETWORKS.size(); ni++) {
            int hidden = NielsenExperiment.NETWORKS.get(ni).length - 2;
            double[] book = NielsenExperiment.BOOK.get(ni);
            final int n = ni;
            List<ExperimentResult.Run> runs = r.runs().stream().filter(x -> x.group().equals(r.runs().get(n * 10).group())).toList();
            assertEquals(10, runs.size());
            double previousMean = 0;
            for (int l = 0; l < hidden; l++) {
                final int layer = l;
                double[] v = runs.stream().mapToDouble(x -> x.history().getFirst().hidden().get(layer).gradB()).toArray();
                double mean = NielsenExperiment.mean(v), sd = NielsenExperiment.sd(v);
                assertTrue(Math.abs(book[l] - mean) <= 3 * sd, String.format("network %d layer %d: book %.4f, measured %.4f ± %.4f", ni, l, book[l], mean, sd));
                assertTrue(mean > previousMean, "the norms must grow towards the output");
                previousMean = mean;
            }
        }
        assertTrue(r.verdict().headline().startsWith("Vanishing gradients reproduced"), r.verdict().headline());
    }

    @Test
    void nielsenSmokeRunRoundTripsThroughJsonIntoAReport() {
        ExperimentResult r = NielsenExperiment.run(mnist, new NielsenExperiment.Options(3, 100, 2, 1, "mnist"), s -> {});
        assertEquals(6, r.runs().size());
        assertEquals(4, r.runs().getFirst().history().size()); // epochs 0..3
        assertEquals(1, r.runs().get(1).history().size()); // seed 2: initialisation only
        assertEquals(2, r.tables().size());
        String json = Json.write(r.toJson());
        ExperimentResult back = ExperimentResult.fromJson(Json.parse(json));
        assertEquals(json, Json.write(back.toJson()));
        assertTrue(ExperimentReport.of(back).chartCount() > 10);
    }

    @Test
    void activationsSmokeRunHasEveryVariantAndOptimizer() {
        Mnist small = mnist.firstTrain(256).firstTest(200);
        ExperimentResult r = ActivationsExperiment.run(small, new ActivationsExperiment.Options(1, 1, ActivationsExperiment.VARIANTS,
                ActivationsExperiment.OPTIMIZERS, "mnist"), s -> {});
        assertEquals(10, r.runs().size());
        for (ExperimentResult.Run run : r.runs()) {
            assertEquals(2, run.history().size(), run.name());
            assertEquals(7, run.history().getLast().layers().size(), run.name());
            assertTrue(Double.isFinite(run.history().getLast().testAccuracy()), run.name());
        }
        assertEquals(List.of("sigmoid", "tanh", "relu", "sigmoid+bn", "adaptive-sigmoid"),
                r.runs().get(0).history().isEmpty() ? List.of() : r.runs().subList(0, 5).stream().map(ExperimentResult.Run::variant).toList());
        assertEquals("sigmoid+bn", r.runs().get(3).history().getLast().layers().getFirst().activation());
        assertEquals("adaptive-sigmoid", r.runs().get(4).history().getLast().layers().getFirst().activation());
    }

    @Test
    void withSgdTheSigmoidStackStaysNearChanceWhileBatchNormLearns() {
        // One epoch on all 8000 training rows: the seed's claim, and the reason (per-layer gradient norms).
        ExperimentResult r = ActivationsExperiment.run(mnist, new ActivationsExperiment.Options(1, 1, List.of("sigmoid", "sigmoid+bn"),
                List.of("sgd"), "mnist"), s -> {});
        EpochStats sig = r.runs().get(0).history().getLast(), bn = r.runs().get(1).history().getLast();
        assertTrue(sig.testAccuracy() < 0.15, "sigmoid accuracy " + sig.testAccuracy());
        assertTrue(sig.gradientRatio() < 0.01, "sigmoid ratio " + sig.gradientRatio());
        assertEquals(0.0, sig.maxSaturated(), 0.01, "the sigmoid units are not saturated: saturation does not explain it");
        assertTrue(bn.testAccuracy() > 0.6, "sigmoid+bn accuracy " + bn.testAccuracy());
        assertTrue(bn.gradientRatio() > 0.1, "sigmoid+bn ratio " + bn.gradientRatio());
        assertTrue(r.verdict().headline().contains("sigmoid 0.") && r.verdict().headline().contains("near chance"), r.verdict().headline());
        assertTrue(r.runs().get(0).verdict().headline().contains("units are not saturated"), r.runs().get(0).verdict().headline());
        for (LayerStats l : sig.hidden()) assertEquals("sigmoid", l.activation());
    }
}
