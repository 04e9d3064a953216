package org.sigmoid4j.math;

/**
 * Scalar reference implementations of the sigmoid family: allocation-free after inlining,
 * overflow-free, the oracle the bulk kernels are checked against (our {@code StrictMath}).
 *
 * <p><b>Accuracy.</b> The seven smooth functions (sigmoid, its derivative, log-sigmoid,
 * softplus, logit, tanh, SiLU) are evaluated in double-double arithmetic (about 2^−60 relative
 * error or better, see {@link DoubleDouble}) and rounded <em>once</em>:
 * <ul>
 *   <li>{@code double}: within 1 ulp of the exact value (in practice ½ ulp + 2^−7 ulp: almost
 *       always correctly rounded);</li>
 *   <li>{@code float}: correctly rounded (0 ulp), checked on every row of the mpmath reference
 *       vectors and by a sweep over the float line against an independent oracle.</li>
 * </ul>
 * Subnormal results are rounded once into the subnormal range, never flushed to zero; no
 * finite input gives NaN or ±∞ unless the exact result is infinite. Special values follow
 * {@code shared/reference/numerics/README.md}.
 */
public final class Logistic {

    private Logistic() {}

    // ---------------------------------------------------------------------------------------
    // Double-double cores: each leaves the exact result times (1 + ~2^-60) in a Dd.

    /** σ(x) for non-NaN x. With e = e^−|x|: 1/(1+e) for x ≥ 0, e/(1+e) for x &lt; 0. */
    private static DoubleDouble.Dd sigmoidDd(double x, DoubleDouble.Dd r) {
        DoubleDouble.expNeg(-Math.abs(x), r);
        double h = r.h;
        double l = r.l;
        int k = r.k;
        double qh;
        double ql;
        {
            double dh;
            double dl;
            if (k >= -60) {
                double eh = Math.scalb(h, k);
                double el = Math.scalb(l, k);
                dh = 1.0 + eh;
                dl = DoubleDouble.twoSumErr(1.0, eh, dh) + el;
            } else {
                dh = 1.0;
                dl = Math.scalb(h, k);
            }
            qh = 1.0 / dh;
            double rem = Math.fma(-qh, dh, 1.0) - qh * dl;
            ql = rem * qh;
        }
        if (x >= 0) {
            return r.set(qh, ql, 0);
        }
        double ph = h * qh;
        double pl = Math.fma(h, qh, -ph) + (h * ql + l * qh);
        return r.set(ph, pl, k);
    }

    /** σ'(x) = e/(1+e)² with e = e^−|x|, for non-NaN x. */
    private static DoubleDouble.Dd sigmoidDerivativeDd(double x, DoubleDouble.Dd r) {
        sigmoidDd(Math.abs(x), r); // q = 1/(1+e) in (r.h, r.l)
        double qh = r.h;
        double ql = r.l;
        DoubleDouble.expNeg(-Math.abs(x), r);
        double q2h = qh * qh;
        double q2l = Math.fma(qh, qh, -q2h) + 2 * qh * ql;
        double ph = r.h * q2h;
        double pl = Math.fma(r.h, q2h, -ph) + (r.h * q2l + r.l * q2h);
        return r.set(ph, pl, r.k);
    }

    /** softplus(x) = max(x, 0) + log1p(e^−|x|), for non-NaN, finite x. */
    private static DoubleDouble.Dd softplusDd(double x, DoubleDouble.Dd r) {
        DoubleDouble.expNeg(-Math.abs(x), r);
        double h = r.h;
        double l = r.l;
        int k = r.k;
        if (k < -20) {
            // log1p(e) = e·(1 − e/2 + e²/3 − e³/4) for e < 2^-19 (next term < 2^-80)
            double e = Math.scalb(h, Math.max(k, -1000));
            r.set(h, l + h * (e * (-0.5 + e * (1.0 / 3 - 0.25 * e))), k);
        } else {
            double eh = Math.scalb(h, k);
            double el = Math.scalb(l, k);
            double uh = 1.0 + eh;
            double ul = DoubleDouble.twoSumErr(1.0, eh, uh) + el;
            DoubleDouble.log(uh, ul, r);
        }
        if (x <= 0) {
            return r;
        }
        double lh = Math.scalb(r.h, r.k);
        double ll = Math.scalb(r.l, r.k);
        double sh = x + lh;
        return r.set(sh, DoubleDouble.twoSumErr(x, lh, sh) + ll, 0);
    }

