package org.sigmoid4j.eval;

import java.util.Arrays;

/**
 * Decision thresholds chosen on data. Candidates are the midpoints between consecutive distinct
 * scores (and the ends), so the returned t separates the rows exactly as "predict 1 when p &gt; t"
 * does at the optimum; ties between candidates go to the one closest to 0.5.
 */
public final class Thresholds {

    private Thresholds() {}

    /** The threshold that maximises F1 = 2tp/(2tp+fp+fn). */
    public static double maxF1(double[] y, double[] p) {
        return best(y, p, true);
    }

    /** The threshold that maximises Youden's J = sensitivity + specificity − 1. */
    public static double youdenJ(double[] y, double[] p) {
        return best(y, p, false);
    }

    private static double best(double[] y, double[] p, boolean f1) {
        if (y.length != p.length || y.length == 0) {
            throw new IllegalArgumentException("need the same positive number of labels and scores");
        }
        int n = y.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(p[b], p[a])); // descending
        long pos = 0;
        for (double v : y) {
            pos += v == 1 ? 1 : 0;
        }
        long neg = n - pos;
        if (pos == 0 || neg == 0) {
            throw new IllegalArgumentException("choosing a threshold needs both classes among the labels");
        }
        // threshold above the top score: nothing predicted positive
        double bestScore = f1 ? 0 : 0;
        double bestT = Math.min(1, Math.nextUp(p[idx[0]]));
        long tp = 0, fp = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && p[idx[j + 1]] == p[idx[i]]) {
                j++;
            }
            for (int k = i; k <= j; k++) {
                if (y[idx[k]] == 1) tp++; else fp++;
            }
            double lower = j + 1 < n ? p[idx[j + 1]] : Math.max(0, Math.nextDown(p[idx[j]]));
            double t = (p[idx[j]] + lower) / 2; // predicts 1 for exactly the rows so far
            long fn = pos - tp;
            double score = f1 ? 2.0 * tp / (2 * tp + fp + fn) : (double) tp / pos - (double) fp / neg;
            if (score > bestScore || (score == bestScore && Math.abs(t - 0.5) < Math.abs(bestT - 0.5))) {
                bestScore = score;
                bestT = t;
            }
            i = j + 1;
        }
        // a usable threshold on P(class 1) lies strictly inside (0, 1)
        return Math.min(Math.nextDown(1.0), Math.max(Double.MIN_VALUE, bestT));
    }
}
