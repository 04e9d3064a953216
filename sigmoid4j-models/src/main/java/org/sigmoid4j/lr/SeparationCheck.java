package org.sigmoid4j.lr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Detects complete and quasi-complete separation in a binary problem by linear programming, as
 * Konis (2007, R package safeBinaryRegression) does: with aᵢ = ±(1, xᵢ) (sign + for class 1, on
 * standardised features),
 *
 * <ol>
 *   <li>maximise Σᵢ aᵢ·β subject to aᵢ·β ≥ 0 for all i and −1 ≤ βⱼ ≤ 1: a positive optimum
 *       means some hyperplane has every row on its class's side or on the plane, with some row
 *       strictly: separation, and no finite maximum-likelihood estimate;</li>
 *   <li>then maximise t subject to aᵢ·β ≥ t, −1 ≤ βⱼ ≤ 1, t ≤ 1: a positive optimum means
 *       complete separation (every row strictly on its side), otherwise it is quasi-complete.</li>
 * </ol>
 * Both are solved through their duals (p or p+1 equality rows, one column per row of data) by a
 * revised simplex method with an explicit basis inverse. The LP's β is a separating direction:
 * coefficients with a non-zero component diverge to ±∞ along it.
 */
final class SeparationCheck {

    private SeparationCheck() {}

    record Result(Separation separation, List<String> warnings) {}

    /** Rows with |z| above this are numerically saturated; a fit without them cannot be separated. */
    private static final double SATURATED = 15;