    /** tanh(x) for non-NaN x: a Taylor series for |x| &lt; 1/32, else (1 − E)/(1 + E), E = e^−2|x|. */
    private static DoubleDouble.Dd tanhDd(double x, DoubleDouble.Dd r) {
        double a = Math.abs(x);
        if (a < 0x1p-5) {
            double z = x * x;
            double p = 6404582.0 / 10854718875.0;
            p = Math.fma(p, z, -929569.0 / 638512875.0);
            p = Math.fma(p, z, 21844.0 / 6081075.0);
            p = Math.fma(p, z, -1382.0 / 155925.0);
            p = Math.fma(p, z, 62.0 / 2835.0);
            p = Math.fma(p, z, -17.0 / 315.0);
            p = Math.fma(p, z, 2.0 / 15.0);
            p = Math.fma(p, z, -1.0 / 3.0);
            return r.set(x, x * (p * z), 0);
        }
        DoubleDouble.expNeg(-2 * a, r);
        double eh;
        double el;
        if (r.k >= -60) {
            eh = Math.scalb(r.h, r.k);
            el = Math.scalb(r.l, r.k);
        } else {
            eh = Math.scalb(r.h, Math.max(r.k, -1000));
            el = 0;
        }
        double nh = 1.0 - eh;
        double nl = DoubleDouble.twoSumErr(1.0, -eh, nh) - el;
        double dh = 1.0 + eh;
        double dl = DoubleDouble.twoSumErr(1.0, eh, dh) + el;
        double qh = nh / dh;
        double rem = Math.fma(-qh, dh, nh) + nl - qh * dl;
        double ql = rem / dh;
        return x < 0 ? r.set(-qh, -ql, 0) : r.set(qh, ql, 0);
    }

    /** logit(p) for p in (0, 1). */
    private static DoubleDouble.Dd logitDd(double p, DoubleDouble.Dd r) {
        if (p >= 0.4 && p <= 0.6) {
            // log(p/(1−p)) = 2·atanh(u), u = 2p − 1 exact, |u| ≤ 0.2
            return DoubleDouble.twoAtanh(2 * p - 1, 0.0, r);
        }
        double qh = 1.0 - p;
        double ql = DoubleDouble.twoSumErr(1.0, -p, qh); // 0 when p > 1/2 (Sterbenz)
        DoubleDouble.log(qh, ql, r);
        double lqh = r.h;
        double lql = r.l;
        DoubleDouble.log(p, 0.0, r);
        double sh = r.h - lqh;
        return r.set(sh, DoubleDouble.twoSumErr(r.h, -lqh, sh) + (r.l - lql), 0);
    }

    // ---------------------------------------------------------------------------------------

    /**
     * The logistic sigmoid σ(x) = 1/(1+e^−x).
     *
     * <p>Special cases: σ(NaN) = NaN, σ(+∞) = 1, σ(−∞) = +0, σ(±0) = ½. Results for x &lt; −745.13
     * are +0 only because the exact value is below half the smallest subnormal; for
     * x ∈ [−745.13, −708.4] the result is the correctly rounded subnormal (the textbook formula
     * returns 0 there).
     * Accuracy: ≤ 1 ulp (double). Monotone non-decreasing, σ(−x) = 1 − σ(x) up to rounding.
     */
    public static double sigmoid(double x) {
        if (x != x) {
            return x;
        }
        return sigmoidDd(x, new DoubleDouble.Dd()).toDouble();
    }

    /** Float σ(x): correctly rounded (0 ulp); special cases as {@link #sigmoid(double)}. */
    public static float sigmoid(float x) {
        if (x != x) {
            return x;
        }
        return sigmoidDd(x, new DoubleDouble.Dd()).toFloat();
    }

    /**
     * σ'(x) = σ(x)·σ(−x) = e^−|x|/(1+e^−|x|)², computed from x (never y·(1−y) from a rounded y,
     * which is 0 once σ(x) rounds to 1). NaN → NaN, ±∞ → +0, ±0 → ¼; even in x; subnormal
     * results for |x| ∈ [708.4, 745.13]. Accuracy: ≤ 1 ulp (double).
     */
    public static double sigmoidDerivative(double x) {
        if (x != x) {
            return x;
        }
        return sigmoidDerivativeDd(x, new DoubleDouble.Dd()).toDouble();
    }

