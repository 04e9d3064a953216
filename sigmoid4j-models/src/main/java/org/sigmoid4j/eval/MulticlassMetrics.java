package org.sigmoid4j.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Metrics of a K-class classifier from labels 0 … K−1 and row-major probabilities (n × K):
 * accuracy of the arg-max class (lowest index on ties), mean log-loss −log p_y (p clamped to
 * ≥ {@link Double#MIN_VALUE}, so finite) and the confusion matrix (rows = true class).
 */
public record MulticlassMetrics(int n, int classes, double accuracy, double logLoss, long[][] confusionMatrix) {

    public static MulticlassMetrics of(int[] y, double[] proba, int classes) {
        int n = y.length;
        if (n == 0 || proba.length != (long) n * classes) {
            throw new IllegalArgumentException("need n labels and n × " + classes + " probabilities");
        }
        long[][] cm = new long[classes][classes];
        double ll = 0;
        long correct = 0;
        for (int i = 0; i < n; i++) {
            if (y[i] < 0 || y[i] >= classes) {
                throw new IllegalArgumentException("label of row " + (i + 1) + " is " + y[i]);
            }
            int best = 0;
            for (int q = 1; q < classes; q++) {
                if (proba[i * classes + q] > proba[i * classes + best]) {
                    best = q;
                }
            }
            cm[y[i]][best]++;
            correct += best == y[i] ? 1 : 0;
            ll -= Math.log(Math.max(proba[i * classes + y[i]], Double.MIN_VALUE));
        }
        return new MulticlassMetrics(n, classes, (double) correct / n, ll / n, cm);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", n);
        m.put("classes", classes);
        m.put("accuracy", accuracy);
        m.put("log_loss", logLoss);
        List<Object> rows = new ArrayList<>();
        for (long[] r : confusionMatrix) {
            List<Object> row = new ArrayList<>();
            for (long v : r) {
                row.add(v);
            }
            rows.add(row);
        }
        m.put("confusion_matrix", rows);
        return m;
    }
}
