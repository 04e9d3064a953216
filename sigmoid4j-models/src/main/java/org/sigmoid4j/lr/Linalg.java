package org.sigmoid4j.lr;

/** Small dense linear algebra on row-major symmetric matrices (Cholesky). */
final class Linalg {

    private Linalg() {}

    /**
     * In-place Cholesky factorisation A = L·Lᵀ of a symmetric p×p matrix (lower triangle of
     * {@code a} becomes L). Returns false if A is not numerically positive definite.
     */
    static boolean cholesky(double[] a, int p) {
        for (int j = 0; j < p; j++) {
            int rj = j * p;
            double s = a[rj + j];
            for (int k = 0; k < j; k++) {
                s -= a[rj + k] * a[rj + k];
            }
            if (!(s > 0) || !Double.isFinite(s)) {
                return false;
            }
            double ljj = Math.sqrt(s);
            a[rj + j] = ljj;
            for (int i = j + 1; i < p; i++) {
                int ri = i * p;
                double v = a[ri + j];
                for (int k = 0; k < j; k++) {
                    v -= a[ri + k] * a[rj + k];
                }
                a[ri + j] = v / ljj;
            }
        }
        return true;
    }

    /** Solves L·Lᵀ·x = b in place, given the factor from {@link #cholesky}. */
    static void choleskySolve(double[] l, int p, double[] b) {
        for (int i = 0; i < p; i++) {
            double v = b[i];
            int ri = i * p;
            for (int k = 0; k < i; k++) {
                v -= l[ri + k] * b[k];
            }
            b[i] = v / l[ri + i];
        }
        for (int i = p - 1; i >= 0; i--) {
            double v = b[i];
            for (int k = i + 1; k < p; k++) {
                v -= l[k * p + i] * b[k];
            }
            b[i] = v / l[i * p + i];
        }
    }

    /** The inverse of A from its Cholesky factor (full symmetric p×p result). */
    static double[] choleskyInverse(double[] l, int p) {
        double[] inv = new double[p * p];
        double[] col = new double[p];
        for (int j = 0; j < p; j++) {
            java.util.Arrays.fill(col, 0);
            col[j] = 1;
            choleskySolve(l, p, col);
            for (int i = 0; i < p; i++) {
                inv[i * p + j] = col[i];
            }
        }
        return inv;
    }
}