    /** Float σ'(x): correctly rounded (0 ulp). */
    public static float sigmoidDerivative(float x) {
        if (x != x) {
            return x;
        }
        return sigmoidDerivativeDd(x, new DoubleDouble.Dd()).toFloat();
    }

    /**
     * log σ(x) = −softplus(−x) = −log1p(e^−x), ≤ 0 everywhere. NaN → NaN, −∞ → −∞, +∞ → −0,
     * ±0 → −ln 2; for large x the tiny result −e^−x is returned down to the subnormals and is −0
     * below them. Accuracy: ≤ 1 ulp (double).
     */
    public static double logSigmoid(double x) {
        return -softplus(-x);
    }

    /** Float log σ(x): correctly rounded (0 ulp). */
    public static float logSigmoid(float x) {
        return -softplus(-x);
    }

    /**
     * softplus(x) = log(1+e^x) = max(x, 0) + log1p(e^−|x|), never overflowing. NaN → NaN,
     * +∞ → +∞, −∞ → +0, ±0 → ln 2; equal to x (rounded) for x &gt; 37, to e^x for x &lt; −37, with
     * subnormal results down to x ≈ −745. Accuracy: ≤ 1 ulp (double).
     */
    public static double softplus(double x) {
        if (x != x || x == Double.POSITIVE_INFINITY) {
            return x;
        }
        return softplusDd(x, new DoubleDouble.Dd()).toDouble();
    }

    /** Float softplus: correctly rounded (0 ulp). */
    public static float softplus(float x) {
        if (x != x || x == Float.POSITIVE_INFINITY) {
            return x;
        }
        return softplusDd(x, new DoubleDouble.Dd()).toFloat();
    }

    /**
     * logit(p) = log(p/(1−p)), the inverse of σ. NaN for NaN and for p outside [0, 1];
     * logit(0) = −∞ (also for −0), logit(1) = +∞, logit(½) = +0. Near ½ computed as 2·atanh(2p−1)
     * (no cancellation), elsewhere as log p − log(1−p) in double-double.
     * Accuracy: ≤ 1 ulp (double).
     */
    public static double logit(double p) {
        if (!(p > 0 && p < 1)) {
            return p == 0 ? Double.NEGATIVE_INFINITY : p == 1 ? Double.POSITIVE_INFINITY : Double.NaN;
        }
        return logitDd(p, new DoubleDouble.Dd()).toDouble();
    }

    /** Float logit: correctly rounded (0 ulp). */
    public static float logit(float p) {
        if (!(p > 0 && p < 1)) {
            return p == 0 ? Float.NEGATIVE_INFINITY : p == 1 ? Float.POSITIVE_INFINITY : Float.NaN;
        }
        return logitDd(p, new DoubleDouble.Dd()).toFloat();
    }

    /**
     * tanh(x). NaN → NaN, ±∞ → ±1, ±0 → ±0; odd. Accuracy: ≤ 1 ulp (double); float correctly
     * rounded. (Java's {@code Math.tanh} allows 2.5 ulp.)
     */
    public static double tanh(double x) {
        if (x != x || x == 0) {
            return x; // NaN; tanh(±0) = ±0 (the series below would give +0 for −0: −0·(p·0) = +0)
        }
        return tanhDd(x, new DoubleDouble.Dd()).toDouble();
    }

    /** Float tanh: correctly rounded (0 ulp). */
    public static float tanh(float x) {
        if (x != x || x == 0) {
            return x; // NaN; ±0 as in the double version
        }
        return tanhDd(x, new DoubleDouble.Dd()).toFloat();
    }

