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
