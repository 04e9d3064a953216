package org.sigmoid4j.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sigmoid4j.data.LabelMapping;
import org.sigmoid4j.eval.BinaryMetrics;
import org.sigmoid4j.eval.MulticlassMetrics;
import org.sigmoid4j.eval.Thresholds;

/** Evaluation of class probabilities with the library's metrics, and their text form. */
final class Metrics {
    private Metrics() {}

    /** {@code proba}: n × k row-major; binary models are judged at {@code threshold}. */
    static Map<String, Object> of(double[] proba, int[] y, int k, double threshold) {
        if (k == 2) {
            return BinaryMetrics.of(labels(y), positive(proba, y.length), threshold).toMap();
        }
        return MulticlassMetrics.of(y, proba, k).toMap();
    }

    /** The threshold on P(class 1) of a binary model that maximises F1 ("f1") or Youden's J ("youden") on these rows. */
    static double bestThreshold(String rule, double[] proba, int[] y) {
        double[] yy = labels(y);
        double[] p1 = positive(proba, y.length);
        return rule.equals("f1") ? Thresholds.maxF1(yy, p1) : Thresholds.youdenJ(yy, p1);
    }

    /** Class indices 0/1 as the library's binary metrics take them. */
    private static double[] labels(int[] y) {
        double[] yy = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            yy[i] = y[i];
        }
        return yy;
    }

    /** P(class 1) of each row of n × 2 probabilities. */
    private static double[] positive(double[] proba, int n) {
        double[] p1 = new double[n];
        for (int i = 0; i < n; i++) {
            p1[i] = proba[2 * i + 1];
        }
        return p1;
    }

    /** The metrics as an aligned table, the confusion matrix last. */
    static void print(PrintWriter o, Map<String, Object> e, LabelMapping labels) {
        for (var entry : e.entrySet()) {
            if (entry.getValue() instanceof Double v && !entry.getKey().equals("threshold")) {
                o.printf(Locale.ROOT, "  %-10s %.6f%n", entry.getKey(), v);
            } else if (entry.getValue() == null) {
                o.printf(Locale.ROOT, "  %-10s n/a (one class only)%n", entry.getKey());
            }
        }
        if (e.get("confusion_matrix") instanceof List<?> cm) {
            List<String> classes = labels.classes();
            int w = Math.max(8, classes.stream().mapToInt(String::length).max().orElse(1) + 2);
            o.println("  confusion matrix (rows: true class, columns: predicted):");
            StringBuilder head = new StringBuilder("  " + " ".repeat(w));
            for (String c : classes) {
                head.append(String.format(Locale.ROOT, "%" + w + "s", c));
            }
            o.println(head);
            for (int i = 0; i < cm.size(); i++) {
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %" + w + "s", classes.get(i)));
                for (Object v : (List<?>) cm.get(i)) {
                    row.append(String.format(Locale.ROOT, "%" + w + "s", v));
                }
                o.println(row);
            }
        }
    }
}