    /**
     * SiLU / swish: x·σ(x). NaN → NaN, +∞ → +∞, −∞ → −0 (the limit; the product −∞·0 would be
     * NaN), ±0 → ±0; results for large negative x are tiny negative numbers down to the
     * subnormals, then −0. Accuracy: ≤ 1 ulp (double).
     */
    public static double silu(double x) {
        if (x != x || x == Double.POSITIVE_INFINITY || x == 0) {
            return x; // NaN, +∞, ±0 (the small-x series would turn −0 into +0)
        }
        if (x < -1100) {
            return -0.0; // |x|·e^−|x| < 2^-1500
        }
        if (Math.abs(x) < 0x1p-60) {
            // x·σ(x) = x/2 + x²/4 + O(x⁴): x²/4 is far below ulp(x/2) but positive, and decides
            // ties in the subnormal range (silu(2^-1074) = 2^-1075 + 2^-2150 rounds up)
            double h = Math.scalb(x, 200) * 0.5;
            return DoubleDouble.toDouble(h, Math.ulp(h) * 0x1p-30, -200);
        }
        DoubleDouble.Dd r = sigmoidDd(x, new DoubleDouble.Dd());
        // scale tiny x up so that x·σ(x) is formed exactly; toDouble scales back with one rounding
        int s = Math.abs(x) < 0x1p-900 ? 200 : 0;
        double xs = Math.scalb(x, s);
        double ph = xs * r.h;
        return DoubleDouble.toDouble(ph, Math.fma(xs, r.h, -ph) + xs * r.l, r.k - s);
    }

    /** Float SiLU: correctly rounded (0 ulp). */
    public static float silu(float x) {
        if (x != x || x == Float.POSITIVE_INFINITY || x == 0) {
            return x; // NaN, +∞, ±0
        }
        if (x < -1100) {
            return -0.0f;
        }
        DoubleDouble.Dd r = sigmoidDd(x, new DoubleDouble.Dd());
        double ph = x * r.h;
        return DoubleDouble.toFloat(ph, Math.fma(x, r.h, -ph) + x * r.l, r.k);
    }

    /**
     * Binary cross-entropy of a label {@code y} ∈ [0, 1] given the logit {@code z}:
     * {@code −y·log σ(z) − (1−y)·log σ(−z) = y·softplus(−z) + (1−y)·softplus(z)}.
     *
     * <p>Stable for every logit: each term is a softplus (never {@code log} of a rounded
     * probability), and a term whose weight is exactly 0 is skipped, so {@code z = ±∞} with the
     * matching hard label gives 0, not {@code 0·∞ = NaN}. The result is +∞ only when the exact
     * loss is infinite ({@code z = +∞} with {@code y < 1}, {@code z = −∞} with {@code y > 0}).
     * NaN when {@code z} or {@code y} is NaN, or {@code y} is outside [0, 1].
     * Accuracy: a few ulps (two softplus terms, each ≤ 1 ulp, and one addition).
     */
    public static double bceWithLogits(double z, double y) {
        if (!(y >= 0 && y <= 1) || Double.isNaN(z)) {
            return Double.NaN;
        }
        double pos = y == 0 ? 0 : y * softplus(-z);
        double neg = y == 1 ? 0 : (1 - y) * softplus(z);
        return pos + neg;
    }

    /** Float overload of {@link #bceWithLogits(double, double)}, computed in double and rounded once. */
    public static float bceWithLogits(float z, float y) {
        return (float) bceWithLogits((double) z, (double) y);
    }

    /**
     * ∂/∂z of {@link #bceWithLogits}: σ(z) − y, computed without cancellation for hard labels:
     * for z &gt; 0 as (1 − y) − σ(−z), since σ(z) = 1 − σ(−z) and σ(−z) is the small, accurately
     * known part. Finite for every z (σ(±∞) are 1 and 0), in [−1, 1]. NaN when z or y is NaN or
     * y is outside [0, 1].
     */
    public static double bceWithLogitsGradient(double z, double y) {
        if (!(y >= 0 && y <= 1) || Double.isNaN(z)) {
            return Double.NaN;
        }
        return z > 0 ? (1 - y) - sigmoid(-z) : sigmoid(z) - y;
    }

    /** Float overload of {@link #bceWithLogitsGradient(double, double)}. */
    public static float bceWithLogitsGradient(float z, float y) {
        return (float) bceWithLogitsGradient((double) z, (double) y);
    }

    // ---------------------------------------------------------------------------------------
    // Piecewise-linear activations (exact: at most one rounding, in leakyRelu's alpha·x).

