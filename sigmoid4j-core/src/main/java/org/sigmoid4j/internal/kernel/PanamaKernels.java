package org.sigmoid4j.internal.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;
import org.sigmoid4j.math.Logistic;

/**
 * SIMD kernels through {@code jdk.incubator.vector}. The only class family that imports the
 * incubator module; loaded reflectively by {@link KernelProvider}.
 *
 * <p>Every element-wise kernel has the same shape: a vector <b>body</b> over
 * {@code species.loopBound(n)}, a scalar <b>tail</b> through {@link Logistic}, and a per-chunk
 * <b>fallback</b>: when a chunk holds a lane the vector code does not cover (NaN, inputs whose
 * results are subnormal, or for float a result too close to a float rounding boundary), that
 * chunk is recomputed by the scalar reference functions. The fallback is rare on real data and
 * keeps the vector code short.
 *
 * <p>The exponential is our own: e^v = 2^k·(1 + t), k = round(v/ln 2), r = v − k·ln 2 in two
 * steps (Cody–Waite), t = r + r²·g(r) with g a degree-9 Chebyshev fit of (e^r − 1 − r)/r² on
 * [−ln2/2, ln2/2] (relative error 2^−55.8 for double; a degree-7 fit, 2^−43.6, for the float
 * kernels, which only need to decide the float rounding), and 2^k put into the exponent bits.
 * ({@code DoubleVector.lanewise(EXP)} calls a library routine or a slow fallback.)
 *
 * <p><b>Accuracy</b> (tested on every reference-vector row and against the scalar path):
 * double ≤ 2 ulp; float correctly rounded, because each float lane is computed in double with a
 * known error bound and any lane within that bound of a float rounding boundary falls back to
 * the correctly rounded scalar function.
 */
final class PanamaKernels implements KernelSupport {

    // Species are static finals so that C2 sees them as constants (instance fields are not
    // trusted, and the Vector API intrinsics need constant species).
    private static final int BITS = Integer.getInteger(KernelProvider.VECTOR_BITS_PROPERTY,
            VectorShape.preferredShape().vectorBitSize());
    private static final VectorShape SHAPE = BITS >= 128 ? VectorShape.forBitSize(BITS) : VectorShape.S_128_BIT;
    private static final VectorSpecies<Double> d = DoubleVector.SPECIES_PREFERRED.withShape(SHAPE);
    private static final VectorSpecies<Float> f = FloatVector.SPECIES_PREFERRED.withShape(SHAPE);
    /** Floats at half the width: as many lanes as {@link #d}, for the float kernels computed in double. */
    private static final VectorSpecies<Float> fh = FloatVector.SPECIES_PREFERRED.withShape(
            VectorShape.forBitSize(Math.max(64, SHAPE.vectorBitSize() / 2)));

    PanamaKernels() {
        if (BITS < 128) {
            throw new UnsupportedOperationException("preferred vector size is " + BITS + " bits; need at least 128");
        }
    }

    @Override public String name() { return "panama"; }

    @Override public int vectorBitSize() { return d.vectorBitSize(); }

    // ---------------------------------------------------------------------------------------
    // The exponential core.

    private static final double LOG2E = 0x1.71547652b82fep0;
    private static final double LN2_HI = 0x1.62e42fefa39efp-1;
    private static final double LN2_LO = 0x1.abc9e3b39803fp-56;
    /** 1.5·2^52: adding it rounds to an integer and leaves that integer in the low mantissa bits. */
    private static final double SHIFTER = 0x1.8p52;
    /** Below this the results (σ, σ', SiLU, e^x) approach the subnormal range: scalar fallback. */
    private static final double MIN_X = -708.0;