    static Result check(double[] x, int n, int d, double[] y, double[] s, double[] z, SolverResult fit, List<String> names) {
        List<String> warnings = new ArrayList<>();
        int numerically01 = 0;
        boolean saturated = false;
        for (int i = 0; i < n; i++) {
            if (s != null && s[i] == 0) {
                continue;
            }
            // R's binomial link clamps the logit to ±30 and then flags fitted values within
            // 10·eps of 0 or 1: exactly the rows with |z| > 30
            if (Math.abs(z[i]) > 30) {
                numerically01++;
            }
            saturated |= Math.abs(z[i]) > SATURATED;
        }
        if (fit.converged() && !saturated) {
            return new Result(Separation.NONE, warnings);
        }
        int p = d + 1;
        // standardised, signed rows (weight-0 rows do not enter the likelihood)
        double[][] std = Standardization.fit(x, n, d);
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (s == null || s[i] > 0) {
                m++;
            }
        }
        double[] a = new double[m * p];
        double amax = 0;
        for (int i = 0, r = 0; i < n; i++) {
            if (s != null && s[i] == 0) {
                continue;
            }
            double sign = y[i] != 0 ? 1 : -1;
            a[r * p] = sign;
            for (int j = 0; j < d; j++) {
                double v = sign * (x[i * d + j] - std[0][j]) / std[1][j];
                a[r * p + 1 + j] = v;
                amax = Math.max(amax, Math.abs(v));
            }
            r++;
        }
        amax = Math.max(amax, 1);
        List<String> columns = new ArrayList<>();
        columns.add("(Intercept)");
        columns.addAll(names);
        return byLinearProgram(a, m, p, amax, 1, columns, fit, warnings, numerically01);
    }

    /**
     * The two linear programs of the class comment on signed rows a (m × p, rows of one data row's
     * constraints consecutive, {@code perRow} of them: 1 for a binary fit, K−1 for a multinomial
     * one), {@code columns} naming the p unknowns.
     */
    private static Result byLinearProgram(double[] a, int m, int p, double amax, int perRow, List<String> columns,
                                          SolverResult fit, List<String> warnings, int numerically01) {
        double[] beta = new double[p];
        double sumMargins = maxSumMargins(a, m, p, beta);
        if (Double.isNaN(sumMargins)) {
            warnings.add("the separation check (linear program) did not finish; separation could not be ruled out");
            return new Result(fit.converged() ? Separation.NONE : Separation.NOT_CHECKED, addSaturation(warnings, numerically01));
        }
        double tolSum = 1e-7 * amax * Math.max(1, m) * 1e-3;
        if (!(sumMargins > tolSum)) {
            return new Result(Separation.NONE, addSaturation(warnings, numerically01));
        }
        double minMargin = maxMinMargin(a, m, p);
        boolean complete = minMargin > 1e-9 * amax;
        // a data row is strictly on its side when all its constraints are
        int strict = 0;
        for (int r = 0; r < m; r += perRow) {
            boolean all = true;
            for (int q = r; q < r + perRow; q++) {
                double mg = 0;
                for (int j = 0; j < p; j++) {
                    mg += a[q * p + j] * beta[j];
                }
                all &= mg > 1e-9 * amax;
            }
            strict += all ? 1 : 0;
        }
        // K classes: the common shift of all classes changes no margin, so it is not a direction
        double[] dir = perRow > 1 ? centred(beta, perRow + 1) : beta;
        List<String> diverging = largest(dir, columns);
        int nonzero = 0;
        for (double b : dir) {
            nonzero += Math.abs(b) > 1e-9 ? 1 : 0;
        }
        int rows = m / perRow;
        String kind = complete ? "complete separation" : "quasi-complete separation";
        String what;
        if (perRow == 1) {
            what = complete
                    ? "a hyperplane puts every row strictly on the side of its class"
                    : String.format(Locale.ROOT, "a hyperplane puts every row on the side of its class or on the plane "
                            + "(%d of %d rows strictly)", strict, rows);
        } else {
            what = complete
                    ? "some coefficients score every row's own class strictly above every other class"
                    : String.format(Locale.ROOT, "some coefficients score every row's own class at least as high as every "
                            + "other class (%d of %d rows strictly)", strict, rows);
        }
        warnings.add(String.format(Locale.ROOT,
                "%s: %s, so the maximum-likelihood estimate does not exist and the coefficients diverge "
                        + "(the reported ones are an arbitrary point on the way, and their standard errors are meaningless). "
                        + "Diverging along a separating direction (%d of %d coefficients%s): %s. "
                        + "Use a penalty (e.g. L2, --penalty l2) or remove the separating feature(s).",
                kind, what, nonzero, p, nonzero > diverging.size() ? ", largest shown" : "", String.join(", ", diverging)));
        return new Result(complete ? Separation.COMPLETE : Separation.QUASI_COMPLETE, addSaturation(warnings, numerically01));
    }

    /**
     * Multinomial fits (unpenalised), by a certificate rather than a linear program. Where the
     * fitted coefficients put every row of positive weight strictly in its own class (its score
     * above every other class's), they are themselves a separating direction: scaling them by
     * t → ∞ drives every row's loss, and so the total, to 0, so the maximum-likelihood estimate does
     * not exist (complete separation, Albert and Anderson 1984). An unpenalised fit on such data
     * ends there: its loss falls below log 2 per row long before the gradient is small.
     *
     * <p>Quasi-complete separation (some rows on a boundary between classes) has no such cheap
     * certificate. A fit with saturated rows that is not certified gets the linear programs of
     * {@link #check} with n·(K−1) constraints in K·(d+1) unknowns when that is small
     * ({@link #MULTINOMIAL_LP_BUDGET}); above it, it is reported as {@link Separation#NOT_CHECKED}
     * with a warning that separation could not be ruled out.
     *
     * @param theta the fitted parameters: K blocks of (intercept, d coefficients) on x as given
     */
    static Result checkMultinomial(double[] x, int n, int d, int[] y, int classes, double[] s, double[] theta,
                                   SolverResult fit, List<String> names, List<String> classNames) {
        List<String> warnings = new ArrayList<>();
        int p = d + 1;
        double[] z = new double[classes];
        int numerically01 = 0;
        int rows = 0;
        boolean saturated = false;
        boolean allStrict = true;
        for (int i = 0; i < n; i++) {
            if (s != null && s[i] == 0) {
                continue;
            }
            rows++;
            MultinomialStatistics.scores(x, i, d, theta, classes, z);
            double scale = 1;
            for (double v : z) {
                scale = Math.max(scale, Math.abs(v));
            }
            // log-odds of the row's own class against all others, and its margin over the best other
            double best = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                if (k != y[i]) {
                    best = Math.max(best, z[k]);
                }
            }
            double others = 0;
            for (int k = 0; k < classes; k++) {
                if (k != y[i]) {
                    others += Math.exp(z[k] - best);
                }
            }
            double logOdds = z[y[i]] - best - Math.log(others);
            numerically01 += Math.abs(logOdds) > 30 ? 1 : 0;
            saturated |= Math.abs(logOdds) > SATURATED;
            allStrict &= z[y[i]] - best > 1e-9 * scale;
        }
        if (rows > 0 && allStrict) {
            warnings.add(String.format(Locale.ROOT,
                    "complete separation: the fitted coefficients put every row strictly in its own class (%d rows), "
                            + "so scaling them up drives the loss towards 0: the maximum-likelihood estimate does not exist "
                            + "and the coefficients diverge (the reported ones are an arbitrary point on the way). "
                            + "Largest (centred over the classes): %s. "
                            + "Use a penalty (e.g. L2, --penalty l2) or fewer features.",
                    rows, String.join(", ", largest(centred(theta, classes), classColumns(classNames, names)))));
            return new Result(Separation.COMPLETE, addSaturation(warnings, numerically01));
        }
        if (!saturated) {
            return new Result(fit.converged() ? Separation.NONE : Separation.NOT_CHECKED, addSaturation(warnings, numerically01));
        }
        int m = rows * (classes - 1);
        if ((long) m * classes * p <= MULTINOMIAL_LP_BUDGET && classes * p <= MULTINOMIAL_LP_MAX_UNKNOWNS) {
            return multinomialLp(x, n, d, y, classes, s, m, fit, names, classNames, warnings, numerically01);
        }
        warnings.add("some rows are fitted with probabilities numerically 0 or 1 although not every row is in its own "
                + "class: quasi-complete separation (no finite maximum-likelihood estimate) could not be ruled out for a "
                + "multinomial fit; if the coefficients grow when the tolerance is tightened, use a penalty (e.g. --penalty l2)");
        return new Result(Separation.NOT_CHECKED, addSaturation(warnings, numerically01));
    }

    /**
     * Multinomial problems up to this many constraint-matrix entries (rows × (K−1) × K·(d+1)) get
     * the linear programs; above it the simplex's pricing over every constraint, each iteration,
     * would take seconds to minutes (digits: 1,437 × 9 × 650 = 8.4 million per iteration).
     */
    static final long MULTINOMIAL_LP_BUDGET = 500_000;
    /** ... and at most this many unknowns (the basis inverse is dense, unknowns²). */
    static final int MULTINOMIAL_LP_MAX_UNKNOWNS = 200;

    /**
     * The linear programs for K classes: one constraint per row i and class k ≠ yᵢ,
     * (x̃ᵢ, 1)·(β_{yᵢ} − β_k) ≥ 0, in the K·(d+1) unknowns β (standardised features); the softmax's
     * common shift leaves every constraint unchanged, so it does not create a false separation.
     */
    private static Result multinomialLp(double[] x, int n, int d, int[] y, int classes, double[] s, int m, SolverResult fit,
                                        List<String> names, List<String> classNames, List<String> warnings, int numerically01) {
        int p = d + 1;
        int q = classes * p;
        double[][] std = Standardization.fit(x, n, d);
        double[] a = new double[m * q];
        double amax = 1;
        double[] row = new double[p];
        int r = 0;
        for (int i = 0; i < n; i++) {
            if (s != null && s[i] == 0) {
                continue;
            }
            row[0] = 1;
            for (int j = 0; j < d; j++) {
                row[1 + j] = (x[i * d + j] - std[0][j]) / std[1][j];
                amax = Math.max(amax, Math.abs(row[1 + j]));
            }
            for (int k = 0; k < classes; k++) {
                if (k == y[i]) {
                    continue;
                }
                for (int j = 0; j < p; j++) {
                    a[r * q + y[i] * p + j] = row[j];
                    a[r * q + k * p + j] = -row[j];
                }
                r++;
            }
        }
        return byLinearProgram(a, m, q, amax, classes - 1, classColumns(classNames, names), fit, warnings, numerically01);
    }

    /** θ (K blocks of equal length) minus its mean over the classes, per coordinate: the softmax's common shift removed. */
    static double[] centred(double[] theta, int classes) {
        int block = theta.length / classes;
        double[] out = new double[theta.length];
        for (int j = 0; j < block; j++) {
            double mean = 0;
            for (int k = 0; k < classes; k++) {
                mean += theta[k * block + j];
            }
            mean /= classes;
            for (int k = 0; k < classes; k++) {
                out[k * block + j] = theta[k * block + j] - mean;
            }
        }
        return out;
    }

    /** Names of a multinomial fit's K·(d+1) parameters: "(Intercept) (class c)", "name (class c)". */
    private static List<String> classColumns(List<String> classes, List<String> names) {
        List<String> columns = new ArrayList<>();
        for (String c : classes) {
            columns.add("(Intercept) (class " + c + ")");
            for (String name : names) {
                columns.add(name + " (class " + c + ")");
            }
        }
        return columns;
    }

    /** The (at most 8) largest components of a diverging direction, as "name → ±∞". */
    private static List<String> largest(double[] dir, List<String> columns) {
        Integer[] order = new Integer[dir.length];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (u, v) -> Double.compare(Math.abs(dir[v]), Math.abs(dir[u])));
        List<String> out = new ArrayList<>();
        for (Integer j : order) {
            if (Math.abs(dir[j]) <= 1e-9 || out.size() >= 8) {
                break;
            }
            out.add(columns.get(j) + (dir[j] > 0 ? " → +∞" : " → −∞"));
        }
        return out;
    }

    private static List<String> addSaturation(List<String> warnings, int count) {
        if (count > 0) {
            warnings.add("fitted probabilities numerically 0 or 1 occurred for " + count
                    + " rows (as R's glm warns; without separation this does not invalidate the fit)");
        }
        return warnings;
    }

    /**
     * LP 1 through its dual: min Σⱼ(uⱼ + vⱼ) s.t. u − v − Σᵢ yᵢaᵢ = Σᵢ aᵢ, y, u, v ≥ 0.
     * Returns the optimum (= max Σᵢ aᵢ·β) and writes the optimal β (the simplex multipliers).
     */
    static double maxSumMargins(double[] a, int m, int p, double[] beta) {
        double[] rhs = new double[p];
        for (int r = 0; r < m; r++) {
            for (int j = 0; j < p; j++) {
                rhs[j] += a[r * p + j];
            }
        }
        Lp lp = new Lp(a, m, p, p, rhs, false);
        double v = lp.solve();
        if (!Double.isNaN(v)) {
            System.arraycopy(lp.pi, 0, beta, 0, p);
        }
        return v;
    }

    /** LP 2 through its dual: min Σ(uⱼ + vⱼ) + w s.t. u − v − Σᵢ yᵢaᵢ = 0, Σᵢ yᵢ + w = 1. */
    static double maxMinMargin(double[] a, int m, int p) {
        double[] rhs = new double[p + 1];
        rhs[p] = 1;
        Lp lp = new Lp(a, m, p, p + 1, rhs, true);
        return lp.solve();
    }

    /**
     * A small revised simplex for min cᵀx, Mx = rhs, x ≥ 0 where the columns of M are: for each
     * data row r, −a_r (and a 1 in the extra row when {@code withT}), cost 0; then uⱼ = eⱼ and
     * vⱼ = −eⱼ (j &lt; p), cost 1; then (withT) w = e_p, cost 1. Starts from the slack basis.
     */
    private static final class Lp {
        final double[] a;
        final int m, p, rows;
        final boolean withT;
        final double[] rhs;
        final int[] basis;
        final double[] binv;
        final double[] xb;
        final double[] pi;
        final int cols;

        Lp(double[] a, int m, int p, int rows, double[] rhs, boolean withT) {
            this.a = a;
            this.m = m;
            this.p = p;
            this.rows = rows;
            this.rhs = rhs;
            this.withT = withT;
            this.cols = m + 2 * p + (withT ? 1 : 0);
            this.basis = new int[rows];
            this.binv = new double[rows * rows];
            this.xb = new double[rows];
            this.pi = new double[rows];
            for (int j = 0; j < p; j++) {
                // u_j if rhs ≥ 0 else v_j, so that the start is feasible
                basis[j] = rhs[j] >= 0 ? m + j : m + p + j;
                binv[j * rows + j] = rhs[j] >= 0 ? 1 : -1;
                xb[j] = Math.abs(rhs[j]);
            }
            if (withT) {
                basis[p] = m + 2 * p;
                binv[p * rows + p] = 1;
                xb[p] = rhs[p];
            }
        }

        double cost(int k) {
            return k < m ? 0 : 1;
        }

        void column(int k, double[] out) {
            Arrays.fill(out, 0);
            if (k < m) {
                for (int j = 0; j < p; j++) {
                    out[j] = -a[k * p + j];
                }
                if (withT) {
                    out[p] = 1;
                }
            } else if (k < m + p) {
                out[k - m] = 1;
            } else if (k < m + 2 * p) {
                out[k - m - p] = -1;
            } else {
                out[p] = 1;
            }
        }

        double solve() {
            double[] col = new double[rows];
            double[] dir = new double[rows];
            int maxIter = 50 * (cols + rows) + 1000;
            int degenerate = 0;
            for (int it = 0; it < maxIter; it++) {
                if (it > 0 && it % 64 == 0 && !refactor()) {
                    return Double.NaN;
                }
                // simplex multipliers π = c_Bᵀ B⁻¹
                for (int j = 0; j < rows; j++) {
                    double v = 0;
                    for (int q = 0; q < rows; q++) {
                        v += cost(basis[q]) * binv[q * rows + j];
                    }
                    pi[j] = v;
                }
                boolean bland = degenerate > 50;
                int enter = -1;
                double best = -1e-11;
                for (int k = 0; k < cols; k++) {
                    double rc = cost(k) - reducedDot(k);
                    if (rc < best) {
                        enter = k;
                        if (bland) {
                            break;
                        }
                        best = rc;
                    }
                }
                if (enter < 0) {
                    double obj = 0;
                    for (int q = 0; q < rows; q++) {
                        obj += cost(basis[q]) * xb[q];
                    }
                    return obj;
                }
                column(enter, col);
                for (int q = 0; q < rows; q++) {
                    double v = 0;
                    for (int j = 0; j < rows; j++) {
                        v += binv[q * rows + j] * col[j];
                    }
                    dir[q] = v;
                }
                int leave = -1;
                double ratio = Double.POSITIVE_INFINITY;
                for (int q = 0; q < rows; q++) {
                    if (dir[q] > 1e-12) {
                        double rt = xb[q] / dir[q];
                        if (rt < ratio - 1e-15 || (rt <= ratio + 1e-15 && leave >= 0 && basis[q] < basis[leave])) {
                            ratio = rt;
                            leave = q;
                        }
                    }
                }
                if (leave < 0) {
                    return Double.NaN; // unbounded: impossible for these LPs, so numerical trouble
                }
                degenerate = ratio <= 1e-15 ? degenerate + 1 : 0;
                // pivot
                double piv = dir[leave];
                for (int q = 0; q < rows; q++) {
                    xb[q] -= ratio * dir[q];
                }
                xb[leave] = ratio;
                for (int j = 0; j < rows; j++) {
                    binv[leave * rows + j] /= piv;
                }
                for (int q = 0; q < rows; q++) {
                    if (q != leave && dir[q] != 0) {
                        double f = dir[q];
                        for (int j = 0; j < rows; j++) {
                            binv[q * rows + j] -= f * binv[leave * rows + j];
                        }
                    }
                }
                basis[leave] = enter;
                for (int q = 0; q < rows; q++) {
                    if (xb[q] < 0 && xb[q] > -1e-12) {
                        xb[q] = 0;
                    }
                }
            }
            return Double.NaN;
        }

        /** π·column(k) without materialising the column. */
        private double reducedDot(int k) {
            if (k < m) {
                double v = 0;
                for (int j = 0; j < p; j++) {
                    v -= pi[j] * a[k * p + j];
                }
                return withT ? v + pi[p] : v;
            } else if (k < m + p) {
                return pi[k - m];
            } else if (k < m + 2 * p) {
                return -pi[k - m - p];
            }
            return pi[p];
        }

        /** Recomputes B⁻¹ and x_B from the basis (Gauss–Jordan with partial pivoting). */
        private boolean refactor() {
            double[] bm = new double[rows * rows];
            double[] col = new double[rows];
            for (int q = 0; q < rows; q++) {
                column(basis[q], col);
                for (int j = 0; j < rows; j++) {
                    bm[j * rows + q] = col[j];
                }
            }
            double[] inv = new double[rows * rows];
            for (int j = 0; j < rows; j++) {
                inv[j * rows + j] = 1;
            }
            for (int c = 0; c < rows; c++) {
                int piv = c;
                for (int r = c + 1; r < rows; r++) {
                    if (Math.abs(bm[r * rows + c]) > Math.abs(bm[piv * rows + c])) {
                        piv = r;
                    }
                }
                if (Math.abs(bm[piv * rows + c]) < 1e-300) {
                    return false;
                }
                if (piv != c) {
                    for (int j = 0; j < rows; j++) {
                        double t = bm[c * rows + j];
                        bm[c * rows + j] = bm[piv * rows + j];
                        bm[piv * rows + j] = t;
                        t = inv[c * rows + j];
                        inv[c * rows + j] = inv[piv * rows + j];
                        inv[piv * rows + j] = t;
                    }
                }
                double f = bm[c * rows + c];
                for (int j = 0; j < rows; j++) {
                    bm[c * rows + j] /= f;
                    inv[c * rows + j] /= f;
                }
                for (int r = 0; r < rows; r++) {
                    if (r != c && bm[r * rows + c] != 0) {
                        double g = bm[r * rows + c];
                        for (int j = 0; j < rows; j++) {
                            bm[r * rows + j] -= g * bm[c * rows + j];
                            inv[r * rows + j] -= g * inv[c * rows + j];
                        }
                    }
                }
            }
            System.arraycopy(inv, 0, binv, 0, rows * rows);
            for (int q = 0; q < rows; q++) {
                double v = 0;
                for (int j = 0; j < rows; j++) {
                    v += binv[q * rows + j] * rhs[j];
                }
                xb[q] = Math.max(0, v);
            }
            return true;
        }
    }
}