    /**
     * Hard sigmoid, PyTorch's definition: {@code relu6(x + 3) / 6 = min(max(x + 3, 0), 6) / 6}.
     * 0 for x ≤ −3, 1 for x ≥ 3, linear in between; NaN for NaN. Accuracy: ≤ 1 ulp (two roundings:
     * x + 3 and the division, each ½ ulp).
     */
    public static double hardSigmoid(double x) {
        return Math.min(Math.max(x + 3.0, 0.0), 6.0) / 6.0;
    }

    /** Float overload of {@link #hardSigmoid(double)}; computed in double, rounded once (0 ulp away from the real-number value of relu6(x+3)/6). */
    public static float hardSigmoid(float x) {
        return (float) hardSigmoid((double) x);
    }

    /**
     * Derivative of {@link #hardSigmoid(double)}: 1/6 for −3 &lt; x &lt; 3, else 0 (PyTorch's
     * {@code hardsigmoid_backward}: the kinks at ±3 get 0). NaN for NaN.
     */
    public static double hardSigmoidDerivative(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        return x > -3.0 && x < 3.0 ? 1.0 / 6.0 : 0.0;
    }

    public static float hardSigmoidDerivative(float x) {
        return (float) hardSigmoidDerivative((double) x);
    }

    /** ReLU: max(x, 0), exact; relu(−0) = +0; NaN for NaN. */
    public static double relu(double x) {
        return Math.max(x, 0.0);
    }

    public static float relu(float x) {
        return Math.max(x, 0.0f);
    }

    /** ReLU's derivative: 1 for x &gt; 0, else 0 (0 at the kink, as PyTorch); NaN for NaN. */
    public static double reluDerivative(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        return x > 0 ? 1.0 : 0.0;
    }

    public static float reluDerivative(float x) {
        if (Float.isNaN(x)) {
            return x;
        }
        return x > 0 ? 1.0f : 0.0f;
    }

    /** Leaky ReLU: x for x &gt; 0, else alpha·x (correctly rounded product); NaN for NaN. */
    public static double leakyRelu(double x, double alpha) {
        return x > 0 ? x : alpha * x;
    }

    public static float leakyRelu(float x, float alpha) {
        return x > 0 ? x : alpha * x;
    }

    /** Leaky ReLU's derivative: 1 for x &gt; 0, else alpha (alpha at the kink, as PyTorch); NaN for NaN. */
    public static double leakyReluDerivative(double x, double alpha) {
        if (Double.isNaN(x)) {
            return x;
        }
        return x > 0 ? 1.0 : alpha;
    }

    public static float leakyReluDerivative(float x, float alpha) {
        if (Float.isNaN(x)) {
            return x;
        }
        return x > 0 ? 1.0f : alpha;
    }

    // ---------------------------------------------------------------------------------------
    // Derivatives of the smooth activations, from x.

    /**
     * tanh'(x) = 1 − tanh²(x) = sech²(x), computed from x as {@code 4·σ'(2x)} (σ'(u) =
     * e^−|u|/(1+e^−|u|)²), which has no cancellation: the textbook 1 − tanh² returns 0 once
     * tanh(x) rounds to ±1 (|x| ≳ 19) although the exact value is about 4e^−2|x|.
     * In (0, 1]; 1 at ±0; +0 at ±∞; NaN for NaN. Accuracy: as {@link #sigmoidDerivative(double)}
     * (≤ 1 ulp; float correctly rounded): the double-double σ'(2x) is scaled by 4 and rounded once.
     */
    public static double tanhDerivative(double x) {
        if (x != x) {
            return x;
        }
        DoubleDouble.Dd r = sigmoidDerivativeDd(2.0 * x, new DoubleDouble.Dd());
        return DoubleDouble.toDouble(r.h, r.l, r.k + 2);
    }

    /** Float tanh'(x): correctly rounded (computed as for double, rounded once to float). */
    public static float tanhDerivative(float x) {
        if (x != x) {
            return x;
        }
        DoubleDouble.Dd r = sigmoidDerivativeDd(2.0 * x, new DoubleDouble.Dd());
        return DoubleDouble.toFloat(r.h, r.l, r.k + 2);
    }

    /**
     * SiLU's derivative, d/dx x·σ(x) = σ(x)·(1 + x·σ(−x)), from x. Tends to 1 as x → +∞ and to
     * −0 (from below) as x → −∞; at ±∞ returns the limits 1 and −0; NaN for NaN. Accuracy: a few
     * ulps in absolute terms relative to σ(x); relative accuracy is lower only near the zero at
     * x ≈ −1.2785 where 1 + x·σ(−x) cancels.
     */
    public static double siluDerivative(double x) {
        if (x == Double.NEGATIVE_INFINITY) {
            return -0.0;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return 1.0;
        }
        return sigmoid(x) * Math.fma(x, sigmoid(-x), 1.0);
    }

