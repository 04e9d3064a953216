package org.sigmoid4j.internal.lr;

import org.sigmoid4j.internal.kernel.KernelProvider;

/**
 * The inner loops of logistic regression: dot products of a row with the coefficients, gradient
 * accumulation and the Hessian's rank-4 updates. Unlike a general-purpose dot, every
 * implementation here is <em>deterministic</em>: the same inputs give the same bits in the
 * interpreter and in every JIT tier (no {@code reduceLanes}, whose order the Vector API leaves
 * unspecified; lanes are added in a fixed order). That is what makes parallel fits bit-identical.
 *
 * <p>{@link #get()} returns the SIMD implementation when the Vector API is enabled (chosen by the
 * core's {@link KernelProvider#loadPanama} rule), the scalar one otherwise.
 */
public interface LrKernels {

    /** Σ a[aOff+i]·b[bOff+i], i &lt; n. */
    double dot(double[] a, int aOff, double[] b, int bOff, int n);

    /** y[yOff+i] += alpha·x[xOff+i], i &lt; n. */
    void axpy(double alpha, double[] x, int xOff, double[] y, int yOff, int n);

    /**
     * Upper triangle (k ≥ j) of H += Σ_{q&lt;4} u[q]·a_q·a_qᵀ, where a_q = a[q·p … q·p+p) and H is
     * p × p row-major.
     */
    void rank4(double[] h, double[] a, double[] u, int p);

    /**
     * out[outOff+i] = b + Σⱼ x[xOff+i·d+j]·w[wOff+j] for i &lt; rows: the linear predictors of a block
     * of rows. Each row's sum is in an order fixed by the row's position in x, never by the block
     * it is computed in (the default: as {@link #dot}; the SIMD kernels: on the lane grid).
     */
    default void margins(double[] x, int xOff, int rows, int d, double[] w, int wOff, double b, double[] out, int outOff) {
        for (int i = 0; i < rows; i++) {
            out[outOff + i] = b + dot(x, xOff + i * d, w, wOff, d);
        }
    }

    /**
     * g[gOff+j] += Σᵢ r[rOff+i]·x[xOff+i·d+j] for a block of rows, each sum in an order fixed by
     * the rows' positions in x and the block.
     */
    void accumulate(double[] r, int rOff, int rows, double[] x, int xOff, int d, double[] g, int gOff);

    /**
     * {@link #accumulate} of two residual vectors over the same rows at once (each row read once):
     * g[gOff+j] += Σᵢ r[i]·x[xOff+i·d+j] and g[g2Off+j] += Σᵢ r2[i]·x[xOff+i·d+j], i &lt; rows; each
     * sum in the same order as {@link #accumulate}.
     */
    default void accumulate2(double[] r, double[] r2, int rows, double[] x, int xOff, int d, double[] g, int gOff, int g2Off) {
        accumulate(r, 0, rows, x, xOff, d, g, gOff);
        accumulate(r2, 0, rows, x, xOff, d, g, g2Off);
    }

    /**
     * {@link #logistic} of a block of raw margins m[0 … len) (the linear predictors) of rows with
     * labels y[yOff …], 0 or 1: signᵢ = 1 − 2yᵢ is applied in the kernel (no separate pass over
     * the block); r and dd are indexed from 0, w from wOff. m may be overwritten.
     */
    default double logisticOfLabels(double[] m, double[] y, int yOff, double[] w, int wOff, int len, double[] r, double[] dd) {
        double[] sign = new double[len];
        for (int i = 0; i < len; i++) {
            sign[i] = 1.0 - 2.0 * y[yOff + i];
            m[i] *= sign[i];
        }
        return logistic(m, sign, 0, w, wOff, len, r, dd);
    }

    /**
     * The logistic terms of a block (indices off … off+len−1 of m, sign, r, dd; wOff … of w),
     * from signed margins m (loss = softplus(m)): returns
     * Σᵢ wᵢ·softplus(mᵢ); writes rᵢ = wᵢ·signᵢ·σ(mᵢ) (the loss gradient with respect to the linear
     * predictor, signᵢ = −1 for class 1) when {@code r} is not null, and ddᵢ = wᵢ·σ'(mᵢ) when
     * {@code dd} is not null. {@code w} null means weights 1. One exponential e = exp(−|m|) per row
     * gives everything: softplus(m) = max(m, 0) + log1p(e), σ(m) = 1/(1+e) or e/(1+e),
     * σ'(m) = e/(1+e)². Accurate to a few ulps; the default computes log1p(e) as log(u)·e/(u−1),
     * u = 1 + e (Goldberg).
     */
    default double logistic(double[] m, double[] sign, int off, double[] w, int wOff, int len, double[] r, double[] dd) {
        double loss = 0;
        for (int i = off; i < off + len; i++) {
            double mi = m[i];
            double e = Math.exp(-Math.abs(mi));
            double u = 1 + e;
            double log1p = u == 1 ? e : Math.log(u) * e / (u - 1);
            double wi = w == null ? 1.0 : w[wOff + i - off];
            loss += wi * (Math.max(mi, 0) + log1p);
            if (r != null) {
                r[i] = wi * sign[i] * ((mi >= 0 ? 1 : e) / u);
            }
            if (dd != null) {
                dd[i] = wi * (e / (u * u));
            }
        }
        return loss;
    }

    String name();

    static LrKernels get() {
        return Holder.INSTANCE;
    }

    final class Holder {
        private Holder() {}

        static final LrKernels INSTANCE = load();

        private static LrKernels load() {
            String[] why = new String[1];
            LrKernels k = KernelProvider.loadPanama("org.sigmoid4j.internal.lr.PanamaLrKernels", LrKernels.class, why);
            return k != null ? k : new ScalarLrKernels();
        }
    }
}
