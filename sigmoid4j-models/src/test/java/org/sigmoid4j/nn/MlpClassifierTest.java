package org.sigmoid4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sigmoid4j.diagnostics.Json;
import org.sigmoid4j.math.Logistic;
import org.sigmoid4j.model.ModelState;

class MlpClassifierTest {

    @Test
    void stateRoundTripsThroughJsonAndPredictsTheSame() {
        for (Precision p : Precision.values()) {
            Network net = Network.builder(5).precision(p).seed(3).dense(4, false).batchNorm().sigmoid()
                    .dense(4).adaptiveSigmoid(true).dense(3).prelu().dropout(0.1).dense(3).build();
            BatchNorm bn = (BatchNorm) net.layers().get(1);
            bn.setBuffer("running_mean", new double[] {0.1, -0.2, 0.3, 0.05});
            bn.setBuffer("running_var", new double[] {1.5, 0.7, 1.1, 0.9});
            MlpClassifier m = new MlpClassifier(net, Loss.SOFTMAX_CE, 3, Map.of("epochs", 3),
                    List.of(Map.of("epoch", 0, "train_loss", 1.2)));
            ModelState s = m.state();
            // The config survives a JSON round trip (what a model file does with it).
            @SuppressWarnings("unchecked")
            Map<String, Object> config = (Map<String, Object>) Json.parse(Json.write(s.config()));
            MlpClassifier back = MlpClassifier.fromState(new ModelState(s.kind(), config, new HashMap<>(s.arrays())));
            double[] x = new double[7 * 5];
            SplittableRandom rnd = new SplittableRandom(1);
            for (int i = 0; i < x.length; i++) x[i] = rnd.nextGaussian();
            double[] a = new double[21], b = new double[21];
            m.predictProba(x, 7, a);
            back.predictProba(x, 7, b);
            assertArrayEquals(a, b);
            for (int i = 0; i < 7; i++) assertEquals(1.0, a[3 * i] + a[3 * i + 1] + a[3 * i + 2], 1e-6);
            assertEquals(net.parameterCount(), back.network().parameterCount());
            assertTrue(back.describe().contains("total parameters: " + net.parameterCount()), back.describe());
        }
    }

    @Test
    void binaryNetworkGivesSigmoidProbabilities() {
        Network net = Network.builder(2).precision(Precision.F64).seed(1).dense(1).build();
        Dense d = (Dense) net.layers().get(0);
        d.weight().setValues(new double[] {1, -2});
        d.bias().setValues(new double[] {0.5});
        MlpClassifier m = new MlpClassifier(net, Loss.BCE_LOGITS, 2, Map.of(), List.of());
        double[] out = new double[2];
        m.predictProba(new double[] {3, 1}, 1, out);
        double p = Logistic.sigmoid(3 - 2 + 0.5);
        assertEquals(p, out[1], 1e-15);
        assertEquals(1 - p, out[0], 1e-15);
    }

    @Test
    void malformedStatesAreRejectedClearly() {
        Network net = Network.builder(2).seed(1).dense(3).build();
        ModelState s = new MlpClassifier(net, Loss.SOFTMAX_CE, 3, Map.of(), List.of()).state();
        Map<String, double[]> arrays = new HashMap<>(s.arrays());
        arrays.remove("layers.0.bias");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MlpClassifier.fromState(new ModelState("mlp", s.config(), arrays)));
        assertTrue(e.getMessage().contains("layers.0.bias"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MlpClassifier.fromState(new ModelState("logistic", s.config(), s.arrays())));
    }
}
