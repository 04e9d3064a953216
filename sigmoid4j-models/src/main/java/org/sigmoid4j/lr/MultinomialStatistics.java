package org.sigmoid4j.lr;

import java.util.ArrayList;
import java.util.List;

/**
 * The statistics behind {@link MultinomialSummary}: the Fisher information of the contrasts
 * γₖ = βₖ − β₀ (k = 1 … K−1, the baseline class 0 as in nnet::multinom), its aliased columns and
 * inverse. Per row with a = (1, xᵢ) and class probabilities π, block (k, l) of the information
 * gains sᵢ·(πₖ·[k = l] − πₖπₗ)·a·aᵀ.
 *
 * @param theta   the fitted K blocks of (intercept, coefficients), aliased contrasts moved onto
 *                the columns they combine (the fit is unchanged)
 * @param cov     the contrasts' covariance ((K−1)·p square, zero for aliased), or null
 * @param aliased null, or the contrasts not defined because of singularities
 */
record MultinomialStatistics(double[] theta, double[] cov, boolean[] aliased, int classes, int p) {

    /**
     * Above this many multiply-adds (rows × ((K−1)·(d+1))²) the information is not formed: the
     * single-threaded loop runs at about 1-2·10⁹ per second here, so the summary costs at most a
     * few seconds (600 × 10² takes well under a millisecond; 10,000 MNIST rows × 7,065 contrasts
     * would take hours).
     */
    static final double INFORMATION_BUDGET = 4e9;

    /**
     * @param mleExists false when separation was found or not ruled out: then there are no
     *                  standard errors, but aliased columns are still found (and shown as NA)
     */
    static MultinomialStatistics of(double[] x, int n, int d, int[] y, int classes, double[] s, double[] theta,
                                    boolean mleExists, List<String> warnings, List<String> names, List<String> classNames) {
        int p = d + 1;
        int q = (classes - 1) * p;
        if ((double) n * q * q > INFORMATION_BUDGET) {
            if (mleExists) {
                warnings.add("no standard errors: the information matrix of " + q + " contrasts over " + n
                        + " rows is too large to form here");
            }
            return new MultinomialStatistics(theta, null, null, classes, p);
        }
        // without a finite estimate the information at the fit is numerically singular (saturated
        // rows weigh nothing); which columns are aliased depends only on x, so ask at θ = 0
        double[] info = information(x, n, d, y, classes, s, mleExists ? theta : new double[theta.length]);
        boolean[] aliased = Linalg.aliased(info, q, LogisticRegression.ALIAS_TOLERANCE);
        double[] out = theta;
        if (aliased != null) {
            double[] gamma = new double[q];
            for (int k = 1; k < classes; k++) {
                for (int j = 0; j < p; j++) {
                    gamma[(k - 1) * p + j] = theta[k * p + j] - theta[j];
                }
            }
            gamma = LogisticRegression.moveAliased(gamma, info, aliased);
            out = theta.clone();
            for (int k = 1; k < classes; k++) {
                for (int j = 0; j < p; j++) {
                    out[k * p + j] = theta[j] + gamma[(k - 1) * p + j];
                }
            }
            List<String> which = new ArrayList<>();
            for (int j = 0; j < q; j++) {
                if (aliased[j]) {
                    which.add((j % p == 0 ? "(Intercept)" : names.get(j % p - 1)) + " (class " + classNames.get(1 + j / p) + ")");
                }
            }
            warnings.add(which.size() + " contrast" + (which.size() == 1 ? " is" : "s are")
                    + " not defined because of singularities (constant or linearly dependent features; R reports NA): "
                    + String.join(", ", which));
        }
        double[] cov = mleExists ? LogisticRegression.covariance(info, q, aliased) : null;
        if (mleExists && cov == null) {
            warnings.add("the Fisher information matrix is singular; no standard errors");
        }
        return new MultinomialStatistics(out, cov, aliased, classes, p);
    }

    /** The information of the contrasts at θ ((K−1)·p square, row-major). */
    static double[] information(double[] x, int n, int d, int[] y, int classes, double[] s, double[] theta) {
        int p = d + 1;
        int q = (classes - 1) * p;
        double[] h = new double[q * q];
        double[] a = new double[p];
        double[] outer = new double[p * p];
        double[] pi = new double[classes];
        for (int i = 0; i < n; i++) {
            double wi = s == null ? 1.0 : s[i];
            if (wi == 0) {
                continue;
            }
            a[0] = 1;
            System.arraycopy(x, i * d, a, 1, d);
            scores(x, i, d, theta, classes, pi);
            LogisticRegressionModel.softmaxInPlace(pi, 0, classes);
            for (int j = 0; j < p; j++) {
                for (int m = 0; m < p; m++) {
                    outer[j * p + m] = a[j] * a[m];
                }
            }
            for (int k = 1; k < classes; k++) {
                for (int l = 1; l < classes; l++) {
                    double c = wi * ((k == l ? pi[k] : 0) - pi[k] * pi[l]);
                    int base = (k - 1) * p * q + (l - 1) * p;
                    for (int j = 0; j < p; j++) {
                        for (int m = 0; m < p; m++) {
                            h[base + j * q + m] += c * outer[j * p + m];
                        }
                    }
                }
            }
        }
        return h;
    }

    /** z[k] = bₖ + xᵢ·wₖ for row i, k &lt; K (θ: K blocks of (intercept, d coefficients)). */
    static void scores(double[] x, int i, int d, double[] theta, int classes, double[] z) {
        int p = d + 1;
        for (int k = 0; k < classes; k++) {
            double v = theta[k * p];
            for (int j = 0; j < d; j++) {
                v += x[i * d + j] * theta[k * p + 1 + j];
            }
            z[k] = v;
        }
    }

    /** Standard errors of the contrasts on the original feature scale, or null. */
    double[] originalScaleErrors(double[][] std) {
        if (cov == null) {
            return null;
        }
        int q = (classes - 1) * p;
        double[] se = new double[q];
        for (int k = 1; k < classes; k++) {
            double[] block = LogisticRegression.originalScaleErrors(cov, q, (k - 1) * p, p, aliased, std);
            if (block == null) {
                return null;
            }
            System.arraycopy(block, 0, se, (k - 1) * p, p);
        }
        return se;
    }

    /** Contrasts βₖ − β₀, k = 1 … K−1, each on the original feature scale. */
    static double[] originalScaleContrasts(double[] theta, int classes, double[][] std) {
        int p = theta.length / classes;
        double[] out = new double[(classes - 1) * p];
        double[] block = new double[p];
        for (int k = 1; k < classes; k++) {
            for (int j = 0; j < p; j++) {
                block[j] = theta[k * p + j] - theta[j];
            }
            System.arraycopy(LogisticRegression.originalScale(block, std), 0, out, (k - 1) * p, p);
        }
        return out;
    }

    /** −2·Σₖ Wₖ·log(Wₖ/W): the deviance of class frequencies alone (weights W). */
    static double nullDeviance(int[] y, int classes, double[] s, int n) {
        double[] w = new double[classes];
        double total = 0;
        for (int i = 0; i < n; i++) {
            double wi = s == null ? 1.0 : s[i];
            w[y[i]] += wi;
            total += wi;
        }
        double ll = 0;
        for (double wk : w) {
            ll += wk > 0 ? wk * Math.log(wk / total) : 0;
        }
        return -2 * ll;
    }
}