    public static float siluDerivative(float x) {
        return (float) siluDerivative((double) x);
    }

    // ---------------------------------------------------------------------------------------
    // Row-wise softmax family. Stable: the row maximum is subtracted before exponentiating.

    /**
     * log Σ e^{x[i]} over {@code x[off .. off+n)}, computed as {@code m + log1p(Σ_{i≠k} e^{x[i]−m})}
     * with m = x[k] the maximum, so no exponential overflows and a dominant term costs no
     * accuracy. n = 0 or all −∞ gives −∞; any +∞ gives +∞; any NaN gives NaN.
     * Accuracy: a few ulps (n exponentials of non-positive arguments, a sum and a log1p).
     */
    public static double logSumExp(double[] x, int off, int n) {
        int k = argMax(x, off, n);
        if (k < 0) {
            return n == 0 ? Double.NEGATIVE_INFINITY : Double.NaN;
        }
        double m = x[k];
        if (Double.isInfinite(m)) {
            return m;
        }
        double s = 0;
        for (int i = off; i < off + n; i++) {
            if (i != k) {
                s += Math.exp(x[i] - m);
            }
        }
        return m + Math.log1p(s);
    }

    /** Float overload of {@link #logSumExp(double[], int, int)}: accumulated in double, rounded once. */
    public static float logSumExp(float[] x, int off, int n) {
        int k = argMax(x, off, n);
        if (k < 0) {
            return n == 0 ? Float.NEGATIVE_INFINITY : Float.NaN;
        }
        double m = x[k];
        if (Double.isInfinite(m)) {
            return (float) m;
        }
        double s = 0;
        for (int i = off; i < off + n; i++) {
            if (i != k) {
                s += Math.exp(x[i] - m);
            }
        }
        return (float) (m + Math.log1p(s));
    }

