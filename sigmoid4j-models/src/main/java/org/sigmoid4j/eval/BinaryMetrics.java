package org.sigmoid4j.eval;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Metrics of a binary classifier from labels y ∈ {0, 1} and P(class 1).
 *
 * <ul>
 *   <li>Labels at a threshold t: predicted 1 when p &gt; t (at 0.5 this is "logit &gt; 0").</li>
 *   <li>log-loss: mean of −[y·log p + (1−y)·log(1−p)] with p clamped to
 *       [{@link Double#MIN_VALUE}, 1] (and 1−p likewise), so it is always finite; exact when the
 *       logits are given ({@link #ofLogits}).</li>
 *   <li>Brier score: mean (p − y)².</li>
 *   <li>ROC AUC: the Mann–Whitney probability that a random positive scores above a random
 *       negative, ties counted ½.</li>
 *   <li>PR AUC: average precision, Σₖ (Rₖ − Rₖ₋₁)·Pₖ over the distinct score thresholds from high
 *       to low (as scikit-learn's average_precision_score).</li>
 *   <li>ROC AUC is NaN when only one class occurs, PR AUC when no positive occurs ({@link #toMap()}
 *       writes null for them).</li>
 *   <li>precision = tp/(tp+fp), recall = tp/(tp+fn), F1 = 2tp/(2tp+fp+fn); 0 when the
 *       denominator is 0.</li>
 * </ul>
 */
public record BinaryMetrics(int n, double threshold, double accuracy, double logLoss, double brier,
                            double rocAuc, double prAuc, double precision, double recall, double f1,
                            long truePositives, long falsePositives, long trueNegatives, long falseNegatives) {

    /** Metrics of probabilities {@code p} for labels {@code y} at threshold {@code threshold}. */
    public static BinaryMetrics of(double[] y, double[] p, double threshold) {
        check(y, p);
        int n = y.length;
        double ll = 0;
        double brier = 0;
        for (int i = 0; i < n; i++) {
            double pi = p[i];
            double q = y[i] == 1 ? pi : 1 - pi;
            ll -= Math.log(Math.max(q, Double.MIN_VALUE));
            double e = pi - y[i];
            brier += e * e;
        }
        return build(y, p, threshold, ll / n, brier / n);
    }

    /**
     * Metrics from logits z (P(class 1) = σ(z)); the log-loss is computed exactly in logit space
     * (softplus of the signed margin), even for confident predictions.
     */
    public static BinaryMetrics ofLogits(double[] y, double[] z, double threshold) {
        check(y, z);
        int n = y.length;
        double[] p = new double[n];
        double ll = 0;
        double brier = 0;
        for (int i = 0; i < n; i++) {
            p[i] = org.sigmoid4j.math.Logistic.sigmoid(z[i]);
            ll += org.sigmoid4j.math.Logistic.softplus(y[i] == 1 ? -z[i] : z[i]);
            double e = p[i] - y[i];
            brier += e * e;
        }
        return build(y, p, threshold, ll / n, brier / n);
    }

    private static BinaryMetrics build(double[] y, double[] p, double threshold, double logLoss, double brier) {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in [0, 1], got " + threshold);
        }
        long tp = 0, fp = 0, tn = 0, fn = 0;
        for (int i = 0; i < y.length; i++) {
            boolean pred = p[i] > threshold;
            if (y[i] == 1) {
                if (pred) tp++; else fn++;
            } else {
                if (pred) fp++; else tn++;
            }
        }
        int n = y.length;
        double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        double f1 = 2 * tp + fp + fn == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
        boolean both = tp + fn > 0 && fp + tn > 0;
        return new BinaryMetrics(n, threshold, (double) (tp + tn) / n, logLoss, brier,
                both ? rocAuc(y, p) : Double.NaN, tp + fn > 0 ? averagePrecision(y, p) : Double.NaN,
                precision, recall, f1, tp, fp, tn, fn);
    }

    /** ROC AUC with ties counted ½; throws if one class is absent. */
    public static double rocAuc(double[] y, double[] p) {
        check(y, p);
        Integer[] idx = order(p);
        int n = y.length;
        long pos = 0;
        for (double v : y) {
            pos += v == 1 ? 1 : 0;
        }
        long neg = n - pos;
        if (pos == 0 || neg == 0) {
            throw new IllegalArgumentException("ROC AUC needs both classes among the labels");
        }
        // ascending scores; average ranks over ties
        double rankSumPos = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && p[idx[j + 1]] == p[idx[i]]) {
                j++;
            }
            double avgRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (y[idx[k]] == 1) {
                    rankSumPos += avgRank;
                }
            }
            i = j + 1;
        }
        return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    /** Average precision (step-wise PR AUC), thresholds at the distinct scores. */
    public static double averagePrecision(double[] y, double[] p) {
        check(y, p);
        Integer[] idx = order(p);
        int n = y.length;
        long pos = 0;
        for (double v : y) {
            pos += v == 1 ? 1 : 0;
        }
        if (pos == 0) {
            throw new IllegalArgumentException("PR AUC needs at least one positive label");
        }
        double ap = 0;
        long tp = 0, seen = 0;
        double prevRecall = 0;
        int i = n - 1;
        while (i >= 0) {
            int j = i;
            while (j - 1 >= 0 && p[idx[j - 1]] == p[idx[i]]) {
                j--;
            }
            for (int k = j; k <= i; k++) {
                seen++;
                if (y[idx[k]] == 1) {
                    tp++;
                }
            }
            double recall = (double) tp / pos;
            double precision = (double) tp / seen;
            ap += (recall - prevRecall) * precision;
            prevRecall = recall;
            i = j - 1;
        }
        return ap;
    }

    /** Confusion matrix [[tn, fp], [fn, tp]] (rows = true class 0, 1; columns = predicted). */
    public long[][] confusionMatrix() {
        return new long[][] {{trueNegatives, falsePositives}, {falseNegatives, truePositives}};
    }

    /** JSON-able map of all metrics (snake_case keys). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", n);
        m.put("threshold", threshold);
        m.put("accuracy", accuracy);
        m.put("log_loss", logLoss);
        m.put("brier", brier);
        m.put("roc_auc", Double.isNaN(rocAuc) ? null : rocAuc);
        m.put("pr_auc", Double.isNaN(prAuc) ? null : prAuc);
        m.put("precision", precision);
        m.put("recall", recall);
        m.put("f1", f1);
        m.put("confusion_matrix", java.util.List.of(java.util.List.of(trueNegatives, falsePositives),
                java.util.List.of(falseNegatives, truePositives)));
        return m;
    }

    private static Integer[] order(double[] p) {
        Integer[] idx = new Integer[p.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(p[a], p[b]));
        return idx;
    }

    private static void check(double[] y, double[] p) {
        if (y.length != p.length) {
            throw new IllegalArgumentException(y.length + " labels but " + p.length + " scores");
        }
        if (y.length == 0) {
            throw new IllegalArgumentException("no rows to evaluate");
        }
        for (int i = 0; i < y.length; i++) {
            if (y[i] != 0 && y[i] != 1) {
                throw new IllegalArgumentException("label of row " + (i + 1) + " is " + y[i] + "; expected 0 or 1");
            }
            if (Double.isNaN(p[i])) {
                throw new IllegalArgumentException("score of row " + (i + 1) + " is NaN");
            }
        }
    }
}
