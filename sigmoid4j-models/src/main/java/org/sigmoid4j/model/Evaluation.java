package org.sigmoid4j.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Classification metrics of any {@link Classifier}'s probabilities against true classes, as an
 * ordered JSON-able map (what {@code sigmoid4j evaluate --json} prints and the model file keeps
 * as the held-out evaluation).
 *
 * <ul>
 *   <li>{@code accuracy}: fraction of predicted classes equal to the true class.
 *   <li>{@code log_loss}: mean of −log p(true class), with p clipped below at 1e-15 (as
 *       scikit-learn's {@code log_loss} did up to 1.5) so that a confident mistake costs 34.5, not ∞.
 *   <li>{@code brier}: binary: mean (p1 − y)²; multinomial: mean Σ_k (p_k − [y = k])².
 *   <li>Binary only: {@code roc_auc} (Mann–Whitney, ties count one half), {@code pr_auc} (average
 *       precision, the step-wise area as scikit-learn's {@code average_precision_score}),
 *       {@code precision}, {@code recall}, {@code f1} of class 1 at the model's threshold.
 *   <li>{@code confusion}: rows = true class, columns = predicted class, in class order.
 * </ul>
 */
public final class Evaluation {
    private Evaluation() {}

    /**
     * @param proba {@code n × k} row-major probabilities
     * @param predicted predicted class per row
     * @param y true class per row
     */
    public static Map<String, Object> of(double[] proba, int[] predicted, int[] y, int k) {
        int n = y.length;
        if (n == 0) {
            throw new IllegalArgumentException("no rows to evaluate");
        }
        long[][] confusion = new long[k][k];
        int correct = 0;
        double logLoss = 0;
        double brier = 0;
        for (int i = 0; i < n; i++) {
            confusion[y[i]][predicted[i]]++;
            if (y[i] == predicted[i]) {
                correct++;
            }
            logLoss -= Math.log(Math.max(1e-15, proba[i * k + y[i]]));
            if (k == 2) {
                double t = proba[i * 2 + 1] - y[i];
                brier += t * t;
            } else {
                for (int c = 0; c < k; c++) {
                    double t = proba[i * k + c] - (y[i] == c ? 1 : 0);
                    brier += t * t;
                }
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", n);
        m.put("accuracy", (double) correct / n);
        m.put("log_loss", logLoss / n);
        m.put("brier", brier / n);
        if (k == 2) {
            double[] p1 = new double[n];
            for (int i = 0; i < n; i++) {
                p1[i] = proba[2 * i + 1];
            }
            long tp = confusion[1][1];
            long fp = confusion[0][1];
            long fn = confusion[1][0];
            double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
            double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
            m.put("roc_auc", rocAuc(p1, y));
            m.put("pr_auc", averagePrecision(p1, y));
            m.put("precision", precision);
            m.put("recall", recall);
            m.put("f1", precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));
        }
        List<List<Long>> cm = new ArrayList<>();
        for (long[] row : confusion) {
            cm.add(Arrays.stream(row).boxed().toList());
        }
        m.put("confusion", cm);
        return m;
    }

    /** Area under the ROC curve: P(score of a positive > score of a negative), ties one half. NaN if one class is absent. */
    public static double rocAuc(double[] score, int[] y) {
        Integer[] order = sortedDescending(score);
        long pos = Arrays.stream(y).filter(v -> v == 1).count();
        long neg = y.length - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        // walk groups of tied scores from the lowest up, counting negatives below
        double sum = 0;
        long negBelow = 0;
        int i = order.length - 1;
        while (i >= 0) {
            int j = i;
            long p = 0;
            long q = 0;
            while (j >= 0 && score[order[j]] == score[order[i]]) {
                if (y[order[j]] == 1) {
                    p++;
                } else {
                    q++;
                }
                j--;
            }
            sum += p * (negBelow + 0.5 * q);
            negBelow += q;
            i = j;
        }
        return sum / ((double) pos * neg);
    }

    /** Average precision: Σ (R_k − R_{k−1}) P_k over distinct thresholds, highest first. NaN without positives. */
    public static double averagePrecision(double[] score, int[] y) {
        Integer[] order = sortedDescending(score);
        long pos = Arrays.stream(y).filter(v -> v == 1).count();
        if (pos == 0) {
            return Double.NaN;
        }
        double ap = 0;
        long tp = 0;
        long fp = 0;
        double lastRecall = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j < order.length && score[order[j]] == score[order[i]]) {
                if (y[order[j]] == 1) {
                    tp++;
                } else {
                    fp++;
                }
                j++;
            }
            double recall = (double) tp / pos;
            ap += (recall - lastRecall) * tp / (tp + fp);
            lastRecall = recall;
            i = j;
        }
        return ap;
    }

    private static Integer[] sortedDescending(double[] score) {
        Integer[] order = new Integer[score.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(score[b], score[a]));
        return order;
    }
}