    // g(r) ≈ (e^r − 1 − r)/r², Chebyshev fit of degree 9 on [−ln2/2, ln2/2] (mpmath, 200 bits)
    private static final double G9 = 0x1.af389ecfc4b9cp-26;
    private static final double G8 = 0x1.28917c89a43a7p-22;
    private static final double G7 = 0x1.71de0db2f6b19p-19;
    private static final double G6 = 0x1.a019b9149a41cp-16;
    private static final double G5 = 0x1.a01a01a7c2efep-13;
    private static final double G4 = 0x1.6c16c17889ef1p-10;
    private static final double G3 = 0x1.11111111109b5p-7;
    private static final double G2 = 0x1.5555555553d68p-5;
    private static final double G1 = 0x1.5555555555556p-3;
    private static final double G0 = 0x1.0000000000001p-1;
    // degree-7 fit for the float kernels (2^-43.6)
    private static final double H7 = 0x1.72ad3ae3ed777p-19;
    private static final double H6 = 0x1.a136b06babd51p-16;
    private static final double H5 = 0x1.a019c3721fb3ep-13;
    private static final double H4 = 0x1.6c166be75a859p-10;
    private static final double H3 = 0x1.111111170ad56p-7;
    private static final double H2 = 0x1.55555565c559fp-5;
    private static final double H1 = 0x1.5555555554f97p-3;
    private static final double H0 = 0x1.fffffffffe069p-2;

    /** t = e^r − 1 for |r| ≤ ln2/2, relative error of 1 + t about 2^−55.8. */
    private static DoubleVector expm1Poly(DoubleVector r) {
        DoubleVector g = r.fma(G9, G8).fma(r, r.broadcast(G7)).fma(r, r.broadcast(G6)).fma(r, r.broadcast(G5)).fma(r, r.broadcast(G4)).fma(r, r.broadcast(G3)).fma(r, r.broadcast(G2))
                .fma(r, r.broadcast(G1)).fma(r, r.broadcast(G0));
        return g.mul(r).fma(r, r);
    }

    /** As {@link #expm1Poly} with the float kernels' shorter fit (2^−43.6). */
    private static DoubleVector expm1PolyShort(DoubleVector r) {
        DoubleVector g = r.fma(H7, H6).fma(r, r.broadcast(H5)).fma(r, r.broadcast(H4)).fma(r, r.broadcast(H3)).fma(r, r.broadcast(H2)).fma(r, r.broadcast(H1)).fma(r, r.broadcast(H0));
        return g.mul(r).fma(r, r);
    }

    /** s·2^k for s ∈ [0.7, 1.42] and k in the low bits of kf = v·log2e + SHIFTER (k ≥ −1021). */
    private static DoubleVector scale(DoubleVector s, DoubleVector kf) {
        LongVector kb = kf.reinterpretAsLongs().lanewise(VectorOperators.LSHL, 52);
        return s.reinterpretAsLongs().add(kb).reinterpretAsDoubles();
    }

    // ---------------------------------------------------------------------------------------
    // sigmoid

    /**
     * σ for one vector of doubles: with e = e^−|x|, 1/(1+e) for x ≥ 0 and e/(1+e) for x &lt; 0
     * (one division either way). Error ≤ 2 ulp: e (≈0.5 ulp) enters with weight ≤ 1, plus the
     * roundings of 1 + e and of the quotient. Lanes with x &lt; −708 or NaN are not valid.
     */
    private static DoubleVector sigmoidBody(DoubleVector x, boolean shortPoly) {
        DoubleVector v = x.abs().neg().max(MIN_X);
        DoubleVector kf = v.fma(LOG2E, SHIFTER);
        DoubleVector k = kf.sub(SHIFTER);
        DoubleVector r = k.fma(k.broadcast(-LN2_HI), v);
        DoubleVector t;
        if (shortPoly) {
            t = expm1PolyShort(r);     // float inputs: |k| ≤ 152, one-constant reduction error ≤ 2^-46
        } else {
            r = k.fma(k.broadcast(-LN2_LO), r);
            t = expm1Poly(r);
        }
        DoubleVector e = scale(t.add(1.0), kf);
        DoubleVector den = e.add(1.0);
        DoubleVector num = e.blend(1.0, x.compare(VectorOperators.GE, 0.0));
        return num.div(den);
    }

