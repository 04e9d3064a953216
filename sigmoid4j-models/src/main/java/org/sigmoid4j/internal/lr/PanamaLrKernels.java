package org.sigmoid4j.internal.lr;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
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

    private static final double LOG2E = 1.4426950408889634;
    private static final double LN2_HI = 6.93147180369123816490e-01; // 32 trailing zero bits
    private static final double LN2_LO = 1.90821492927058770002e-10;
    /** 1/k! for k = 13 … 0: Taylor polynomial of e^r on |r| ≤ ln2/2, error below 5e-18 relative. */
    private static final double[] EXP_C = {
        1.0 / 6227020800.0, 1.0 / 479001600.0, 1.0 / 39916800.0, 1.0 / 3628800.0, 1.0 / 362880.0,
        1.0 / 40320.0, 1.0 / 5040.0, 1.0 / 720.0, 1.0 / 120.0, 1.0 / 24.0, 1.0 / 6.0, 0.5, 1.0, 1.0};

    /**
     * Vector version of the default: e = exp(−|m|) by range reduction to r = x − k·ln2
     * (|r| ≤ ln2/2, two-part ln2) and a degree-13 Taylor polynomial, scaled by 2^k through the
     * exponent bits (e = 0 below −708, where it would be subnormal: the terms it feeds are then
     * below 1e-307); log1p(e) = 2·atanh(s), s = e/(2+e) ≤ 1/3, by its odd series to s³⁵.
     * Only lane-wise arithmetic (add, mul, fma, div, blend, bit casts), whose results the Vector
     * API defines exactly, so every JIT tier computes the same bits.
     */
    @Override
    public double logistic(double[] m, double[] sign, int off, double[] w, int wOff, int len, double[] r, double[] dd) {
        DoubleVector lossAcc = DoubleVector.zero(sp);
        int i = 0;
        for (int bound = len - lanes; i <= bound; i += lanes) {
            DoubleVector mv = DoubleVector.fromArray(sp, m, off + i);
            DoubleVector x = mv.abs().neg();
            DoubleVector k = x.mul(LOG2E);
            // round to nearest integer: add and subtract 1.5·2^52
            k = k.add(6755399441055744.0).sub(6755399441055744.0);
            DoubleVector rr = k.fma(DoubleVector.broadcast(sp, -LN2_HI), x);
            rr = k.fma(DoubleVector.broadcast(sp, -LN2_LO), rr);
            DoubleVector poly = DoubleVector.broadcast(sp, EXP_C[0]);
            for (int c = 1; c < EXP_C.length; c++) {
                poly = poly.fma(rr, DoubleVector.broadcast(sp, EXP_C[c]));
            }
            VectorMask<Double> tiny = x.compare(VectorOperators.LT, -708.0);
            DoubleVector kk = k.blend(0.0, tiny);
            LongVector bits = ((LongVector) kk.convert(VectorOperators.D2L, 0)).add(1023L).lanewise(VectorOperators.LSHL, 52);
            DoubleVector e = poly.mul(bits.reinterpretAsDoubles()).blend(0.0, tiny);
            DoubleVector u = e.add(1.0);
            // log1p(e) = 2 atanh(s), s = e / (2 + e)
            DoubleVector s = e.div(e.add(2.0));
            DoubleVector s2 = s.mul(s);
            DoubleVector series = DoubleVector.broadcast(sp, 1.0 / 35);
            for (int q = 33; q >= 1; q -= 2) {
                series = series.fma(s2, DoubleVector.broadcast(sp, 1.0 / q));
            }
            DoubleVector log1p = s.mul(series).mul(2.0);
            DoubleVector wv = w == null ? DoubleVector.broadcast(sp, 1.0) : DoubleVector.fromArray(sp, w, wOff + i);
            lossAcc = wv.fma(mv.max(0.0).add(log1p), lossAcc);
            if (r != null) {
                DoubleVector num = DoubleVector.broadcast(sp, 1.0).blend(e, mv.compare(VectorOperators.LT, 0.0));
                num.div(u).mul(wv).mul(DoubleVector.fromArray(sp, sign, off + i)).intoArray(r, off + i);
            }
            if (dd != null) {
                e.div(u.mul(u)).mul(wv).intoArray(dd, off + i);
            }
        }
        double[] tmp = new double[lanes];
        lossAcc.intoArray(tmp, 0);
        double loss = 0;
        for (int l = 0; l < lanes; l++) {
            loss += tmp[l];
        }
        if (i < len) {
            loss += LrKernels.super.logistic(m, sign, off + i, w, wOff + i, len - i, r, dd);
        }
        return loss;
    }

    /**
     * Four rows at a time (eight independent FMA chains instead of two, so the adds of one row
     * overlap the loads of the next), each row summed exactly as {@link #dot} sums it: the same
     * bits, whatever the grouping.
     */
    @Override
    public void margins(double[] x, int xOff, int rows, int d, double[] w, int wOff, double b, double[] out, int outOff) {
        double[] tmp = SCRATCH.get();
        int r = 0;
        for (; r + 4 <= rows; r += 4) {
            final int a = xOff + r * d, c1 = a + d, c2 = a + 2 * d, c3 = a + 3 * d;
            DoubleVector a0 = DoubleVector.zero(sp), a1 = a0, b0 = a0, b1 = a0, e0 = a0, e1 = a0, f0 = a0, f1 = a0;
            int i = 0;
            for (int bound = d - 2 * lanes; i <= bound; i += 2 * lanes) {
                DoubleVector w0 = DoubleVector.fromArray(sp, w, wOff + i);
                DoubleVector w1 = DoubleVector.fromArray(sp, w, wOff + i + lanes);
                a0 = DoubleVector.fromArray(sp, x, a + i).fma(w0, a0);
                a1 = DoubleVector.fromArray(sp, x, a + i + lanes).fma(w1, a1);
                b0 = DoubleVector.fromArray(sp, x, c1 + i).fma(w0, b0);
                b1 = DoubleVector.fromArray(sp, x, c1 + i + lanes).fma(w1, b1);
                e0 = DoubleVector.fromArray(sp, x, c2 + i).fma(w0, e0);
                e1 = DoubleVector.fromArray(sp, x, c2 + i + lanes).fma(w1, e1);
                f0 = DoubleVector.fromArray(sp, x, c3 + i).fma(w0, f0);
                f1 = DoubleVector.fromArray(sp, x, c3 + i + lanes).fma(w1, f1);
            }
            for (int bound = d - lanes; i <= bound; i += lanes) {
                DoubleVector w0 = DoubleVector.fromArray(sp, w, wOff + i);
                a0 = DoubleVector.fromArray(sp, x, a + i).fma(w0, a0);
                b0 = DoubleVector.fromArray(sp, x, c1 + i).fma(w0, b0);
                e0 = DoubleVector.fromArray(sp, x, c2 + i).fma(w0, e0);
                f0 = DoubleVector.fromArray(sp, x, c3 + i).fma(w0, f0);
            }
            a0.add(a1).intoArray(tmp, 0);
            b0.add(b1).intoArray(tmp, lanes);
            e0.add(e1).intoArray(tmp, 2 * lanes);
            f0.add(f1).intoArray(tmp, 3 * lanes);
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (int l = 0; l < lanes; l++) {
                s0 += tmp[l];
                s1 += tmp[lanes + l];
                s2 += tmp[2 * lanes + l];
                s3 += tmp[3 * lanes + l];
            }
            for (; i < d; i++) {
                double wi = w[wOff + i];
                s0 = Math.fma(x[a + i], wi, s0);
                s1 = Math.fma(x[c1 + i], wi, s1);
                s2 = Math.fma(x[c2 + i], wi, s2);
                s3 = Math.fma(x[c3 + i], wi, s3);
            }
            out[outOff + r] = b + s0;
            out[outOff + r + 1] = b + s1;
            out[outOff + r + 2] = b + s2;
            out[outOff + r + 3] = b + s3;
        }
        for (; r < rows; r++) {
            out[outOff + r] = b + dot(x, xOff + r * d, w, wOff, d);
        }
    }

    /** Both accumulations of four rows per step, x loaded once for the two. */
    @Override
    public void accumulate2(double[] r, double[] r2, int rows, double[] x, int xOff, int d, double[] g, int gOff, int g2Off) {
        int q = 0;
        for (; q + 4 <= rows; q += 4) {
            final int o0 = xOff + q * d, o1 = o0 + d, o2 = o0 + 2 * d, o3 = o0 + 3 * d;
            DoubleVector u0 = DoubleVector.broadcast(sp, r[q]), u1 = DoubleVector.broadcast(sp, r[q + 1]);
            DoubleVector u2 = DoubleVector.broadcast(sp, r[q + 2]), u3 = DoubleVector.broadcast(sp, r[q + 3]);
            DoubleVector v0 = DoubleVector.broadcast(sp, r2[q]), v1 = DoubleVector.broadcast(sp, r2[q + 1]);
            DoubleVector v2 = DoubleVector.broadcast(sp, r2[q + 2]), v3 = DoubleVector.broadcast(sp, r2[q + 3]);
            int i = 0;
            for (int bound = d - lanes; i <= bound; i += lanes) {
                DoubleVector x0 = DoubleVector.fromArray(sp, x, o0 + i), x1 = DoubleVector.fromArray(sp, x, o1 + i);
                DoubleVector x2 = DoubleVector.fromArray(sp, x, o2 + i), x3 = DoubleVector.fromArray(sp, x, o3 + i);
                x3.fma(u3, x2.fma(u2, x1.fma(u1, x0.fma(u0, DoubleVector.fromArray(sp, g, gOff + i))))).intoArray(g, gOff + i);
                x3.fma(v3, x2.fma(v2, x1.fma(v1, x0.fma(v0, DoubleVector.fromArray(sp, g, g2Off + i))))).intoArray(g, g2Off + i);
            }
            for (; i < d; i++) {
                double a = g[gOff + i], c = g[g2Off + i];
                a = Math.fma(x[o0 + i], r[q], a);
                c = Math.fma(x[o0 + i], r2[q], c);
                a = Math.fma(x[o1 + i], r[q + 1], a);
                c = Math.fma(x[o1 + i], r2[q + 1], c);
                a = Math.fma(x[o2 + i], r[q + 2], a);
                c = Math.fma(x[o2 + i], r2[q + 2], c);
                a = Math.fma(x[o3 + i], r[q + 3], a);
                c = Math.fma(x[o3 + i], r2[q + 3], c);
                g[gOff + i] = a;
                g[g2Off + i] = c;
            }
        }
        for (; q < rows; q++) {
            axpy(r[q], x, xOff + q * d, g, gOff, d);
            axpy(r2[q], x, xOff + q * d, g, g2Off, d);
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
