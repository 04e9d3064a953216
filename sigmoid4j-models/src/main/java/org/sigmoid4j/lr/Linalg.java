package org.sigmoid4j.lr;

/** Small dense linear algebra on row-major symmetric matrices (Cholesky). */
final class Linalg {

    private Linalg() {}

    /**
     * In-place Cholesky factorisation A = L·Lᵀ of a symmetric p×p matrix (lower triangle of
     * {@code a} becomes L). Returns false if A is not numerically positive definite.
     */
    static boolean cholesky(double[] a, int p) {
        return factor(a, p, 0, null);
    }

    /**
     * The in-order Cholesky loop of {@link #cholesky} and {@link #aliased}: with {@code skipped}
     * null, a non-positive pivot fails; otherwise a column whose remaining diagonal is at most
     * {@code tol} times its own diagonal is marked in {@code skipped} and left out of the factor.
     */
    private static boolean factor(double[] a, int p, double tol, boolean[] skipped) {
        for (int j = 0; j < p; j++) {
            int rj = j * p;
            double s = a[rj + j];
            for (int k = 0; k < j; k++) {
                s -= skipped != null && skipped[k] ? 0 : a[rj + k] * a[rj + k];
            }
            if (!(s > tol * a[rj + j]) || !Double.isFinite(s)) {
                if (skipped == null) {
                    return false;
                }
                skipped[j] = true;
                continue;
            }
            double ljj = Math.sqrt(s);
            a[rj + j] = ljj;
            for (int i = j + 1; i < p; i++) {
                int ri = i * p;
                double v = a[ri + j];
                for (int k = 0; k < j; k++) {
                    v -= skipped != null && skipped[k] ? 0 : a[ri + k] * a[rj + k];
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

    /**
     * The columns of a symmetric positive semi-definite p×p matrix (an information matrix AᵀWA) that
     * are numerically linear combinations of earlier columns, as R's glm finds them (its QR moves
     * such columns to the end and otherwise keeps the order): an in-order Cholesky factorisation
     * that leaves out every column whose remaining diagonal is at most {@code tol} times its own
     * diagonal. Null when no column is aliased. On the Gram matrix a remaining diagonal of
     * {@code tol}·aⱼⱼ is a residual norm of √tol relative to the column's norm.
     */
    static boolean[] aliased(double[] a, int p, double tol) {
        boolean[] out = new boolean[p];
        factor(a.clone(), p, tol, out);
        for (boolean b : out) {
            if (b) {
                return out;
            }
        }
        return null;
    }

    /** Indices j &lt; p that are not aliased (all of them when {@code aliased} is null), in order. */
    static int[] kept(boolean[] aliased, int p) {
        return java.util.stream.IntStream.range(0, p).filter(j -> aliased == null || !aliased[j]).toArray();
    }

    /** The rows and columns {@code kept} of the p×p matrix a, in order (q × q, q = kept.length). */
    static double[] submatrix(double[] a, int p, int[] kept) {
        int q = kept.length;
        double[] out = new double[q * q];
        for (int r = 0; r < q; r++) {
            for (int c = 0; c < q; c++) {
                out[r * q + c] = a[kept[r] * p + kept[c]];
            }
        }
        return out;
    }

    /** The inverse of {@link #submatrix}: the q × q matrix r placed at rows and columns {@code kept} of a zero p × p one. */
    static double[] embed(double[] r, int p, int[] kept) {
        int q = kept.length;
        double[] out = new double[p * p];
        for (int i = 0; i < q; i++) {
            for (int c = 0; c < q; c++) {
                out[kept[i] * p + kept[c]] = r[i * q + c];
            }
        }
        return out;
    }
}