    @Override public void sigmoid(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0;
        int step = d.length();
        // body: unrolled by one vector only; the exp chain has enough independent work per lane
        for (int bound = d.loopBound(n); i < bound; i += step) {
            DoubleVector xv = DoubleVector.fromArray(d, x, xOff + i);
            DoubleVector res = sigmoidBody(xv, false);
            if (xv.compare(VectorOperators.GE, MIN_X).allTrue()) {
                res.intoArray(y, yOff + i);
            } else {
                // fallback: NaN, or x < −708 (subnormal results)
                ScalarKernels.INSTANCE.sigmoid(x, xOff + i, y, yOff + i, step);
            }
        }
        // tail
        ScalarKernels.INSTANCE.sigmoid(x, xOff + i, y, yOff + i, n - i);
    }

    /** Float lanes are computed in double; this many double ulps around a float rounding boundary fall back. */
    private static final long ZIV_MARGIN = 1L << 12;
    /** Float σ below 2^−126 is subnormal (x &lt; −87.33): fallback. */
    private static final double MIN_X_FLOAT = -87.0;

    /**
     * The double result y of a float lane is within ZIV_MARGIN double ulps of a midpoint between
     * two floats when the 29 bits below float precision are within ZIV_MARGIN of 1000…0 (for
     * results in the normal float range). The computed y has relative error ≤ 2^−43 (the short
     * polynomial, the one-constant reduction and five roundings), i.e. ≤ 2^10 double ulps, so a
     * lane outside the margin rounds to the same float as the exact value.
     */
    @Override public void sigmoid(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0;
        int step = fh.length();
        // body: half a float register per step, as many lanes as a double register (the body is
        // called once per step: calling it twice makes C2 stop inlining, and then boxes vectors)
        for (int bound = fh.loopBound(n); i < bound; i += step) {
            DoubleVector xv = (DoubleVector) FloatVector.fromArray(fh, x, xOff + i).convertShape(VectorOperators.F2D, d, 0);
            DoubleVector res = decidable(xv, MIN_X_FLOAT, sigmoidBody(xv, true));
            if (!nearFloatMidpoint(res)) {
                ((FloatVector) res.convertShape(VectorOperators.D2F, fh, 0)).intoArray(y, yOff + i);
            } else {
                // fallback: a result near a float rounding boundary, or a subnormal float result
                ScalarKernels.INSTANCE.sigmoid(x, xOff + i, y, yOff + i, step);
            }
        }
        // tail: scalar
        ScalarKernels.INSTANCE.sigmoid(x, xOff + i, y, yOff + i, n - i);
    }

    /** A double whose low 29 bits mark it as a float midpoint: lanes set to it always fall back. */
    private static final double UNDECIDED = Double.longBitsToDouble(0x3FF0000010000000L);

    /**
     * Marks lanes with x &lt; minX (float results that would be subnormal: the bit test of
     * {@link #nearFloatMidpoint} describes normal floats only) as undecided. NaN lanes stay NaN.
     */
    private static DoubleVector decidable(DoubleVector x, double minX, DoubleVector res) {
        return res.blend(UNDECIDED, x.compare(VectorOperators.LT, minX));
    }

    /** True when a lane's result is within ZIV_MARGIN double ulps of a midpoint between floats. */
    private static boolean nearFloatMidpoint(DoubleVector res) {
        LongVector m = res.reinterpretAsLongs().and(0x1FFFFFFFL).sub(0x10000000L - ZIV_MARGIN);
        return m.compare(VectorOperators.ULT, 2 * ZIV_MARGIN).anyTrue();
    }

