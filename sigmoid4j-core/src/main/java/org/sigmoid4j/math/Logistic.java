package org.sigmoid4j.math;

/**
 * Scalar reference implementations of the sigmoid family: allocation-free, overflow-free, the
 * oracle the bulk kernels are checked against (our {@code StrictMath}).
 *
 * <p>Accuracy bounds are stated per function and tested against the correctly rounded reference
 * vectors. The float overloads are computed in double and rounded once.
 */
public final class Logistic {

    private Logistic() {}

    /** σ(x) = 1/(1+e^-x). Never overflows: e^-|x| ≤ 1 is the only exponential taken. */
    public static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    public static float sigmoid(float x) {
        return (float) sigmoid((double) x);
    }

    /** σ'(x) = σ(x)·σ(−x), computed from x (not from a rounded σ(x)). */
    public static double sigmoidDerivative(double x) {
        return sigmoid(x) * sigmoid(-x);
    }

    public static float sigmoidDerivative(float x) {
        return (float) sigmoidDerivative((double) x);
    }

    /** log σ(x) = −softplus(−x). */
    public static double logSigmoid(double x) {
        return -softplus(-x);
    }

    public static float logSigmoid(float x) {
        return (float) logSigmoid((double) x);
    }

    /** softplus(x) = log(1+e^x). */
    public static double softplus(double x) {
        if (x > 0) {
            return x + Math.log1p(Math.exp(-x));
        }
        return Math.log1p(Math.exp(x));
    }

    public static float softplus(float x) {
        return (float) softplus((double) x);
    }

    /** logit(p) = log(p/(1−p)), the inverse of σ; NaN outside [0, 1]. */
    public static double logit(double p) {
        if (!(p >= 0 && p <= 1)) {
            return Double.NaN;
        }
        return Math.log(p) - Math.log1p(-p);
    }

    public static float logit(float p) {
        return (float) logit((double) p);
    }

    public static double tanh(double x) {
        return Math.tanh(x);
    }

    public static float tanh(float x) {
        return (float) Math.tanh(x);
    }

    /** SiLU / swish: x·σ(x); silu(−∞) is the limit −0. */
    public static double silu(double x) {
        if (x == Double.NEGATIVE_INFINITY) {
            return -0.0;
        }
        return x * sigmoid(x);
    }

    public static float silu(float x) {
        return (float) silu((double) x);
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
     * In (0, 1]; 1 at ±0; +0 at ±∞; NaN for NaN. Accuracy: within the bound of
     * {@link #sigmoidDerivative(double)} plus ½ ulp where the result is subnormal.
     */
    public static double tanhDerivative(double x) {
        return 4.0 * sigmoidDerivative(2.0 * x);
    }

    public static float tanhDerivative(float x) {
        return (float) tanhDerivative((double) x);
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
