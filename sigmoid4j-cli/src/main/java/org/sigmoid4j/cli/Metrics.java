package org.sigmoid4j.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sigmoid4j.data.LabelMapping;
import org.sigmoid4j.eval.BinaryMetrics;
import org.sigmoid4j.eval.MulticlassMetrics;

/** Evaluation of class probabilities with the library's metrics, and their text form. */
final class Metrics {
    private Metrics() {}

    /** {@code proba}: n × k row-major; binary models are judged at {@code threshold}. */
    static Map<String, Object> of(double[] proba, int[] y, int k, double threshold) {
        if (k == 2) {
            double[] yy = new double[y.length];
            double[] p1 = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                yy[i] = y[i];
                p1[i] = proba[2 * i + 1];
            }
            return BinaryMetrics.of(yy, p1, threshold).toMap();
        }
        return MulticlassMetrics.of(y, proba, k).toMap();
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
