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
     * below 1e-307); log1p(e) = 2·atanh(s), s = e/(2+e) ≤ 1/3, by its odd series to s³⁵. Both
     * polynomials are evaluated as two Horner chains in the square of their variable (even and
     * odd terms), half as long a dependency chain as one Horner scheme: 1.72 → 1.50 ns per row in
     * a hot loop, results within 2 ulps of the single chain.
     * Only lane-wise arithmetic (add, mul, fma, div, blend, bit casts), whose results the Vector
     * API defines exactly, so every JIT tier computes the same bits.
     */
    @Override
    public double logistic(double[] m, double[] sign, int off, double[] w, int wOff, int len, double[] r, double[] dd) {
        return logisticTerms(m, sign, null, off, w, wOff, len, r, dd);
    }

    @Override
    public double logisticOfLabels(double[] m, double[] y, int yOff, double[] w, int wOff, int len, double[] r, double[] dd) {
        return logisticTerms(m, null, y, yOff, w, wOff, len, r, dd);
    }

    /**
     * The logistic terms of m[0 …] (labels null: m signed already, signs sign[off …]; else m[0 …]
     * raw, signs 1 − 2·y[off …]) or of m[off …] when both sign and m are indexed by off.
     */
    private double logisticTerms(double[] m, double[] sign, double[] y, int off, double[] w, int wOff, int len,
                                 double[] r, double[] dd) {
        // with labels, m and r are indexed from 0 and y from off; with signs, all from off
        final int mOff = y == null ? off : 0;
        DoubleVector lossAcc = DoubleVector.zero(sp);
        int i = 0;
        for (int bound = len - lanes; i <= bound; i += lanes) {
            DoubleVector sv = y == null
                    ? DoubleVector.fromArray(sp, sign, off + i)
                    : DoubleVector.fromArray(sp, y, off + i).fma(-2.0, 1.0);
            DoubleVector mv = DoubleVector.fromArray(sp, m, mOff + i);
            if (y != null) {
                mv = mv.mul(sv);
            }
            DoubleVector x = mv.abs().neg();
            DoubleVector k = x.mul(LOG2E);
            // round to nearest integer: add and subtract 1.5·2^52
            k = k.add(6755399441055744.0).sub(6755399441055744.0);
            DoubleVector rr = k.fma(DoubleVector.broadcast(sp, -LN2_HI), x);
            rr = k.fma(DoubleVector.broadcast(sp, -LN2_LO), rr);
            // EXP_C[c] = 1/(13 − c)!: even powers from EXP_C[1] (r¹²), odd from EXP_C[0] (r¹³)
            DoubleVector r2 = rr.mul(rr);
            DoubleVector even = DoubleVector.broadcast(sp, EXP_C[1]);
            DoubleVector odd = DoubleVector.broadcast(sp, EXP_C[0]);
            for (int c = 3; c < EXP_C.length; c += 2) {
                even = even.fma(r2, DoubleVector.broadcast(sp, EXP_C[c]));
                odd = odd.fma(r2, DoubleVector.broadcast(sp, EXP_C[c - 1]));
            }
            DoubleVector poly = odd.fma(rr, even);
            VectorMask<Double> tiny = x.compare(VectorOperators.LT, -708.0);
            DoubleVector kk = k.blend(0.0, tiny);
            LongVector bits = ((LongVector) kk.convert(VectorOperators.D2L, 0)).add(1023L).lanewise(VectorOperators.LSHL, 52);
            DoubleVector e = poly.mul(bits.reinterpretAsDoubles()).blend(0.0, tiny);
            DoubleVector u = e.add(1.0);
            // log1p(e) = 2 atanh(s), s = e / (2 + e): 2s·Σ s^{2j}/(2j+1), j ≤ 17, as terms in
            // s⁴ of 1/(4j+1) plus s² times terms in s⁴ of 1/(4j+3)
            DoubleVector s = e.div(e.add(2.0));
            DoubleVector s2 = s.mul(s);
            DoubleVector s4 = s2.mul(s2);
            DoubleVector evenS = DoubleVector.broadcast(sp, 1.0 / 33);
            DoubleVector oddS = DoubleVector.broadcast(sp, 1.0 / 35);
            for (int q = 29; q >= 1; q -= 4) {
                evenS = evenS.fma(s4, DoubleVector.broadcast(sp, 1.0 / q));
                oddS = oddS.fma(s4, DoubleVector.broadcast(sp, 1.0 / (q + 2)));
            }
            DoubleVector series = oddS.fma(s2, evenS);
            DoubleVector log1p = s.mul(series).mul(2.0);
            DoubleVector wv = w == null ? DoubleVector.broadcast(sp, 1.0) : DoubleVector.fromArray(sp, w, wOff + i);
            lossAcc = wv.fma(mv.max(0.0).add(log1p), lossAcc);
            if (r != null) {
                DoubleVector num = DoubleVector.broadcast(sp, 1.0).blend(e, mv.compare(VectorOperators.LT, 0.0));
                num.div(u).mul(wv).mul(sv).intoArray(r, mOff + i);
            }
            if (dd != null) {
                e.div(u.mul(u)).mul(wv).intoArray(dd, mOff + i);
            }
        }
        double[] tmp = new double[lanes];
        lossAcc.intoArray(tmp, 0);
        double loss = 0;
        for (int l = 0; l < lanes; l++) {
            loss += tmp[l];
        }
        if (i < len) {
            loss += y == null
                    ? LrKernels.super.logistic(m, sign, off + i, w, wOff + i, len - i, r, dd)
                    : logisticTail(m, y, off, w, wOff, i, len, r, dd);
        }
        return loss;
    }

    /** The default's terms for rows i … len−1 of a labelled block (the scalar tail). */
    private double logisticTail(double[] m, double[] y, int yOff, double[] w, int wOff, int i, int len, double[] r,
                                double[] dd) {
        double[] sign = new double[len];
        for (int q = i; q < len; q++) {
            sign[q] = 1.0 - 2.0 * y[yOff + q];
            m[q] *= sign[q];
        }
        return LrKernels.super.logistic(m, sign, i, w, wOff + i, len - i, r, dd);
    }

    /*
     * Rows on the cache-line grid. A 512-bit load of a 100-double row at an arbitrary offset
     * straddles two cache lines, and on rows streamed from memory that costs as much as the
     * arithmetic (docs/DESIGN-NOTES.md: a pass over 1,000,000 × 100 took 44 ns/row on one core with
     * the old row-start loads and 37 with these, 32.5 → 22.5 on two). So both kernels load every
     * row in whole vectors of the global lane grid instead: element i of a double[] sits
     * 16 + 8·i bytes past the array's start (HotSpot's array header), and the large arrays this is
     * for start on a heap-region boundary (G1, ZGC and Shenandoah put them there), so element i is
     * at a vector boundary exactly when (i + ARRAY_HEADER_ELEMENTS) % lanes == 0. Elsewhere the
     * kernels are as exact and just lose the speed-up.
     *
     * A row a … a+d−1 then spans the vectors starting at a − lead, lead = (a + 2) % lanes, whose
     * first lead lanes belong to the row before and whose last lanes to the row after. The
     * margins multiply those lanes by zeros (a copy of w shifted by lead, zero outside the row);
     * the gradient accumulates them into lanes of a shifted accumulator that are never read.
     * (A non-finite neighbour makes the margin NaN, 0·∞; the fit then reports that value of x, as
     * it does for any non-finite feature.) Rows whose vectors would reach outside the array (the
     * first and last rows) are copied into a zero-padded buffer first, which gives the same sums.
     * Every row of a given lead is summed
     * in the same order whatever block it is in, and the fold of the accumulators into g is in a
     * fixed order, so results stay deterministic.
     */
    private static final int ARRAY_HEADER_ELEMENTS = 2;

    /** Lanes before element i in its grid vector. */
    private static int lead(int i) {
        return (i + ARRAY_HEADER_ELEMENTS) & (lanes - 1);
    }

    /** Grid vectors covering lead + d elements. */
    private static int vectors(int lead, int d) {
        return (lead + d + lanes - 1) / lanes;
    }

    /** Per-thread buffers of the grid kernels, grown on demand. */
    private static final class Grid {
        private static final int ACC = 0, ACC2 = 1, ROW = 2;
        private final double[][] buffers = {new double[0], new double[0], new double[0]};
        /** shifted[lead]: w placed at lead …, zero elsewhere. */
        final double[][] shifted = new double[lanes][];
        /** The shifted w of the rows of one margins call, by row index modulo the lead period. */
        final double[][] shiftedRows = new double[lanes][];

        double[] shiftedW(double[] w, int wOff, int d, int lead) {
            int len = vectors(lead, d) * lanes;
            double[] s = shifted[lead];
            if (s == null || s.length < len) {
                s = shifted[lead] = new double[len];
            }
            java.util.Arrays.fill(s, 0.0);
            System.arraycopy(w, wOff, s, lead, d);
            return s;
        }

        /** Buffer {@code which}, at least len long, its first len entries zero. */
        private double[] zeroed(int which, int len) {
            if (buffers[which].length < len) {
                buffers[which] = new double[len];
            }
            java.util.Arrays.fill(buffers[which], 0, len, 0.0);
            return buffers[which];
        }

        double[] acc(int len) {
            return zeroed(ACC, len);
        }

        double[] acc2(int len) {
            return zeroed(ACC2, len);
        }

        /** The row at a, placed at lead in a zeroed buffer of whole vectors (for rows at the array's ends). */
        double[] paddedRow(double[] x, int a, int d, int lead) {
            double[] row = zeroed(ROW, vectors(lead, d) * lanes);
            System.arraycopy(x, a, row, lead, d);
            return row;
        }
    }

    private static final ThreadLocal<Grid> GRID = ThreadLocal.withInitial(Grid::new);

    /** One row at a time, in the order the rows lie in memory (which the hardware prefetcher streams best). */
    @Override
    public void margins(double[] x, int xOff, int rows, int d, double[] w, int wOff, double b, double[] out, int outOff) {
        Grid grid = GRID.get();
        double[] tmp = SCRATCH.get();
        final int period = lanes / gcd(d, lanes);
        // rows q and q + period have the same lead, so the same shifted w
        final double[][] wOfPhase = grid.shiftedRows;
        for (int q = 0; q < Math.min(period, rows); q++) {
            wOfPhase[q] = grid.shiftedW(w, wOff, d, lead(xOff + q * d));
        }
        final int safeFrom = firstInside(xOff, d, rows);
        final int safeTo = endInside(xOff, d, rows, safeFrom, d, x.length);
        int ph = 0;
        for (int q = 0; q < rows; q++) {
            final int a = xOff + q * d;
            final int lead = lead(a);
            final int nv = vectors(lead, d);
            final double s = q >= safeFrom && q < safeTo
                    ? gridDot(x, a - lead, wOfPhase[ph], nv, tmp)
                    : gridDot(grid.paddedRow(x, a, d, lead), 0, wOfPhase[ph], nv, tmp);
            out[outOff + q] = b + s;
            if (++ph == period) {
                ph = 0;
            }
        }
    }

    /** Σ over nv whole vectors of src[v …]·ws[0 …], two accumulators, lanes added in order. */
    private static double gridDot(double[] src, int v, double[] ws, int nv, double[] tmp) {
        DoubleVector acc0 = DoubleVector.zero(sp);
        DoubleVector acc1 = acc0;
        final int end = v + nv * lanes;
        int e = 0;
        for (; v + 2 * lanes <= end; v += 2 * lanes, e += 2 * lanes) {
            acc0 = DoubleVector.fromArray(sp, src, v).fma(DoubleVector.fromArray(sp, ws, e), acc0);
            acc1 = DoubleVector.fromArray(sp, src, v + lanes).fma(DoubleVector.fromArray(sp, ws, e + lanes), acc1);
        }
        if (v < end) {
            acc0 = DoubleVector.fromArray(sp, src, v).fma(DoubleVector.fromArray(sp, ws, e), acc0);
        }
        acc0.add(acc1).intoArray(tmp, 0);
        double s = 0;
        for (int l = 0; l < lanes; l++) {
            s += tmp[l];
        }
        return s;
    }

    /** Of the rows at a0, a0 + step, … (count of them), the first whose grid vectors start inside the array. */
    private static int firstInside(int a0, int step, int count) {
        int i = 0;
        while (i < count && a0 + i * step - lead(a0 + i * step) < 0) {
            i++;
        }
        return i;
    }

    /** Of the same rows from {@code first} on, one past the last whose grid vectors end inside an array of length. */
    private static int endInside(int a0, int step, int count, int first, int d, int length) {
        int i = count;
        while (i > first && gridEnd(a0 + (i - 1) * step, d) > length) {
            i--;
        }
        return i;
    }

    /** One past the last element of the grid vectors of the row at a (long: it may pass the largest index). */
    private static long gridEnd(int a, int d) {
        int lead = lead(a);
        return (long) a - lead + (long) vectors(lead, d) * lanes;
    }

    /**
     * By lead: rows of the same lead recur every period = lanes / gcd(d, lanes) rows, and for each
     * lead a strip of four accumulator vectors stays in registers over all its rows, so g is not
     * loaded and stored per row.
     */
    @Override
    public void accumulate(double[] r, int rOff, int rows, double[] x, int xOff, int d, double[] g, int gOff) {
        accumulateByLead(r, rOff, null, rows, x, xOff, d, g, gOff, 0);
    }

    /** Both residual vectors in one sweep: each x vector loaded once for the two (the first pass's ∇F(0)). */
    @Override
    public void accumulate2(double[] r, double[] r2, int rows, double[] x, int xOff, int d, double[] g, int gOff, int g2Off) {
        accumulateByLead(r, 0, r2, rows, x, xOff, d, g, gOff, g2Off);
    }

    /** {@link #accumulate} of r, and of r2 into g at g2Off when r2 is not null, with the same sums for each. */
    private static void accumulateByLead(double[] r, int rOff, double[] r2, int rows, double[] x, int xOff, int d,
                                         double[] g, int gOff, int g2Off) {
        Grid grid = GRID.get();
        final int period = lanes / gcd(d, lanes);
        final int step = period * d;
        for (int ph = 0; ph < Math.min(period, rows); ph++) {
            final int a0 = xOff + ph * d;
            final int lead = lead(a0);
            final int nv = vectors(lead, d);
            final double[] acc = grid.acc(nv * lanes);
            final double[] acc2 = r2 == null ? null : grid.acc2(nv * lanes);
            // rows ph, ph + period, …; [first, last) of them have all their vectors inside x
            final int count = (rows - ph + period - 1) / period;
            final int first = firstInside(a0, step, count);
            final int last = endInside(a0, step, count, first, d, x.length);
            for (int i = 0; i < first; i++) {
                addPaddedRow(grid, r, rOff + ph + i * period, r2, ph + i * period, x, a0 + i * step, d, lead, nv, acc, acc2);
            }
            int from = ph + first * period;
            if (r2 == null) {
                strips(r, rOff + from, period, last - first, x, a0 + first * step - lead, step, nv, acc);
            } else {
                strips2(r, r2, from, period, last - first, x, a0 + first * step - lead, step, nv, acc, acc2);
            }
            for (int i = last; i < count; i++) {
                addPaddedRow(grid, r, rOff + ph + i * period, r2, ph + i * period, x, a0 + i * step, d, lead, nv, acc, acc2);
            }
            for (int j = 0; j < d; j++) {
                g[gOff + j] += acc[lead + j];
            }
            for (int j = 0; acc2 != null && j < d; j++) {
                g[g2Off + j] += acc2[lead + j];
            }
        }
    }

    /** acc += Σ over count rows (x at v, v + step, …; residuals r[rOff], r[rOff + rStep], …) of rᵢ·xᵢ, nv vectors. */
    private static void strips(double[] r, int rOff, int rStep, int count, double[] x, int v, int step, int nv, double[] acc) {
        int k = 0;
        for (; k + 4 <= nv; k += 4) {
            final int e = k * lanes;
            DoubleVector g0 = DoubleVector.fromArray(sp, acc, e);
            DoubleVector g1 = DoubleVector.fromArray(sp, acc, e + lanes);
            DoubleVector g2 = DoubleVector.fromArray(sp, acc, e + 2 * lanes);
            DoubleVector g3 = DoubleVector.fromArray(sp, acc, e + 3 * lanes);
            for (int i = 0, o = v + e; i < count; i++, o += step) {
                DoubleVector u = DoubleVector.broadcast(sp, r[rOff + i * rStep]);
                g0 = DoubleVector.fromArray(sp, x, o).fma(u, g0);
                g1 = DoubleVector.fromArray(sp, x, o + lanes).fma(u, g1);
                g2 = DoubleVector.fromArray(sp, x, o + 2 * lanes).fma(u, g2);
                g3 = DoubleVector.fromArray(sp, x, o + 3 * lanes).fma(u, g3);
            }
            g0.intoArray(acc, e);
            g1.intoArray(acc, e + lanes);
            g2.intoArray(acc, e + 2 * lanes);
            g3.intoArray(acc, e + 3 * lanes);
        }
        for (; k < nv; k++) {
            final int e = k * lanes;
            DoubleVector g0 = DoubleVector.fromArray(sp, acc, e);
            for (int i = 0, o = v + e; i < count; i++, o += step) {
                g0 = DoubleVector.fromArray(sp, x, o).fma(DoubleVector.broadcast(sp, r[rOff + i * rStep]), g0);
            }
            g0.intoArray(acc, e);
        }
    }

    /** {@link #strips} for two residual vectors (rows from … of both), each x vector loaded once. */
    private static void strips2(double[] r, double[] r2, int from, int rStep, int count, double[] x, int v, int step, int nv,
                                double[] acc, double[] acc2) {
        int k = 0;
        for (; k + 4 <= nv; k += 4) {
            final int e = k * lanes;
            DoubleVector g0 = DoubleVector.fromArray(sp, acc, e);
            DoubleVector g1 = DoubleVector.fromArray(sp, acc, e + lanes);
            DoubleVector g2 = DoubleVector.fromArray(sp, acc, e + 2 * lanes);
            DoubleVector g3 = DoubleVector.fromArray(sp, acc, e + 3 * lanes);
            DoubleVector h0 = DoubleVector.fromArray(sp, acc2, e);
            DoubleVector h1 = DoubleVector.fromArray(sp, acc2, e + lanes);
            DoubleVector h2 = DoubleVector.fromArray(sp, acc2, e + 2 * lanes);
            DoubleVector h3 = DoubleVector.fromArray(sp, acc2, e + 3 * lanes);
            for (int i = 0, o = v + e; i < count; i++, o += step) {
                DoubleVector u = DoubleVector.broadcast(sp, r[from + i * rStep]);
                DoubleVector t = DoubleVector.broadcast(sp, r2[from + i * rStep]);
                DoubleVector x0 = DoubleVector.fromArray(sp, x, o);
                DoubleVector x1 = DoubleVector.fromArray(sp, x, o + lanes);
                DoubleVector x2 = DoubleVector.fromArray(sp, x, o + 2 * lanes);
                DoubleVector x3 = DoubleVector.fromArray(sp, x, o + 3 * lanes);
                g0 = x0.fma(u, g0);
                g1 = x1.fma(u, g1);
                g2 = x2.fma(u, g2);
                g3 = x3.fma(u, g3);
                h0 = x0.fma(t, h0);
                h1 = x1.fma(t, h1);
                h2 = x2.fma(t, h2);
                h3 = x3.fma(t, h3);
            }
            g0.intoArray(acc, e);
            g1.intoArray(acc, e + lanes);
            g2.intoArray(acc, e + 2 * lanes);
            g3.intoArray(acc, e + 3 * lanes);
            h0.intoArray(acc2, e);
            h1.intoArray(acc2, e + lanes);
            h2.intoArray(acc2, e + 2 * lanes);
            h3.intoArray(acc2, e + 3 * lanes);
        }
        for (; k < nv; k++) {
            final int e = k * lanes;
            DoubleVector g0 = DoubleVector.fromArray(sp, acc, e);
            DoubleVector h0 = DoubleVector.fromArray(sp, acc2, e);
            for (int i = 0, o = v + e; i < count; i++, o += step) {
                DoubleVector x0 = DoubleVector.fromArray(sp, x, o);
                g0 = x0.fma(DoubleVector.broadcast(sp, r[from + i * rStep]), g0);
                h0 = x0.fma(DoubleVector.broadcast(sp, r2[from + i * rStep]), h0);
            }
            g0.intoArray(acc, e);
            h0.intoArray(acc2, e);
        }
    }

    /** acc += r[ri]·row and, when r2 is not null, acc2 += r2[r2i]·row, for the row at a (through a padded copy). */
    private static void addPaddedRow(Grid grid, double[] r, int ri, double[] r2, int r2i, double[] x, int a, int d, int lead,
                                     int nv, double[] acc, double[] acc2) {
        double[] row = grid.paddedRow(x, a, d, lead);
        DoubleVector u = DoubleVector.broadcast(sp, r[ri]);
        for (int e = 0; e < nv * lanes; e += lanes) {
            DoubleVector.fromArray(sp, row, e).fma(u, DoubleVector.fromArray(sp, acc, e)).intoArray(acc, e);
        }
        if (r2 != null) {
            DoubleVector t = DoubleVector.broadcast(sp, r2[r2i]);
            for (int e = 0; e < nv * lanes; e += lanes) {
                DoubleVector.fromArray(sp, row, e).fma(t, DoubleVector.fromArray(sp, acc2, e)).intoArray(acc2, e);
            }
        }
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
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
