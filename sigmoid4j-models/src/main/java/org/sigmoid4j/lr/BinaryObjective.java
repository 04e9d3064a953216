package org.sigmoid4j.lr;

import org.sigmoid4j.internal.lr.LrKernels;
import org.sigmoid4j.math.Logistic;

/**
 * Binary logistic loss on row-major features: parameters θ = (b, w₁ … w_d), intercept first.
 * lossᵢ = softplus(zᵢ) − yᵢzᵢ = softplus(−zᵢ) for y = 1 and softplus(zᵢ) for y = 0, with
 * zᵢ = b + xᵢ·w: everything is computed from the signed margin in logit space, never from a
 * rounded probability, with the bulk softplus / sigmoid kernels.
 */
final class BinaryObjective extends Objective {

    private static final LrKernels K = LrKernels.get();

    /** Rows per inner block (the vector kernels run over blocks of margins). */
    static final int BLOCK = 256;
    /**
     * Rows per block of a subsample view: 800 KB at 100 features, a run long enough for the
     * hardware prefetcher (the subsample's passes took 10–15 % longer per row with 256-row blocks).
     */
    static final int VIEW_BLOCK = 1024;

    private final double[] x;
    /** Rows of this objective (of the view when {@code stride} > 1). */
    private final int n;
    /**
     * 1: all rows of x. k &gt; 1: a view of every k-th block of {@link #VIEW_BLOCK} rows (logical row r
     * is physical row {@link #physical}(r)), read in place: a warm-start subsample without a copy.
     */
    private final int stride;
    private final int d;
    private final double[] y;
    private final double[] s;
    private final double totalWeight;
    private final RowGroups groups;

    BinaryObjective(double[] x, int n, int d, double[] y, double[] weights, double c, double l2, double l1, int threads) {
        this(x, n, d, y, weights, c, l2, l1, threads, 1);
    }

    /**
     * @param n      rows of x (all of them, also for a view)
     * @param y      labels, exactly 0 or 1 (the fit checks them; the passes compute 1 − 2y)
     * @param stride 1, or k &gt; 1 for the view of blocks 0, k, 2k, … of {@link #VIEW_BLOCK} rows
     */
    BinaryObjective(double[] x, int n, int d, double[] y, double[] weights, double c, double l2, double l1, int threads,
                    int stride) {
        super(c, l2, l1);
        this.x = x;
        this.stride = stride;
        this.n = viewRows(n, stride);
        this.d = d;
        this.y = y;
        this.s = weights;
        double tw = weights == null ? this.n : 0;
        for (int i = 0; weights != null && i < this.n; i++) {
            tw += weights[physical(i)];
        }
        this.totalWeight = tw;
        this.groups = new RowGroups(this.n, d + 1, threads);
    }

    /** Rows in the view of every {@code stride}-th block of n rows. */
    static int viewRows(int n, int stride) {
        int rows = 0;
        for (int from = 0; from < n; from += stride * VIEW_BLOCK) {
            rows += Math.min(VIEW_BLOCK, n - from);
        }
        return rows;
    }

    private int physical(int row) {
        return stride == 1 ? row : (row / VIEW_BLOCK) * VIEW_BLOCK * stride + row % VIEW_BLOCK;
    }

    @Override
    int dim() {
        return d + 1;
    }

    @Override
    int rows() {
        return n;
    }

    @Override
    boolean penalised(int j) {
        return j > 0;
    }

    @Override
    double totalWeight() {
        return totalWeight;
    }

    @Override
    double compute(double[] t, double[] grad, double[] hess) {
        return compute(t, grad, hess, null);
    }

    /**
     * F and its gradient at {@code t}, and in the same pass over the data the gradient at θ = 0
     * (into {@code gradAtZero}): the reference norm of the relative stopping rule when a solver
     * starts away from zero. At θ = 0 every margin is 0, so the loss gradient of row i there is
     * sᵢ·(½ − yᵢ), known without a dot product.
     */
    double evaluateWithGradientAtZero(double[] t, double[] grad, double[] gradAtZero) {
        return checked(compute(t, grad, null, gradAtZero), grad);
    }

    private double compute(double[] t, double[] grad, double[] hess, double[] gradAtZero) {
        final int p = d + 1;
        double loss;
        if (gradAtZero == null) {
            loss = groups.sumPasses(p, grad, hess, (from, to, gp, hp) -> pass(t, from, to, gp, hp, false));
        } else {
            // both gradients in one buffer: [∇ at t | ∇ at 0]
            double[] both = new double[2 * p];
            loss = groups.sumPasses(2 * p, both, null, (from, to, gp, hp) -> pass(t, from, to, gp, hp, true));
            System.arraycopy(both, 0, grad, 0, p);
            for (int j = 0; j < p; j++) {
                gradAtZero[j] = c * both[p + j]; // the L2 term vanishes at 0
            }
        }
        double pen = 0;
        for (int j = 1; j < p; j++) {
            pen += t[j] * t[j];
        }
        double f = c * loss + 0.5 * l2 * pen;
        if (grad != null) {
            for (int j = 0; j < p; j++) {
                grad[j] = c * grad[j] + (j > 0 ? l2 * t[j] : 0);
            }
        }
        if (hess != null) {
            for (int j = 0; j < p; j++) {
                for (int k = j; k < p; k++) {
                    double v = c * hess[j * p + k] + (j == k && j > 0 ? l2 : 0);
                    hess[j * p + k] = v;
                    hess[k * p + j] = v;
                }
            }
        }
        return f;
    }