    /**
     * y[i] = e^{x[i]} / Σ_j e^{x[j]} over a row of n, stable (the maximum is subtracted first).
     * In place allowed ({@code x == y}, same offset). Each output in [0, 1]; the outputs sum to 1
     * within n ulps. Rows with +∞ entries give the limit: the +∞ entries share the mass equally,
     * the others get 0. A row that is all −∞ (no mass at all) or contains NaN gives NaN.
     */
    public static void softmax(double[] x, int xOff, double[] y, int yOff, int n) {
        if (n == 0) {
            return;
        }
        int k = argMax(x, xOff, n);
        double m = k < 0 ? Double.NaN : x[k];
        if (Double.isNaN(m) || m == Double.NEGATIVE_INFINITY) {
            java.util.Arrays.fill(y, yOff, yOff + n, Double.NaN);
            return;
        }
        if (m == Double.POSITIVE_INFINITY) {
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (x[xOff + i] == m) {
                    count++;
                }
            }
            double share = 1.0 / count;
            for (int i = 0; i < n; i++) {
                y[yOff + i] = x[xOff + i] == m ? share : 0.0;
            }
            return;
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            double e = Math.exp(x[xOff + i] - m);
            y[yOff + i] = e;
            s += e;
        }
        double inv = 1.0 / s;
        for (int i = 0; i < n; i++) {
            y[yOff + i] *= inv;
        }
    }

    /** In-place softmax of {@code x[off .. off+n)}. */
    public static void softmax(double[] x, int off, int n) {
        softmax(x, off, x, off, n);
    }

    /** Float overload of {@link #softmax(double[], int, double[], int, int)}: computed in double, each output rounded once. */
    public static void softmax(float[] x, int xOff, float[] y, int yOff, int n) {
        if (n == 0) {
            return;
        }
        int k = argMax(x, xOff, n);
        double m = k < 0 ? Double.NaN : x[k];
        if (Double.isNaN(m) || m == Double.NEGATIVE_INFINITY) {
            java.util.Arrays.fill(y, yOff, yOff + n, Float.NaN);
            return;
        }
        if (m == Double.POSITIVE_INFINITY) {
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (x[xOff + i] == m) {
                    count++;
                }
            }
            float share = (float) (1.0 / count);
            for (int i = 0; i < n; i++) {
                y[yOff + i] = x[xOff + i] == m ? share : 0.0f;
            }
            return;
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.exp(x[xOff + i] - m);
        }
        double inv = 1.0 / s;
        for (int i = 0; i < n; i++) {
            y[yOff + i] = (float) (Math.exp(x[xOff + i] - m) * inv);
        }
    }

    /** In-place softmax of {@code x[off .. off+n)}. */
    public static void softmax(float[] x, int off, int n) {
        softmax(x, off, x, off, n);
    }

    /**
     * y[i] = x[i] − logSumExp(x) over a row of n: the log of {@link #softmax}, without the
     * underflow of log(softmax) (entries far below the maximum stay finite and accurate).
     * In place allowed. Rows with +∞ entries: −log(count) at the +∞ entries, −∞ elsewhere.
     * All −∞ or any NaN: NaN.
     */
    public static void logSoftmax(double[] x, int xOff, double[] y, int yOff, int n) {
        if (n == 0) {
            return;
        }
        int k = argMax(x, xOff, n);
        double m = k < 0 ? Double.NaN : x[k];
        if (Double.isNaN(m) || m == Double.NEGATIVE_INFINITY) {
            java.util.Arrays.fill(y, yOff, yOff + n, Double.NaN);
            return;
        }
        if (m == Double.POSITIVE_INFINITY) {
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (x[xOff + i] == m) {
                    count++;
                }
            }
            double v = -Math.log(count);
            for (int i = 0; i < n; i++) {
                y[yOff + i] = x[xOff + i] == m ? v : Double.NEGATIVE_INFINITY;
            }
            return;
        }
        double lse = logSumExp(x, xOff, n);
        for (int i = 0; i < n; i++) {
            y[yOff + i] = x[xOff + i] - lse;
        }
    }

    /** In-place log-softmax of {@code x[off .. off+n)}. */
    public static void logSoftmax(double[] x, int off, int n) {
        logSoftmax(x, off, x, off, n);
    }

    /** Float overload of {@link #logSoftmax(double[], int, double[], int, int)}: computed in double, each output rounded once. */
    public static void logSoftmax(float[] x, int xOff, float[] y, int yOff, int n) {
        if (n == 0) {
            return;
        }
        int k = argMax(x, xOff, n);
        double m = k < 0 ? Double.NaN : x[k];
        if (Double.isNaN(m) || m == Double.NEGATIVE_INFINITY) {
            java.util.Arrays.fill(y, yOff, yOff + n, Float.NaN);
            return;
        }
        if (m == Double.POSITIVE_INFINITY) {
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (x[xOff + i] == m) {
                    count++;
                }
            }
            float v = (float) -Math.log(count);
            for (int i = 0; i < n; i++) {
                y[yOff + i] = x[xOff + i] == m ? v : Float.NEGATIVE_INFINITY;
            }
            return;
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            if (xOff + i != k) {
                s += Math.exp(x[xOff + i] - m);
            }
        }
        double lse = m + Math.log1p(s);
        for (int i = 0; i < n; i++) {
            y[yOff + i] = (float) (x[xOff + i] - lse);
        }
    }

    /** In-place log-softmax of {@code x[off .. off+n)}. */
    public static void logSoftmax(float[] x, int off, int n) {
        logSoftmax(x, off, x, off, n);
    }

    /** Index of the first maximum of x[off .. off+n), or −1 when n = 0 or a NaN is present. */
    private static int argMax(double[] x, int off, int n) {
        int k = -1;
        double m = Double.NEGATIVE_INFINITY;
        for (int i = off; i < off + n; i++) {
            double v = x[i];
            if (Double.isNaN(v)) {
                return -1;
            }
            if (k < 0 || v > m) {
                k = i;
                m = v;
            }
        }
        return k;
    }

    private static int argMax(float[] x, int off, int n) {
        int k = -1;
        float m = Float.NEGATIVE_INFINITY;
        for (int i = off; i < off + n; i++) {
            float v = x[i];
            if (Float.isNaN(v)) {
                return -1;
            }
            if (k < 0 || v > m) {
                k = i;
                m = v;
            }
        }
        return k;
    }
}
