package org.sigmoid4j.internal.lr;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;
import org.sigmoid4j.internal.kernel.KernelProvider;

/**
 * SIMD implementation through {@code jdk.incubator.vector}; loaded reflectively. Reductions add
 * the lanes one by one in lane order (never {@code reduceLanes}), so results do not depend on the
 * JIT tier.
 */
public final class PanamaLrKernels implements LrKernels {

    // static final, so that C2 treats the species as a constant (an instance field is not, and
    // then every vector operation falls back to slow boxed code)
    private static final int BITS = Math.max(64, Integer.getInteger(KernelProvider.VECTOR_BITS_PROPERTY,
            VectorShape.preferredShape().vectorBitSize()));
    private static final VectorSpecies<Double> sp = BITS >= 128
            ? DoubleVector.SPECIES_PREFERRED.withShape(VectorShape.forBitSize(BITS)) : null;
    private static final int lanes = sp == null ? 1 : sp.length();

    /** Scratch for the fixed-order lane sums, one per thread. */
    private static final ThreadLocal<double[]> SCRATCH = ThreadLocal.withInitial(() -> new double[64]);

    public PanamaLrKernels() {
        if (sp == null) {
            throw new UnsupportedOperationException("preferred vector size is " + BITS + " bits; need at least 128");
        }
    }

    @Override
    public double dot(double[] a, int aOff, double[] b, int bOff, int n) {
        int i = 0;
        DoubleVector acc0 = DoubleVector.zero(sp);
        DoubleVector acc1 = DoubleVector.zero(sp);
        for (int bound = n - 2 * lanes; i <= bound; i += 2 * lanes) {
            acc0 = DoubleVector.fromArray(sp, a, aOff + i).fma(DoubleVector.fromArray(sp, b, bOff + i), acc0);
            acc1 = DoubleVector.fromArray(sp, a, aOff + i + lanes).fma(DoubleVector.fromArray(sp, b, bOff + i + lanes), acc1);
        }
        for (int bound = n - lanes; i <= bound; i += lanes) {
            acc0 = DoubleVector.fromArray(sp, a, aOff + i).fma(DoubleVector.fromArray(sp, b, bOff + i), acc0);
        }
        double[] tmp = SCRATCH.get();
        acc0.add(acc1).intoArray(tmp, 0);
        double s = 0;
        for (int l = 0; l < lanes; l++) {
            s += tmp[l];
        }
        for (; i < n; i++) {
            s = Math.fma(a[aOff + i], b[bOff + i], s);
        }
        return s;
    }

    @Override
    public void margins(double[] x, int xOff, int rows, int d, double[] w, int wOff, double b, double[] out, int outOff) {
        double[] tmp = new double[lanes];
        for (int r = 0; r < rows; r++) {
            int ao = xOff + r * d;
            int i = 0;
            DoubleVector acc0 = DoubleVector.zero(sp);
            DoubleVector acc1 = DoubleVector.zero(sp);
            for (int bound = d - 2 * lanes; i <= bound; i += 2 * lanes) {
                acc0 = DoubleVector.fromArray(sp, x, ao + i).fma(DoubleVector.fromArray(sp, w, wOff + i), acc0);
                acc1 = DoubleVector.fromArray(sp, x, ao + i + lanes).fma(DoubleVector.fromArray(sp, w, wOff + i + lanes), acc1);
            }
            for (int bound = d - lanes; i <= bound; i += lanes) {
                acc0 = DoubleVector.fromArray(sp, x, ao + i).fma(DoubleVector.fromArray(sp, w, wOff + i), acc0);
            }
            acc0.add(acc1).intoArray(tmp, 0);
            double s = 0;
            for (int l = 0; l < lanes; l++) {
                s += tmp[l];
            }
            for (; i < d; i++) {
                s = Math.fma(x[ao + i], w[wOff + i], s);
            }
            out[outOff + r] = b + s;
        }
    }

    @Override
    public void axpy(double alpha, double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0;
        DoubleVector al = DoubleVector.broadcast(sp, alpha);
        for (int bound = n - lanes; i <= bound; i += lanes) {
            DoubleVector.fromArray(sp, x, xOff + i).fma(al, DoubleVector.fromArray(sp, y, yOff + i)).intoArray(y, yOff + i);
        }
        for (; i < n; i++) {
            y[yOff + i] = Math.fma(alpha, x[xOff + i], y[yOff + i]);
        }
    }

    @Override
    public void axpy4(double[] r, int rOff, double[] x, int xOff, int d, double[] y, int yOff) {
        DoubleVector r0 = DoubleVector.broadcast(sp, r[rOff]), r1 = DoubleVector.broadcast(sp, r[rOff + 1]);
        DoubleVector r2 = DoubleVector.broadcast(sp, r[rOff + 2]), r3 = DoubleVector.broadcast(sp, r[rOff + 3]);
        int o1 = xOff + d, o2 = xOff + 2 * d, o3 = xOff + 3 * d;
        int i = 0;
        for (int bound = d - lanes; i <= bound; i += lanes) {
            DoubleVector acc = DoubleVector.fromArray(sp, y, yOff + i);
            acc = DoubleVector.fromArray(sp, x, xOff + i).fma(r0, acc);
            acc = DoubleVector.fromArray(sp, x, o1 + i).fma(r1, acc);
            acc = DoubleVector.fromArray(sp, x, o2 + i).fma(r2, acc);
            acc = DoubleVector.fromArray(sp, x, o3 + i).fma(r3, acc);
            acc.intoArray(y, yOff + i);
        }
        for (; i < d; i++) {
            double acc = y[yOff + i];
            acc = Math.fma(x[xOff + i], r[rOff], acc);
            acc = Math.fma(x[o1 + i], r[rOff + 1], acc);
            acc = Math.fma(x[o2 + i], r[rOff + 2], acc);
            acc = Math.fma(x[o3 + i], r[rOff + 3], acc);
            y[yOff + i] = acc;
        }
    }

    @Override
    public void rank4(double[] h, double[] a, double[] u, int p) {
        final int o1 = p, o2 = 2 * p, o3 = 3 * p;
        for (int j = 0; j < p; j++) {
            final double c0 = u[0] * a[j], c1 = u[1] * a[o1 + j], c2 = u[2] * a[o2 + j], c3 = u[3] * a[o3 + j];
            DoubleVector v0 = DoubleVector.broadcast(sp, c0), v1 = DoubleVector.broadcast(sp, c1);
            DoubleVector v2 = DoubleVector.broadcast(sp, c2), v3 = DoubleVector.broadcast(sp, c3);
            final int hj = j * p;
            int k = j;
            for (int bound = p - lanes; k <= bound; k += lanes) {
                DoubleVector acc = DoubleVector.fromArray(sp, h, hj + k);
                acc = DoubleVector.fromArray(sp, a, k).fma(v0, acc);
                acc = DoubleVector.fromArray(sp, a, o1 + k).fma(v1, acc);
                acc = DoubleVector.fromArray(sp, a, o2 + k).fma(v2, acc);
                acc = DoubleVector.fromArray(sp, a, o3 + k).fma(v3, acc);
                acc.intoArray(h, hj + k);
            }
            for (; k < p; k++) {
                double acc = h[hj + k];
                acc = Math.fma(a[k], c0, acc);
                acc = Math.fma(a[o1 + k], c1, acc);
                acc = Math.fma(a[o2 + k], c2, acc);
                acc = Math.fma(a[o3 + k], c3, acc);
                h[hj + k] = acc;
            }
        }
    }

    @Override
    public String name() {
        return "panama-" + sp.vectorBitSize();
    }
}