    // Element-wise functions not yet vectorized: the scalar reference loops.
    @Override public void sigmoidDerivative(double[] x, int xOff, double[] y, int yOff, int n) { ScalarKernels.INSTANCE.sigmoidDerivative(x, xOff, y, yOff, n); }
    @Override public void sigmoidDerivative(float[] x, int xOff, float[] y, int yOff, int n) { ScalarKernels.INSTANCE.sigmoidDerivative(x, xOff, y, yOff, n); }
    @Override public void logSigmoid(double[] x, int xOff, double[] y, int yOff, int n) { ScalarKernels.INSTANCE.logSigmoid(x, xOff, y, yOff, n); }
    @Override public void logSigmoid(float[] x, int xOff, float[] y, int yOff, int n) { ScalarKernels.INSTANCE.logSigmoid(x, xOff, y, yOff, n); }
    @Override public void softplus(double[] x, int xOff, double[] y, int yOff, int n) { ScalarKernels.INSTANCE.softplus(x, xOff, y, yOff, n); }
    @Override public void softplus(float[] x, int xOff, float[] y, int yOff, int n) { ScalarKernels.INSTANCE.softplus(x, xOff, y, yOff, n); }
    @Override public void logit(double[] x, int xOff, double[] y, int yOff, int n) { ScalarKernels.INSTANCE.logit(x, xOff, y, yOff, n); }
    @Override public void logit(float[] x, int xOff, float[] y, int yOff, int n) { ScalarKernels.INSTANCE.logit(x, xOff, y, yOff, n); }
    @Override public void tanh(double[] x, int xOff, double[] y, int yOff, int n) { ScalarKernels.INSTANCE.tanh(x, xOff, y, yOff, n); }
    @Override public void tanh(float[] x, int xOff, float[] y, int yOff, int n) { ScalarKernels.INSTANCE.tanh(x, xOff, y, yOff, n); }
    @Override public void silu(double[] x, int xOff, double[] y, int yOff, int n) { ScalarKernels.INSTANCE.silu(x, xOff, y, yOff, n); }
    @Override public void silu(float[] x, int xOff, float[] y, int yOff, int n) { ScalarKernels.INSTANCE.silu(x, xOff, y, yOff, n); }

    @Override public double dot(double[] a, int aOff, double[] b, int bOff, int n) {
        int i = 0;
        DoubleVector acc = DoubleVector.zero(d);
        for (int bound = d.loopBound(n); i < bound; i += d.length()) {
            acc = DoubleVector.fromArray(d, a, aOff + i).fma(DoubleVector.fromArray(d, b, bOff + i), acc);
        }
        double s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) s = Math.fma(a[aOff + i], b[bOff + i], s);
        return s;
    }

    @Override public float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        int i = 0;
        FloatVector acc = FloatVector.zero(f);
        for (int bound = f.loopBound(n); i < bound; i += f.length()) {
            acc = FloatVector.fromArray(f, a, aOff + i).fma(FloatVector.fromArray(f, b, bOff + i), acc);
        }
        float s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) s = Math.fma(a[aOff + i], b[bOff + i], s);
        return s;
    }

    @Override public void axpy(double alpha, double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0;
        for (int bound = d.loopBound(n); i < bound; i += d.length()) {
            DoubleVector.fromArray(d, x, xOff + i).fma(DoubleVector.broadcast(d, alpha), DoubleVector.fromArray(d, y, yOff + i)).intoArray(y, yOff + i);
        }
        for (; i < n; i++) y[yOff + i] = Math.fma(alpha, x[xOff + i], y[yOff + i]);
    }

    @Override public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0;
        for (int bound = f.loopBound(n); i < bound; i += f.length()) {
            FloatVector.fromArray(f, x, xOff + i).fma(FloatVector.broadcast(f, alpha), FloatVector.fromArray(f, y, yOff + i)).intoArray(y, yOff + i);
        }
        for (; i < n; i++) y[yOff + i] = Math.fma(alpha, x[xOff + i], y[yOff + i]);
    }
}