    /**
     * Loss over rows [from, to); gradient and upper-triangle Hessian of the loss added into gp, hp.
     *
     * <p>Per row, one exponential gives everything ({@link LrKernels#logistic}): with the signed
     * margin m (loss = softplus(m)) and e = exp(−|m|), softplus(m) = max(m, 0) + log1p(e),
     * |∂loss/∂z| = σ(m) and σ'(m) = e/(1+e)², to a few ulps. These are the functions of
     * {@link org.sigmoid4j.math.Logistic#softplus} and {@link org.sigmoid4j.math.Logistic#sigmoid},
     * fused (and vectorised) so that this memory-bound pass pays for one exponential per row.
     */
    private double pass(double[] t, int from, int to, double[] gp, double[] hp, boolean alsoAtZero) {
        final int p = d + 1;
        double[] m = new double[BLOCK];
        double[] sg = gp != null ? new double[BLOCK] : null;
        double[] sg0 = alsoAtZero ? new double[BLOCK] : null;
        double[] dd = hp != null ? new double[BLOCK] : null;
        double[] a = hp != null ? new double[4 * p] : null;
        double[] u4 = hp != null ? new double[4] : null;
        double loss = 0;
        final double b = t[0];
        for (int v0 = from; v0 < to; ) {
            int len = Math.min(BLOCK, to - v0);
            if (stride > 1) {
                len = Math.min(len, VIEW_BLOCK - v0 % VIEW_BLOCK); // stay inside one physical block
            }
            final int r0 = physical(v0);
            v0 += len;
            K.margins(x, r0 * d, len, d, t, 1, b, m, 0);
            // the kernel signs the margins: −1 for class 1, +1 for class 0 (1 − 2y, no branch: a
            // branch on shuffled labels mispredicts half the time)
            loss += K.logisticOfLabels(m, y, r0, s, r0, len, sg, dd);
            if (sg != null) {
                gp[0] += sum4(sg, len);
            }
            if (alsoAtZero) {
                for (int i = 0; i < len; i++) {
                    // d loss/dz at z = 0: σ(0) − y = ½·sign = ½ − y, weighted
                    sg0[i] = (0.5 - y[r0 + i]) * (s == null ? 1.0 : s[r0 + i]);
                }
                gp[p] += sum4(sg0, len);
                K.accumulate2(sg, sg0, len, x, r0 * d, d, gp, 1, p + 1);
            } else if (sg != null) {
                K.accumulate(sg, 0, len, x, r0 * d, d, gp, 1);
            }
            if (hp != null) {
                int q = 0;
                for (int i = 0; i < len; i++) {
                    int row = r0 + i;
                    a[q * p] = 1.0;
                    System.arraycopy(x, row * d, a, q * p + 1, d);
                    u4[q] = dd[i];
                    if (++q == 4) {
                        K.rank4(hp, a, u4, p);
                        q = 0;
                    }
                }
                for (int i = 0; i < q; i++) {
                    rank1(hp, a, i * p, u4[i], p);
                }
            }
        }
        return loss;
    }

    /** Σ v[i], i &lt; len, in four interleaved partial sums (a fixed order: four short add chains, not one long one). */
    private static double sum4(double[] v, int len) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 4 <= len; i += 4) {
            s0 += v[i];
            s1 += v[i + 1];
            s2 += v[i + 2];
            s3 += v[i + 3];
        }
        for (; i < len; i++) {
            s0 += v[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    static void rank1(double[] h, double[] a, int off, double u, int p) {
        for (int j = 0; j < p; j++) {
            final double c0 = u * a[off + j];
            final int hj = j * p;
            for (int k = j; k < p; k++) {
                h[hj + k] += c0 * a[off + k];
            }
        }
    }

    @Override
    double batchLoss(double[] t, int[] idx, int from, int to, double[] grad) {
        double loss = 0;
        for (int q = from; q < to; q++) {
            int row = physical(idx[q]);
            double z = t[0] + K.dot(x, row * d, t, 1, d);
            double mg = y[row] != 0 ? -z : z;
            double wi = s == null ? 1.0 : s[row];
            loss += wi * Logistic.softplus(mg);
            double r = c * wi * (y[row] != 0 ? -Logistic.sigmoid(mg) : Logistic.sigmoid(mg));
            grad[0] += r;
            K.axpy(r, x, row * d, grad, 1, d);
        }
        return c * loss;
    }

    /** Linear predictors b + xᵢ·w of all rows. */
    double[] margins(double[] t) {
        double[] z = new double[n];
        groups.forEach(g -> {
            for (int i = groups.start(g); i < groups.end(g); i++) {
                z[i] = t[0] + K.dot(x, physical(i) * d, t, 1, d);
            }
        });
        return z;
    }

    @Override
    public void close() {
        groups.close();
    }
}
