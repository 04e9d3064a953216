package org.sigmoid4j.model.io;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sigmoid4j.math.Logistic;
import org.sigmoid4j.model.Classifier;
import org.sigmoid4j.model.ModelState;

/**
 * A fixed linear classifier for model-file and command-line tests (kind {@code "test-linear"}):
 * binary P(1) = σ(b + w·x), multinomial softmax(b_k + W_k·x). It exists so that the file format
 * and the commands are tested independently of any trainer; tests register it with
 * {@link #register()}.
 */
public final class TestLinear implements Classifier {
    public static final String KIND = "test-linear";

    private final int d;
    private final int k;
    /** Rows: one per score (1 for binary, k for multinomial); column 0 is the intercept. */
    private final double[] weights;

    public TestLinear(int d, int k, double[] weights) {
        int scores = k == 2 ? 1 : k;
        if (weights.length != scores * (d + 1)) {
            throw new IllegalArgumentException("expected " + scores * (d + 1) + " weights, got " + weights.length);
        }
        this.d = d;
        this.k = k;
        this.weights = weights.clone();
    }

    public static void register() {
        ModelKinds.register(KIND, TestLinear::fromState);
    }

    public static TestLinear fromState(ModelState s) {
        int d = ((Number) s.config().get("features")).intValue();
        int k = ((Number) s.config().get("classes")).intValue();
        return new TestLinear(d, k, s.arrays().get("weights"));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public int numFeatures() {
        return d;
    }

    @Override
    public int numClasses() {
        return k;
    }

    @Override
    public void predictProba(double[] x, int n, double[] out) {
        int scores = k == 2 ? 1 : k;
        double[] z = new double[scores];
        for (int i = 0; i < n; i++) {
            for (int s = 0; s < scores; s++) {
                double v = weights[s * (d + 1)];
                for (int j = 0; j < d; j++) {
                    v += weights[s * (d + 1) + 1 + j] * x[i * d + j];
                }
                z[s] = v;
            }
            if (k == 2) {
                out[2 * i + 1] = Logistic.sigmoid(z[0]);
                out[2 * i] = Logistic.sigmoid(-z[0]);
            } else {
                double max = Double.NEGATIVE_INFINITY;
                for (double v : z) {
                    max = Math.max(max, v);
                }
                double sum = 0;
                for (int s = 0; s < k; s++) {
                    sum += Math.exp(z[s] - max);
                }
                for (int s = 0; s < k; s++) {
                    out[i * k + s] = Math.exp(z[s] - max) / sum;
                }
            }
        }
    }

    @Override
    public ModelState state() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("features", d);
        config.put("classes", k);
        Map<String, double[]> arrays = new LinkedHashMap<>();
        arrays.put("weights", weights.clone());
        return new ModelState(KIND, config, arrays);
    }
}
