package org.sigmoid4j.internal.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
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
    /**
     * Below this the results (σ, σ', SiLU, e^x) approach the subnormal range: scalar fallback.
     * Clamps to it are written as compare + blend, never {@code min}/{@code max}: Java's min/max
     * (NaN and −0.0 rules) compile to about six AVX-512 instructions each; compare + blend differs
     * only for NaN lanes, which fall back or stay NaN, and keeps −0.0 where max(−0.0, 0) is +0.
     */
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


    // ---------------------------------------------------------------------------------------
    // sigmoid

    // sigmoid: σ = 1/(1 + e^−x) for every lane with |x| ≤ 708 (the fallback takes the rest: NaN,
    // x < −708 whose results are subnormal, and x > 708 where σ = 1). There e^−x ≤ e^708 cannot
    // overflow, so no sign test and no blend are needed: for x < 0 the large e^−x makes
    // 1/(1 + e^−x) the small result directly. No clamp either: Java's min/max (NaN and −0.0
    // semantics) compile to about six AVX-512 instructions each, and dropping the clamp of x to
    // 708 made the kernel a quarter faster (0.48 -> 0.36 ns/element at n = 4096). e^−x = 2^−k·e^−r
    // with the fit evaluated at −r (odd coefficients negated; all negated once more so that
    // 1 − (r − r²·g) needs no vector negation, bit for bit the same as (r²·g − r) + 1). Error ≤
    // 2 ulp: e^−x (≈ 0.5 ulp) enters with weight ≤ 1, plus the roundings of 1 + e^−x and of the
    // reciprocal.

    /** e^−r − 1 for |r| ≤ ln2/2 with the float kernels' shorter fit (odd coefficients negated). */
    private static DoubleVector expNegPolyShort(DoubleVector r) {
        DoubleVector g = r.fma(-H7, H6).fma(r, r.broadcast(-H5)).fma(r, r.broadcast(H4)).fma(r, r.broadcast(-H3))
                .fma(r, r.broadcast(H2)).fma(r, r.broadcast(-H1)).fma(r, r.broadcast(H0));
        return g.mul(r).fma(r, r.neg());
    }

    @Override public void sigmoid(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0;
        int step = d.length();
        // body written out by hand, no shared body helper. The headline kernel must not depend on
        // C2 inlining a shared helper: when the helper was compiled on its own first, C2 may
        // refuse to inline it ("already compiled into a big method") and box every vector.
        for (int bound = d.loopBound(n); i < bound; i += step) {
            DoubleVector xv = DoubleVector.fromArray(d, x, xOff + i);
            DoubleVector kf = xv.fma(LOG2E, SHIFTER);
            DoubleVector k = kf.sub(SHIFTER);
            DoubleVector r = k.fma(k.broadcast(-LN2_HI), xv);
            r = k.fma(k.broadcast(-LN2_LO), r);
            // −g(−r) by Estrin's scheme (5 dependent steps instead of Horner's 9: shorter latency,
            // and measured faster here than Horner's fewer operations)
            DoubleVector r2 = r.mul(r);
            DoubleVector r4 = r2.mul(r2);
            DoubleVector a0 = r.fma(G1, -G0);
            DoubleVector a1 = r.fma(G3, -G2);
            DoubleVector a2 = r.fma(G5, -G4);
            DoubleVector a3 = r.fma(G7, -G6);
            DoubleVector a4 = r.fma(G9, -G8);
            DoubleVector g = a3.fma(r2, a2).add(a4.mul(r4)).fma(r4, a1.fma(r2, a0));
            DoubleVector s = r.broadcast(1.0).sub(g.fma(r2, r));   // e^−r = 1 − (r − r²·g(−r))
            LongVector kb = kf.reinterpretAsLongs().lanewise(VectorOperators.LSHL, 52);
            DoubleVector e = s.reinterpretAsLongs().sub(kb).reinterpretAsDoubles();
            DoubleVector res = xv.broadcast(1.0).div(e.add(1.0));
            if (xv.abs().compare(VectorOperators.LE, -MIN_X).allTrue()) {
                res.intoArray(y, yOff + i);
            } else {
                // fallback: NaN, x < −708 (subnormal results) or x > 708
                ScalarKernels.INSTANCE.sigmoid(x, xOff + i, y, yOff + i, step);
            }
        }
        // tail: scalar
        ScalarKernels.INSTANCE.sigmoid(x, xOff + i, y, yOff + i, n - i);
    }

    /**
     * Float lanes are computed in double; this many double ulps around a float rounding boundary
     * fall back (the Ziv test, explained at {@link #sigmoid(float[], int, float[], int, int)}).
     */
    private static final int ZIV_MARGIN = 1 << 12;
    /** Float σ below 2^−126 is subnormal (x &lt; −87.33): fallback. */
    private static final float MIN_X_FLOAT = -87.0f;

    /**
     * Float σ, correctly rounded. Each float lane is computed in double and rounded to float
     * unless the double result y is within ZIV_MARGIN double ulps of a midpoint between two
     * floats, i.e. its 29 bits below float precision are within ZIV_MARGIN of 1000…0 (for results
     * in the normal float range); such a chunk, and any with x outside [−87, 708] (subnormal
     * float results, NaN, the range of the reduction), is recomputed by the correctly rounded
     * scalar function. The computed y has relative error ≤ 2^−43 (the degree-7 fit, the
     * one-constant reduction, a few roundings), i.e. ≤ 2^10 double ulps, so a lane outside the
     * margin rounds to the same float as the exact value.
     *
     * <p>Speed (thread CPU time, n = 4096, AVX-512): each step takes a full float register
     * (2·{@link #fh} lanes), widens it to two double vectors and evaluates both halves
     * interleaved; the Ziv test runs once on the low words of both halves gathered into one int
     * vector (half the test operations); e^−x is formed directly (k = round(−x/ln2),
     * u = x + k·ln2, e^−u = 1 − (u − u²·h(−u)) with the fit's coefficients negated), so that no
     * clamp (Java's min is ~6 AVX-512 instructions) and no vector negation is needed. 0.61 ->
     * 0.42 ns/element, the double kernel being 0.35: the double lanes do about as many operations
     * per element as the double kernel, and the Ziv test alone costs 0.08 (see docs/DESIGN-NOTES.md).
     */
    @Override public void sigmoid(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0;
        int step = f.length();
        int half = fh.length();
        // body written out by hand (see the double kernel); both halves in one statement list
        for (int bound = f.loopBound(n); i < bound; i += step) {
            FloatVector xf = FloatVector.fromArray(f, x, xOff + i);
            DoubleVector xa = (DoubleVector) xf.convertShape(VectorOperators.F2D, d, 0);
            DoubleVector xb = (DoubleVector) xf.convertShape(VectorOperators.F2D, d, 1);
            DoubleVector kfa = xa.fma(-LOG2E, SHIFTER);
            DoubleVector kfb = xb.fma(-LOG2E, SHIFTER);
            DoubleVector ka = kfa.sub(SHIFTER);
            DoubleVector kb = kfb.sub(SHIFTER);
            DoubleVector ua = ka.fma(ka.broadcast(LN2_HI), xa);      // e^−x = 2^k·e^−u
            DoubleVector ub = kb.fma(kb.broadcast(LN2_HI), xb);
            DoubleVector ua2 = ua.mul(ua);
            DoubleVector ub2 = ub.mul(ub);
            DoubleVector ua4 = ua2.mul(ua2);
            DoubleVector ub4 = ub2.mul(ub2);
            // −h(−u) by Estrin's scheme
            DoubleVector ha = ua.fma(H7, -H6).fma(ua2, ua.fma(H5, -H4)).fma(ua4, ua.fma(H3, -H2).fma(ua2, ua.fma(H1, -H0)));
            DoubleVector hb = ub.fma(H7, -H6).fma(ub2, ub.fma(H5, -H4)).fma(ub4, ub.fma(H3, -H2).fma(ub2, ub.fma(H1, -H0)));
            DoubleVector pa = ua.broadcast(1.0).sub(ha.fma(ua2, ua));   // e^−u
            DoubleVector pb = ub.broadcast(1.0).sub(hb.fma(ub2, ub));
            DoubleVector ea = pa.reinterpretAsLongs().add(kfa.reinterpretAsLongs().lanewise(VectorOperators.LSHL, 52)).reinterpretAsDoubles();
            DoubleVector eb = pb.reinterpretAsLongs().add(kfb.reinterpretAsLongs().lanewise(VectorOperators.LSHL, 52)).reinterpretAsDoubles();
            DoubleVector ya = xa.broadcast(1.0).div(ea.add(1.0));
            DoubleVector yb = xb.broadcast(1.0).div(eb.add(1.0));
            // Ziv test: the low words of ya and yb gathered into one int vector (one two-table permute)
            IntVector low = LOW_WORDS.selectFrom(ya.reinterpretAsInts(), yb.reinterpretAsInts())
                    .and(0x1FFFFFFF).sub(0x10000000 - ZIV_MARGIN);
            VectorMask<Float> inRange = xf.compare(VectorOperators.GE, MIN_X_FLOAT).and(xf.compare(VectorOperators.LE, (float) -MIN_X));
            VectorMask<Integer> near = low.compare(VectorOperators.ULT, 2 * ZIV_MARGIN);   // lane k is float lane k
            if (inRange.allTrue() && !near.anyTrue()) {
                ((FloatVector) ya.convertShape(VectorOperators.D2F, fh, 0)).intoArray(y, yOff + i);
                ((FloatVector) yb.convertShape(VectorOperators.D2F, fh, 0)).intoArray(y, yOff + i + half);
            } else {
                // fallback, lane by lane: one scalar call per result near a float rounding
                // boundary, subnormal float result, NaN or x > 708, not 16. The decision is taken
                // again in scalar code from the double results: using the masks here (toLong), or
                // keeping the input register for this branch, made the main path 10-15 % slower.
                double[] yd = new double[step];
                ya.intoArray(yd, 0);
                yb.intoArray(yd, half);
                sigmoidLanes(x, xOff + i, yd, y, yOff + i);
            }
        }
        // tail: scalar
        ScalarKernels.INSTANCE.sigmoid(x, xOff + i, y, yOff + i, n - i);
    }

    /**
     * The float sigmoid's fallback for one chunk: y[yOff + l] = (float) yd[l], the vector body's
     * double result, where the kernel's tests pass (x in [−87, 708], yd[l] not within ZIV_MARGIN
     * double ulps of a float midpoint), else the correctly rounded scalar σ. Lane by lane, so x
     * may be y.
     */
    private static void sigmoidLanes(float[] x, int xOff, double[] yd, float[] y, int yOff) {
        for (int l = 0; l < yd.length; l++) {
            float xl = x[xOff + l];
            long low = (Double.doubleToRawLongBits(yd[l]) & 0x1FFFFFFFL) - (0x10000000L - ZIV_MARGIN);
            boolean decided = xl >= MIN_X_FLOAT && xl <= (float) -MIN_X && Long.compareUnsigned(low, 2L * ZIV_MARGIN) >= 0;
            y[yOff + l] = decided ? (float) yd[l] : Logistic.sigmoid(xl);
        }
    }

    // ---------------------------------------------------------------------------------------
    // Faithful float sigmoid (opt-in, ≤ 1 ulp): float lanes only, twice as many per register.

    private static final float LOG2E_F = 0x1.715476p0f;
    /** ln 2 = LN2_HI_F + LN2_LO_F (float Cody–Waite split). */
    private static final float LN2_HI_F = 0x1.62e43p-1f;
    private static final float LN2_LO_F = -0x1.05c61p-29f;
    /**
     * 1.5·2^23 + 383: adding it rounds to an integer k and leaves 383 + k in the low mantissa
     * bits, so that those bits shifted left by 23 are the float −2^k (bit 8 of 383 + k becomes
     * the sign bit, 127 + k the exponent) for k in [−126, 127]; the clamps keep k in [−126, 126].
     */
    private static final float SHIFT_NEG_POW2 = 0x1.8p23f + 383f;
    /** Clamp of positive inputs (a signed int min of the bits, one instruction): σ(87) rounds to 1. */
    private static final int MAX_X_FAITHFUL_BITS = Float.floatToRawIntBits(87.0f);
    /** Below this σ(x) approaches the subnormal floats (σ(−87.34) = 2^−126): scalar fallback. */
    private static final float MIN_X_FAITHFUL = -87.0f;
    // g(r) ≈ (e^r − 1 − r)/r², degree-4 fit on [−ln2/2, ln2/2] (least squares on Chebyshev nodes,
    // reweighted towards minimax); with these float coefficients 1 + r + r²·g(r) has relative
    // error 2^−27.5 against e^r. The degree-3 fit (2^−22.9) is not accurate enough.
    private static final float F0 = 0.5f;
    private static final float F1 = 0x1.55548ep-3f;
    private static final float F2 = 0x1.55545ep-5f;
    private static final float F3 = 0x1.123b46p-7f;
    private static final float F4 = 0x1.6db412p-10f;

    /**
     * Float σ within 1 ulp, computed in float lanes ({@link #f}, 16 per AVX-512 register).
     * E = e^−x = 2^k·P exactly: k = round(−x/ln2), r = x + k·ln2 (two float constants, fma),
     * P = e^−r = 1 − w with w = r + r²·(−g(−r)) (Horner), and −2^k made from k's bits, so that
     * −E = P·(−2^k) is one exact multiplication (inexact only where E is subnormal, x near the
     * clamp at 87, where 1 + E rounds to 1 anyway). Then y0 = 1/(1 + E) and one correction step
     * with the exact E: δ = (1 − y0·E) − y0 (one fma, one exact subtraction), y = y0 + y0·δ.
     * The correction removes the rounding of 1 + E and of the quotient, which the textbook
     * 1/(1 + e^−x) in float leaves (max 2 ulp, 0.2 % of inputs at 2 ulp, against 0 here).
     *
     * <p>Accuracy: ≤ 1 ulp from the correctly rounded σ, checked exhaustively (every float in
     * [−104, 20] against the scalar {@link Logistic#sigmoid(float)}, every float in [−88, 128]
     * against the correctly rounded kernel; about 5 % of them are 1 ulp off). Error
     * sources left: the rounding of w (relative ≤ 2^−25.5 on P), of r (≤ 2^−26), the fit
     * (2^−27.5), the first step of δ (≤ 2^−25·y0), then the final rounding.
     *
     * <p>Range: x ≥ −87 (σ ≥ 2^−125.5, a normal float) on the vector path; positive inputs are
     * clamped to 87 on their bits (σ(87) rounds to 1 like σ of anything larger, +∞ included);
     * a chunk with x &lt; −87 or NaN is recomputed by the correctly rounded scalar function
     * (subnormal results returned, not flushed). No min/max (several AVX-512 instructions
     * each): the clamp is a signed int min, which leaves negative inputs (negative ints) alone.
     *
     * <p>Speed (thread CPU time, n = 4096, AVX-512, one thread): 0.165 ns/element against 0.36
     * for the double sigmoid and 0.43 for the correctly rounded float one; the textbook float
     * formula, 2 ulp, 0.11 (see docs/DESIGN-NOTES.md). Written out in the loop like the other
     * kernels (no helper calls, see the double sigmoid).
     */
    @Override public void sigmoidFaithful(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0;
        int step = f.length();
        for (int bound = f.loopBound(n); i < bound; i += step) {
            FloatVector xv = FloatVector.fromArray(f, x, xOff + i);
            FloatVector xc = xv.reinterpretAsInts().min(MAX_X_FAITHFUL_BITS).reinterpretAsFloats();
            FloatVector kf = xc.fma(-LOG2E_F, SHIFT_NEG_POW2);
            FloatVector k = kf.sub(SHIFT_NEG_POW2);
            FloatVector r = k.fma(k.broadcast(LN2_HI_F), xc);
            r = k.fma(k.broadcast(LN2_LO_F), r);
            FloatVector r2 = r.mul(r);
            FloatVector g = r.fma(-F4, F3).fma(r, r.broadcast(-F2)).fma(r, r.broadcast(F1)).fma(r, r.broadcast(-F0));
            FloatVector one = r.broadcast(1f);
            FloatVector p = one.sub(g.fma(r2, r));                                     // e^−r
            FloatVector negE = p.mul(kf.reinterpretAsInts().lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats());
            FloatVector y0 = one.div(one.sub(negE));
            FloatVector delta = y0.fma(negE, one).sub(y0);                             // 1 − y0·(1 + E)
            FloatVector res = delta.fma(y0, y0);
            if (xv.compare(VectorOperators.GE, MIN_X_FAITHFUL).allTrue()) {
                res.intoArray(y, yOff + i);
            } else {
                // fallback: x < −87 (results near or below the subnormal range) or NaN
                ScalarKernels.INSTANCE.sigmoid(x, xOff + i, y, yOff + i, step);
            }
        }
        // tail: scalar (correctly rounded)
        ScalarKernels.INSTANCE.sigmoid(x, xOff + i, y, yOff + i, n - i);
    }

    /**
     * 0, 2, 4, …: with {@code selectFrom(a, b)} on two double vectors seen as ints, the low 32
     * bits of every double lane of a, then of b (int lane 2j is the low word of lane j).
     */
    private static final IntVector LOW_WORDS = IntVector.zero(IntVector.SPECIES_PREFERRED.withShape(SHAPE)).addIndex(2);

    // ---------------------------------------------------------------------------------------
    // Short bodies for the float kernels: the Ziv test tolerates 2^12 double ulps, so the error
    // compensation of the double bodies is not needed, and fewer vector operations keep C2 from
    // hitting its inlining node limit (vectors would then be boxed, 5-10× slower).

    /** σ'(x) = e·q² with e = e^−|x|, q = 1/(1 + e): relative error ≤ 2^−43 + 5·2^−53; |x| ≤ 708. */
    private static DoubleVector sigmoidDerivativeShort(DoubleVector x) {
        DoubleVector na = x.abs().neg();
        DoubleVector v = na.blend(MIN_X, na.compare(VectorOperators.LT, MIN_X));   // max(−|x|, −708)
        DoubleVector kf = v.fma(LOG2E, SHIFTER);
        DoubleVector k = kf.sub(SHIFTER);
        DoubleVector e = expm1PolyShort(k.fma(k.broadcast(-LN2_HI), v)).add(1.0).reinterpretAsLongs().add(kf.reinterpretAsLongs().lanewise(VectorOperators.LSHL, 52)).reinterpretAsDoubles();
        DoubleVector q = x.broadcast(1.0).div(e.add(1.0));
        return e.mul(q).mul(q);
    }

    /** x·σ(x) = x/(1 + e^−x) for x ≥ −708 (as {@link #sigmoidBody}); relative error ≤ 2^−43 + 4·2^−53. */
    private static DoubleVector siluShort(DoubleVector x) {
        DoubleVector xc = x.blend(-MIN_X, x.compare(VectorOperators.GT, -MIN_X));  // min(x, 708)
        DoubleVector kf = xc.fma(LOG2E, SHIFTER);
        DoubleVector k = kf.sub(SHIFTER);
        DoubleVector s = expNegPolyShort(k.fma(k.broadcast(-LN2_HI), xc)).add(1.0);
        LongVector kb = kf.reinterpretAsLongs().lanewise(VectorOperators.LSHL, 52);
        DoubleVector e = s.reinterpretAsLongs().sub(kb).reinterpretAsDoubles();
        return x.div(e.add(1.0));
    }

    /**
     * tanh x = sign(x)·(1 − E)/(1 + E), E = e^−2|x| = 2^k·(1 + t): 1 − E = (1 − 2^k) − 2^k·t and
     * 1 + E = (1 + 2^k) + 2^k·t, each one fma with an exact first term (for k = 0 the numerator is
     * −t, no cancellation; for k ≤ −1 it is ≥ 0.29). Relative error ≤ 2^−43 + 4·2^−53.
     */
    private static DoubleVector tanhShort(DoubleVector x) {
        DoubleVector t2 = x.abs().mul(-2.0);
        DoubleVector v = t2.blend(-40.0, t2.compare(VectorOperators.LT, -40.0));
        DoubleVector kf = v.fma(LOG2E, SHIFTER);
        DoubleVector k = kf.sub(SHIFTER);
        DoubleVector t = expm1PolyShort(k.fma(k.broadcast(-LN2_HI), v));
        DoubleVector twoK = v.broadcast(1.0).reinterpretAsLongs().add(kf.reinterpretAsLongs().lanewise(VectorOperators.LSHL, 52)).reinterpretAsDoubles();
        DoubleVector res = t.fma(twoK.neg(), twoK.neg().add(1.0)).div(t.fma(twoK, twoK.add(1.0)));
        return res.reinterpretAsLongs().or(x.reinterpretAsLongs().and(Long.MIN_VALUE)).reinterpretAsDoubles();
    }

    // ---------------------------------------------------------------------------------------
    // Bodies of the other exp-based functions. Each takes the inputs of one double vector and
    // returns the results; lanes outside the kernel's valid range are caught by its caller.

    /**
     * σ'(x) = e/(1+e)² with e = e^−|x|, for |x| ≤ 708. The square of 1 + e is formed with its
     * rounding errors (two-sum, fma) and applied as a first-order correction; error ≤ 2 ulp.
     */
    private static DoubleVector sigmoidDerivativeBody(DoubleVector x) {
        DoubleVector na = x.abs().neg();
        DoubleVector v = na.blend(MIN_X, na.compare(VectorOperators.LT, MIN_X));   // max(−|x|, −708)
        DoubleVector kf = v.fma(LOG2E, SHIFTER);
        DoubleVector k = kf.sub(SHIFTER);
        DoubleVector r = k.fma(k.broadcast(-LN2_HI), v);
        r = k.fma(k.broadcast(-LN2_LO), r);
        DoubleVector t = expm1Poly(r);
        DoubleVector e = t.add(1.0).reinterpretAsLongs().add(kf.reinterpretAsLongs().lanewise(VectorOperators.LSHL, 52)).reinterpretAsDoubles();
        DoubleVector den = e.add(1.0);
        DoubleVector dl = e.sub(den.sub(1.0));            // 1 + e = den + dl exactly
        DoubleVector p = den.mul(den);
        DoubleVector pl = den.fma(den, p.neg());           // den² = p + pl exactly
        DoubleVector inv = v.broadcast(1.0).div(p);
        DoubleVector q = e.mul(inv);
        DoubleVector c = den.add(den).fma(dl, pl).mul(inv); // relative excess of the true (1+e)²
        return q.fma(c.neg(), q);
    }

    /**
     * SiLU x·σ(x) = x·num/den with num = e (x &lt; 0) or 1, den = 1 + e, e = e^−|x| = 2^k·(s + sl)
     * kept with the rounding error of s = 1 + t; x·num formed exactly (fma) and the quotient
     * corrected once (a second division), so that error ≤ 2 ulp holds (≈ 1 ulp in practice).
     * For x ≥ −708.
     */
    private static DoubleVector siluBody(DoubleVector x) {
        DoubleVector na = x.abs().neg();
        DoubleVector v = na.blend(MIN_X, na.compare(VectorOperators.LT, MIN_X));   // max(−|x|, −708)
        DoubleVector kf = v.fma(LOG2E, SHIFTER);
        DoubleVector k = kf.sub(SHIFTER);
        DoubleVector r = k.fma(k.broadcast(-LN2_HI), v);
        r = k.fma(k.broadcast(-LN2_LO), r);
        DoubleVector t = expm1Poly(r);
        DoubleVector s = t.add(1.0);
        DoubleVector sl = t.sub(s.sub(1.0));
        DoubleVector twoK = v.broadcast(1.0).reinterpretAsLongs().add(kf.reinterpretAsLongs().lanewise(VectorOperators.LSHL, 52)).reinterpretAsDoubles();
        DoubleVector eh = s.mul(twoK);
        DoubleVector el = sl.mul(twoK);
        DoubleVector den = eh.add(1.0);
        DoubleVector dl = eh.sub(den.sub(1.0)).add(el);         // 1 + e = den + dl
        VectorMask<Double> neg = x.compare(VectorOperators.LT, 0.0);
        DoubleVector nh = x.blend(x.mul(eh), neg);                // x·num, rounded
        DoubleVector nl = x.broadcast(0.0).blend(x.fma(eh, nh.neg()).add(x.mul(el)), neg); // its error
        DoubleVector q = nh.div(den);
        DoubleVector rem = q.neg().fma(den, nh).add(nl).sub(q.mul(dl));
        return q.add(rem.div(den)).blend(x, x.compare(VectorOperators.EQ, Double.POSITIVE_INFINITY)); // silu(+∞) = +∞
    }

    /**
     * tanh|x| = (1 − E)/(1 + E), E = e^−2|x| = 2^k·(s + sl), with 1 − E formed from s and its
     * rounding error sl, so that there is no cancellation for small |x| (where k = 0 and
     * 1 − E = −t exactly); sign restored at the end. Error ≤ 2 ulp.
     */
    private static DoubleVector tanhBody(DoubleVector x) {
        DoubleVector a = x.abs();
        DoubleVector t2 = a.mul(-2.0);
        DoubleVector v = t2.blend(-40.0, t2.compare(VectorOperators.LT, -40.0));   // tanh = 1 in double beyond |x| ≈ 19.1
        DoubleVector kf = v.fma(LOG2E, SHIFTER);
        DoubleVector k = kf.sub(SHIFTER);
        DoubleVector r = k.fma(k.broadcast(-LN2_HI), v);
        r = k.fma(k.broadcast(-LN2_LO), r);
        DoubleVector t = expm1Poly(r);
        DoubleVector s = t.add(1.0);
        DoubleVector sl = t.sub(s.sub(1.0));
        DoubleVector twoK = v.broadcast(1.0).reinterpretAsLongs().add(kf.reinterpretAsLongs().lanewise(VectorOperators.LSHL, 52)).reinterpretAsDoubles();
        DoubleVector eh = s.mul(twoK);
        DoubleVector el = sl.mul(twoK);
        DoubleVector nh = eh.neg().add(1.0);               // 1 − eh
        DoubleVector num = nh.add(nh.neg().add(1.0).sub(eh).sub(el)); // (1 − E) rounded once
        DoubleVector den = eh.add(1.0).add(el);
        DoubleVector res = num.div(den);
        // sign of x: res ≥ 0 here, so OR-ing in the sign bit of x is copySign
        return res.reinterpretAsLongs().or(x.reinterpretAsLongs().and(Long.MIN_VALUE)).reinterpretAsDoubles();
    }

    // ---------------------------------------------------------------------------------------
    // Logarithms: log1p of a value u in (0, 1] (softplus, log-sigmoid) and of w ≥ 0 (logit).

    private static final double LOG_LN2_HI = 0x1.62e42fefa39efp-1;
    private static final double LOG_LN2_LO = 0x1.abc9e3b39803fp-56;

    /**
     * softplus(σx) for σ = ±1 (log-sigmoid is −softplus(−x)): max(x, 0) + log1p(e^−|x|), the
     * whole vector body written out in this one loop so that no vector crosses a call C2 may
     * refuse to inline (a helper this late hits NodeCountInliningCutoff, a bigger one
     * FreqInlineSize; either boxes every vector, about 4× slower). Valid for −708 ≤ σx ≤ +∞.
     * log1p(u), u ∈ (0, 1]: j·ln2 + 2·atanh(f) with, for u ≤ ½, j = 0 and f = u/(2 + u), else
     * j = 1 and f = (u − 1)/(u + 3) (numerators exact, |f| ≤ 1/5), f corrected for the roundings
     * of its denominator and quotient, the sum with max(x, 0) accumulated with its rounding
     * errors. Error ≤ 2 ulp of the result. Returns the index where the scalar tail starts.
     */
    private static int softplusLoop(double[] x, int xOff, double[] y, int yOff, int n, double sign) {
        int i = 0;
        int step = d.length();
        for (int bound = d.loopBound(n); i < bound; i += step) {
            DoubleVector xs = DoubleVector.fromArray(d, x, xOff + i).mul(sign);   // exact
            DoubleVector na = xs.abs().neg();
            DoubleVector v = na.blend(MIN_X, na.compare(VectorOperators.LT, MIN_X));
            DoubleVector kf = v.fma(LOG2E, SHIFTER);
            DoubleVector k = kf.sub(SHIFTER);
            DoubleVector r = k.fma(k.broadcast(-LN2_HI), v);
            r = k.fma(k.broadcast(-LN2_LO), r);
            // expm1Poly(r) written out: the helper, once compiled on its own, may not be inlined here
            DoubleVector g = r.fma(G9, G8).fma(r, r.broadcast(G7)).fma(r, r.broadcast(G6)).fma(r, r.broadcast(G5)).fma(r, r.broadcast(G4))
                    .fma(r, r.broadcast(G3)).fma(r, r.broadcast(G2)).fma(r, r.broadcast(G1)).fma(r, r.broadcast(G0));
            DoubleVector u = g.mul(r).fma(r, r).add(1.0).reinterpretAsLongs().add(kf.reinterpretAsLongs().lanewise(VectorOperators.LSHL, 52)).reinterpretAsDoubles();
            DoubleVector m = xs.blend(0.0, xs.compare(VectorOperators.LT, 0.0));   // max(x, 0) up to the sign of 0
            VectorMask<Double> big = u.compare(VectorOperators.GT, 0.5);
            DoubleVector c = u.broadcast(2.0).blend(3.0, big);
            DoubleVector num = u.sub(u.broadcast(0.0).blend(1.0, big));   // exact (Sterbenz for u > ½)
            DoubleVector den = u.add(c);
            DoubleVector dl = u.sub(den.sub(c));                          // den + dl = u + c exactly
            DoubleVector f = num.div(den);
            DoubleVector rem = f.neg().fma(den, num).sub(f.mul(dl));
            DoubleVector fl = rem.div(den);
            DoubleVector z = f.mul(f);
            DoubleVector twoF = f.add(f);
            // P(z) = 1/3 + z/5 + … + z^11/25 written out: a call this late is refused (NodeCountInliningCutoff)
            DoubleVector pz = z.fma(1.0 / 25, 1.0 / 23).fma(z, z.broadcast(1.0 / 21)).fma(z, z.broadcast(1.0 / 19))
                    .fma(z, z.broadcast(1.0 / 17)).fma(z, z.broadcast(1.0 / 15)).fma(z, z.broadcast(1.0 / 13))
                    .fma(z, z.broadcast(1.0 / 11)).fma(z, z.broadcast(1.0 / 9)).fma(z, z.broadcast(1.0 / 7))
                    .fma(z, z.broadcast(1.0 / 5)).fma(z, z.broadcast(1.0 / 3));
            DoubleVector tail = twoF.mul(z).fma(pz, fl.add(fl));
            DoubleVector jHi = u.broadcast(0.0).blend(LOG_LN2_HI, big);
            DoubleVector jLo = u.broadcast(0.0).blend(LOG_LN2_LO, big);
            // hi = jHi + 2f with its error (|jHi| ≥ |2f| when j = 1; exact when j = 0)
            DoubleVector hi = jHi.add(twoF);
            DoubleVector lo = jHi.sub(hi).add(twoF).add(jLo).add(tail);
            // m + hi (two-sum) + lo
            DoubleVector sum = m.add(hi);
            DoubleVector bb = sum.sub(m);
            DoubleVector err = m.sub(sum.sub(bb)).add(hi.sub(bb));
            DoubleVector res = sum.add(err.add(lo)).mul(sign);
            if (xs.compare(VectorOperators.GE, MIN_X).and(xs.compare(VectorOperators.LE, Double.MAX_VALUE)).allTrue()) {
                res.intoArray(y, yOff + i);
            } else if (sign > 0) {
                ScalarKernels.INSTANCE.softplus(x, xOff + i, y, yOff + i, step);
            } else {
                ScalarKernels.INSTANCE.logSigmoid(x, xOff + i, y, yOff + i, step);
            }
        }
        return i;
    }

    /**
     * softplus for the float kernels: max(x, 0) + j·ln2 + 2f + 2f·z·P(z) without the error
     * compensation of {@link #softplusLoop} (a few double roundings, far inside the Ziv margin);
     * x ≥ −708, finite.
     */
    private static DoubleVector softplusShort(DoubleVector x) {
        DoubleVector na = x.abs().neg();
        DoubleVector v = na.blend(MIN_X, na.compare(VectorOperators.LT, MIN_X));   // max(−|x|, −708)
        DoubleVector kf = v.fma(LOG2E, SHIFTER);
        DoubleVector k = kf.sub(SHIFTER);
        DoubleVector u = expm1PolyShort(k.fma(k.broadcast(-LN2_HI), v)).add(1.0).reinterpretAsLongs().add(kf.reinterpretAsLongs().lanewise(VectorOperators.LSHL, 52)).reinterpretAsDoubles();
        VectorMask<Double> big = u.compare(VectorOperators.GT, 0.5);
        DoubleVector f = u.sub(u.broadcast(0.0).blend(1.0, big)).div(u.add(u.broadcast(2.0).blend(3.0, big)));
        DoubleVector z = f.mul(f);
        DoubleVector p = z.fma(1.0 / 19, 1.0 / 17).fma(z, z.broadcast(1.0 / 15)).fma(z, z.broadcast(1.0 / 13))
                .fma(z, z.broadcast(1.0 / 11)).fma(z, z.broadcast(1.0 / 9)).fma(z, z.broadcast(1.0 / 7))
                .fma(z, z.broadcast(1.0 / 5)).fma(z, z.broadcast(1.0 / 3));
        DoubleVector twoF = f.add(f);
        DoubleVector log1p = twoF.mul(z).fma(p, twoF).add(u.broadcast(0.0).blend(LOG_LN2_HI + LOG_LN2_LO, big));
        return x.blend(0.0, x.compare(VectorOperators.LT, 0.0)).add(log1p);
    }

    private static final double SQRT2 = 0x1.6a09e667f3bcdp0;

    /**
     * logit(p) for 2^−1000 ≤ p &lt; 1, the whole vector body written out in this one loop (as
     * {@link #softplusLoop}): through the helpers log1pGeneral (361 bytecodes, over C2's
     * FreqInlineSize of 325) the kernel took 2.2 or 10 ns/element depending on compile order.
     * logit(p) = log1p(w) with w = (2p−1)/(1−p) for p ≥ ½ and −log1p(w) with w = (1−2p)/p for
     * p &lt; ½ (numerators and denominators exact, one rounding in w); log1p(w): 1 + w = uh + ul
     * (two-sum), uh = 2^j·m with m ∈ [√2/2, √2), log m = 2·atanh((m−1)/(m+1)) with the quotient
     * corrected for ul and its own rounding, plus j·ln2 accumulated with its rounding error.
     * Error ≤ 2 ulp. Returns the index where the scalar tail starts.
     */
    private static int logitLoop(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0;
        int step = d.length();
        for (int bound = d.loopBound(n); i < bound; i += step) {
            DoubleVector p = DoubleVector.fromArray(d, x, xOff + i);
            VectorMask<Double> lower = p.compare(VectorOperators.LT, 0.5);   // not LE: logit(½) = +0
            DoubleVector twoPm1 = p.add(p).sub(1.0);
            DoubleVector wNum = twoPm1.blend(twoPm1.neg(), lower);     // |2p − 1|
            DoubleVector wDen = p.neg().add(1.0).blend(p, lower);       // 1 − p, or p
            DoubleVector w = wNum.div(wDen);
            // log1p(w), w ≥ 0 finite
            DoubleVector one = w.broadcast(1.0);
            DoubleVector uh = w.add(1.0);
            DoubleVector bw = uh.sub(w);
            DoubleVector ul = w.sub(uh.sub(bw)).add(one.sub(bw));     // two-sum: 1 + w = uh + ul
            LongVector bits = uh.reinterpretAsLongs();
            DoubleVector mm = bits.and(0x000FFFFFFFFFFFFFL).or(0x3FF0000000000000L).reinterpretAsDoubles();   // [1, 2)
            VectorMask<Double> high = mm.compare(VectorOperators.GT, SQRT2);
            DoubleVector m = mm.mul(one.blend(0.5, high));             // [√2/2, √2)
            DoubleVector j = ((DoubleVector) bits.lanewise(VectorOperators.LSHR, 52).sub(1023L).convert(VectorOperators.L2D, 0))
                    .add(w.broadcast(0.0).blend(1.0, high));
            DoubleVector mlo = ul.mul(m.div(uh));                     // ul scaled like uh (m/uh = 2^−j exactly)
            DoubleVector num = m.sub(1.0);                            // exact
            DoubleVector den = m.add(1.0);
            DoubleVector dl = one.sub(den.sub(m)).add(mlo);           // den + dl = m + 1 + mlo
            DoubleVector f = num.div(den);
            DoubleVector rem = f.neg().fma(den, num).add(mlo).sub(f.mul(dl));
            DoubleVector fl = rem.div(den);
            DoubleVector z = f.mul(f);
            DoubleVector twoF = f.add(f);
            // 1/3 + z/5 + … + z^11/25 written out (a call this late is refused: NodeCountInliningCutoff)
            DoubleVector pz = z.fma(1.0 / 25, 1.0 / 23).fma(z, z.broadcast(1.0 / 21)).fma(z, z.broadcast(1.0 / 19))
                    .fma(z, z.broadcast(1.0 / 17)).fma(z, z.broadcast(1.0 / 15)).fma(z, z.broadcast(1.0 / 13))
                    .fma(z, z.broadcast(1.0 / 11)).fma(z, z.broadcast(1.0 / 9)).fma(z, z.broadcast(1.0 / 7))
                    .fma(z, z.broadcast(1.0 / 5)).fma(z, z.broadcast(1.0 / 3));
            DoubleVector tail = twoF.mul(z).fma(pz, fl.add(fl));
            DoubleVector jHi = j.mul(LOG_LN2_HI);
            DoubleVector hi = jHi.add(twoF);
            DoubleVector bb = hi.sub(jHi);
            DoubleVector err = jHi.sub(hi.sub(bb)).add(twoF.sub(bb));
            DoubleVector l = hi.add(err.add(j.fma(j.broadcast(LOG_LN2_LO), tail)));
            DoubleVector res = l.blend(l.neg(), lower);
            if (p.compare(VectorOperators.GE, 0x1p-1000).and(p.compare(VectorOperators.LT, 1.0)).allTrue()) {
                res.intoArray(y, yOff + i);
            } else {
                ScalarKernels.INSTANCE.logit(x, xOff + i, y, yOff + i, step);
            }
        }
        return i;
    }

    // ---------------------------------------------------------------------------------------
    // The kernels: body, per-chunk fallback, scalar tail (see the class comment).

    @Override public void sigmoidDerivative(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0;
        int step = d.length();
        for (int bound = d.loopBound(n); i < bound; i += step) {
            DoubleVector xv = DoubleVector.fromArray(d, x, xOff + i);
            DoubleVector res = sigmoidDerivativeBody(xv);
            if (xv.abs().compare(VectorOperators.LE, -MIN_X).allTrue()) {
                res.intoArray(y, yOff + i);
            } else {
                ScalarKernels.INSTANCE.sigmoidDerivative(x, xOff + i, y, yOff + i, step);
            }
        }
        ScalarKernels.INSTANCE.sigmoidDerivative(x, xOff + i, y, yOff + i, n - i);
    }

    @Override public void sigmoidDerivative(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0;
        int step = fh.length();
        for (int bound = fh.loopBound(n); i < bound; i += step) {
            DoubleVector xv = (DoubleVector) FloatVector.fromArray(fh, x, xOff + i).convertShape(VectorOperators.F2D, d, 0);
            DoubleVector res = sigmoidDerivativeShort(xv);
            VectorMask<Double> undecided = xv.abs().neg().compare(VectorOperators.LT, MIN_X_FLOAT);
            // written out (see ZIV_MARGIN): helper calls this late in the method are not inlined
            if (!undecided.anyTrue() && !res.reinterpretAsLongs().and(0x1FFFFFFFL).sub(0x10000000L - ZIV_MARGIN)
                    .compare(VectorOperators.ULT, 2 * ZIV_MARGIN).anyTrue()) {
                ((FloatVector) res.convertShape(VectorOperators.D2F, fh, 0)).intoArray(y, yOff + i);
            } else {
                ScalarKernels.INSTANCE.sigmoidDerivative(x, xOff + i, y, yOff + i, step);
            }
        }
        ScalarKernels.INSTANCE.sigmoidDerivative(x, xOff + i, y, yOff + i, n - i);
    }

    @Override public void silu(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0;
        int step = d.length();
        for (int bound = d.loopBound(n); i < bound; i += step) {
            DoubleVector xv = DoubleVector.fromArray(d, x, xOff + i);
            DoubleVector res = siluBody(xv);
            // fallback also for 0 < |x| < 2^-1000: x·σ(x) ≈ x/2 is subnormal there
            if (xv.compare(VectorOperators.GE, MIN_X).and(xv.abs().compare(VectorOperators.LT, 0x1p-1000).not()).allTrue()) {
                res.intoArray(y, yOff + i);
            } else {
                ScalarKernels.INSTANCE.silu(x, xOff + i, y, yOff + i, step);
            }
        }
        ScalarKernels.INSTANCE.silu(x, xOff + i, y, yOff + i, n - i);
    }

    @Override public void silu(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0;
        int step = fh.length();
        for (int bound = fh.loopBound(n); i < bound; i += step) {
            DoubleVector xv = (DoubleVector) FloatVector.fromArray(fh, x, xOff + i).convertShape(VectorOperators.F2D, d, 0);
            DoubleVector res = siluShort(xv);
            VectorMask<Double> undecided = xv.compare(VectorOperators.LT, MIN_X_FLOAT).or(xv.abs().compare(VectorOperators.LT, 0x1p-100)).or(xv.compare(VectorOperators.NE, xv));
            // written out (see ZIV_MARGIN): helper calls this late in the method are not inlined
            if (!undecided.anyTrue() && !res.reinterpretAsLongs().and(0x1FFFFFFFL).sub(0x10000000L - ZIV_MARGIN)
                    .compare(VectorOperators.ULT, 2 * ZIV_MARGIN).anyTrue()) {
                ((FloatVector) res.convertShape(VectorOperators.D2F, fh, 0)).intoArray(y, yOff + i);
            } else {
                ScalarKernels.INSTANCE.silu(x, xOff + i, y, yOff + i, step);
            }
        }
        ScalarKernels.INSTANCE.silu(x, xOff + i, y, yOff + i, n - i);
    }

    @Override public void tanh(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0;
        int step = d.length();
        for (int bound = d.loopBound(n); i < bound; i += step) {
            DoubleVector xv = DoubleVector.fromArray(d, x, xOff + i);
            DoubleVector res = tanhBody(xv);
            if (xv.compare(VectorOperators.EQ, xv).allTrue()) {
                res.intoArray(y, yOff + i);
            } else {
                ScalarKernels.INSTANCE.tanh(x, xOff + i, y, yOff + i, step);
            }
        }
        ScalarKernels.INSTANCE.tanh(x, xOff + i, y, yOff + i, n - i);
    }

    @Override public void tanh(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0;
        int step = fh.length();
        for (int bound = fh.loopBound(n); i < bound; i += step) {
            DoubleVector xv = (DoubleVector) FloatVector.fromArray(fh, x, xOff + i).convertShape(VectorOperators.F2D, d, 0);
            DoubleVector res = tanhShort(xv);
            VectorMask<Double> undecided = xv.abs().compare(VectorOperators.LT, 0x1p-100);
            // written out (see ZIV_MARGIN): helper calls this late in the method are not inlined
            if (!undecided.anyTrue() && !res.reinterpretAsLongs().and(0x1FFFFFFFL).sub(0x10000000L - ZIV_MARGIN)
                    .compare(VectorOperators.ULT, 2 * ZIV_MARGIN).anyTrue()) {
                ((FloatVector) res.convertShape(VectorOperators.D2F, fh, 0)).intoArray(y, yOff + i);
            } else {
                ScalarKernels.INSTANCE.tanh(x, xOff + i, y, yOff + i, step);
            }
        }
        ScalarKernels.INSTANCE.tanh(x, xOff + i, y, yOff + i, n - i);
    }

    @Override public void softplus(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = softplusLoop(x, xOff, y, yOff, n, 1.0);
        ScalarKernels.INSTANCE.softplus(x, xOff + i, y, yOff + i, n - i);
    }

    @Override public void softplus(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0;
        int step = fh.length();
        for (int bound = fh.loopBound(n); i < bound; i += step) {
            DoubleVector xv = (DoubleVector) FloatVector.fromArray(fh, x, xOff + i).convertShape(VectorOperators.F2D, d, 0);
            DoubleVector res = softplusShort(xv);
            VectorMask<Double> undecided = xv.compare(VectorOperators.LT, MIN_X_FLOAT).or(xv.compare(VectorOperators.GT, Double.MAX_VALUE)).or(xv.compare(VectorOperators.NE, xv));
            // written out (see ZIV_MARGIN): helper calls this late in the method are not inlined
            if (!undecided.anyTrue() && !res.reinterpretAsLongs().and(0x1FFFFFFFL).sub(0x10000000L - ZIV_MARGIN)
                    .compare(VectorOperators.ULT, 2 * ZIV_MARGIN).anyTrue()) {
                ((FloatVector) res.convertShape(VectorOperators.D2F, fh, 0)).intoArray(y, yOff + i);
            } else {
                ScalarKernels.INSTANCE.softplus(x, xOff + i, y, yOff + i, step);
            }
        }
        ScalarKernels.INSTANCE.softplus(x, xOff + i, y, yOff + i, n - i);
    }

    @Override public void logSigmoid(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = softplusLoop(x, xOff, y, yOff, n, -1.0);
        ScalarKernels.INSTANCE.logSigmoid(x, xOff + i, y, yOff + i, n - i);
    }

    @Override public void logSigmoid(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0;
        int step = fh.length();
        for (int bound = fh.loopBound(n); i < bound; i += step) {
            DoubleVector xv = (DoubleVector) FloatVector.fromArray(fh, x, xOff + i).convertShape(VectorOperators.F2D, d, 0);
            DoubleVector res = softplusShort(xv.neg()).neg();
            VectorMask<Double> undecided = xv.compare(VectorOperators.GT, -MIN_X_FLOAT).or(xv.compare(VectorOperators.LT, -Double.MAX_VALUE)).or(xv.compare(VectorOperators.NE, xv));
            // written out (see ZIV_MARGIN): helper calls this late in the method are not inlined
            if (!undecided.anyTrue() && !res.reinterpretAsLongs().and(0x1FFFFFFFL).sub(0x10000000L - ZIV_MARGIN)
                    .compare(VectorOperators.ULT, 2 * ZIV_MARGIN).anyTrue()) {
                ((FloatVector) res.convertShape(VectorOperators.D2F, fh, 0)).intoArray(y, yOff + i);
            } else {
                ScalarKernels.INSTANCE.logSigmoid(x, xOff + i, y, yOff + i, step);
            }
        }
        ScalarKernels.INSTANCE.logSigmoid(x, xOff + i, y, yOff + i, n - i);
    }

    @Override public void logit(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = logitLoop(x, xOff, y, yOff, n);
        ScalarKernels.INSTANCE.logit(x, xOff + i, y, yOff + i, n - i);
    }

    /**
     * Float logit: the arithmetic of {@link #logitLoop} without the error compensation that the
     * Ziv test does not need (the quotient for log m taken as (m − 1 + mlo)/(m + 1 + mlo), the
     * atanh series cut after z^9/19, j·ln2 + log m summed plainly): relative error ≤ 2^−45 for
     * a float p in (0, 1). Written out in this one loop for the same reason as logitLoop.
     */
    @Override public void logit(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0;
        int step = fh.length();
        for (int bound = fh.loopBound(n); i < bound; i += step) {
            FloatVector xf = FloatVector.fromArray(fh, x, xOff + i);
            DoubleVector p = (DoubleVector) xf.convertShape(VectorOperators.F2D, d, 0);
            VectorMask<Double> lower = p.compare(VectorOperators.LT, 0.5);
            DoubleVector twoPm1 = p.add(p).sub(1.0);
            DoubleVector w = twoPm1.blend(twoPm1.neg(), lower).div(p.neg().add(1.0).blend(p, lower));
            DoubleVector uh = w.add(1.0);
            DoubleVector bw = uh.sub(w);
            DoubleVector ul = w.sub(uh.sub(bw)).add(bw.neg().add(1.0));     // 1 + w = uh + ul
            LongVector bits = uh.reinterpretAsLongs();
            DoubleVector mm = bits.and(0x000FFFFFFFFFFFFFL).or(0x3FF0000000000000L).reinterpretAsDoubles();
            VectorMask<Double> high = mm.compare(VectorOperators.GT, SQRT2);
            DoubleVector m = mm.mul(w.broadcast(1.0).blend(0.5, high));
            DoubleVector j = ((DoubleVector) bits.lanewise(VectorOperators.LSHR, 52).sub(1023L).convert(VectorOperators.L2D, 0))
                    .add(w.broadcast(0.0).blend(1.0, high));
            DoubleVector mlo = ul.mul(m.div(uh));
            DoubleVector f = m.sub(1.0).add(mlo).div(m.add(1.0).add(mlo));
            DoubleVector z = f.mul(f);
            DoubleVector pz = z.fma(1.0 / 19, 1.0 / 17).fma(z, z.broadcast(1.0 / 15)).fma(z, z.broadcast(1.0 / 13))
                    .fma(z, z.broadcast(1.0 / 11)).fma(z, z.broadcast(1.0 / 9)).fma(z, z.broadcast(1.0 / 7))
                    .fma(z, z.broadcast(1.0 / 5)).fma(z, z.broadcast(1.0 / 3));
            DoubleVector twoF = f.add(f);
            DoubleVector l = twoF.mul(z).fma(pz, twoF).add(j.mul(LOG_LN2_HI));
            DoubleVector res = l.blend(l.neg(), lower);
            if (xf.compare(VectorOperators.GT, 0f).and(xf.compare(VectorOperators.LT, 1f)).allTrue()
                    && !res.reinterpretAsLongs().and(0x1FFFFFFFL).sub(0x10000000L - ZIV_MARGIN)
                    .compare(VectorOperators.ULT, 2 * ZIV_MARGIN).anyTrue()) {
                ((FloatVector) res.convertShape(VectorOperators.D2F, fh, 0)).intoArray(y, yOff + i);
            } else {
                ScalarKernels.INSTANCE.logit(x, xOff + i, y, yOff + i, step);
            }
        }
        ScalarKernels.INSTANCE.logit(x, xOff + i, y, yOff + i, n - i);
    }

    // tanh'(x) = 4·σ'(2x): the σ' body on 2x (exact), times 4 (exact)
    @Override public void tanhDerivative(double[] x, int xOff, double[] y, int yOff, int n) {
        int i = 0;
        int step = d.length();
        for (int bound = d.loopBound(n); i < bound; i += step) {
            DoubleVector xv = DoubleVector.fromArray(d, x, xOff + i);
            DoubleVector res = sigmoidDerivativeBody(xv.add(xv)).mul(4.0);
            if (xv.abs().compare(VectorOperators.LE, -MIN_X / 2).allTrue()) {
                res.intoArray(y, yOff + i);
            } else {
                ScalarKernels.INSTANCE.tanhDerivative(x, xOff + i, y, yOff + i, step);
            }
        }
        ScalarKernels.INSTANCE.tanhDerivative(x, xOff + i, y, yOff + i, n - i);
    }

    @Override public void tanhDerivative(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0;
        int step = fh.length();
        for (int bound = fh.loopBound(n); i < bound; i += step) {
            DoubleVector xv = (DoubleVector) FloatVector.fromArray(fh, x, xOff + i).convertShape(VectorOperators.F2D, d, 0);
            DoubleVector res = sigmoidDerivativeShort(xv.add(xv)).mul(4.0);
            VectorMask<Double> undecided = xv.abs().compare(VectorOperators.GT, -MIN_X_FLOAT / 2).or(xv.compare(VectorOperators.NE, xv));
            // written out (see ZIV_MARGIN): helper calls this late in the method are not inlined
            if (!undecided.anyTrue() && !res.reinterpretAsLongs().and(0x1FFFFFFFL).sub(0x10000000L - ZIV_MARGIN)
                    .compare(VectorOperators.ULT, 2 * ZIV_MARGIN).anyTrue()) {
                ((FloatVector) res.convertShape(VectorOperators.D2F, fh, 0)).intoArray(y, yOff + i);
            } else {
                ScalarKernels.INSTANCE.tanhDerivative(x, xOff + i, y, yOff + i, step);
            }
        }
        ScalarKernels.INSTANCE.tanhDerivative(x, xOff + i, y, yOff + i, n - i);
    }

    @Override public double dot(double[] a, int aOff, double[] b, int bOff, int n) {
        int i = 0;
        DoubleVector acc = DoubleVector.zero(d);
        for (int bound = d.loopBound(n); i < bound; i += d.length()) {
            acc = DoubleVector.fromArray(d, a, aOff + i).fma(DoubleVector.fromArray(d, b, bOff + i), acc);
        }
        // Lanes added one by one in lane order, never reduceLanes: its order is unspecified and
        // differs between the interpreter and JIT tiers, which would make results irreproducible.
        double s = 0;
        for (int l = 0; l < d.length(); l++) s += acc.lane(l);
        for (; i < n; i++) s = Math.fma(a[aOff + i], b[bOff + i], s);
        return s;
    }

    @Override public float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        int i = 0;
        FloatVector acc = FloatVector.zero(f);
        for (int bound = f.loopBound(n); i < bound; i += f.length()) {
            acc = FloatVector.fromArray(f, a, aOff + i).fma(FloatVector.fromArray(f, b, bOff + i), acc);
        }
        float s = 0;
        for (int l = 0; l < f.length(); l++) s += acc.lane(l); // lane order, as in dot(double[])
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
