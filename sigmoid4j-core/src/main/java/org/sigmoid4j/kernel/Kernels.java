package org.sigmoid4j.kernel;

import java.util.Objects;
import org.sigmoid4j.internal.kernel.KernelProvider;
import org.sigmoid4j.internal.kernel.KernelSupport;
import org.sigmoid4j.math.Logistic;

/**
 * The public bulk kernels: one facade over the implementation chosen once per JVM (SIMD through
 * the Vector API when {@code --add-modules jdk.incubator.vector} is given, scalar otherwise; see
 * {@link #info()}). Element-wise methods read {@code x[xOff..xOff+n)} and write
 * {@code y[yOff..yOff+n)}; in place ({@code x == y}, same offset) is allowed.
 *
 * <p><b>Accuracy of the bulk sigmoid family</b> (sigmoid, sigmoidDerivative, logSigmoid,
 * softplus, logit, tanh, silu), tested on every row of the mpmath reference vectors for both
 * implementations, against the scalar path over sizes that straddle the lane counts (with
 * 128/256/512-bit vectors), and by a sweep over the float line:
 * <ul>
 *   <li>{@code float[]}: correctly rounded (0 ulp), SIMD or scalar; the opt-in
 *       {@link #sigmoidFaithful(float[], int, float[], int, int)} is within 1 ulp instead;</li>
 *   <li>{@code double[]}: within 2 ulp with SIMD (measured maximum: 2 ulp for sigmoid, σ', tanh;
 *       1 ulp for log-sigmoid, softplus, SiLU, logit), within 1 ulp with the scalar fallback;</li>
 *   <li>special values as the scalar functions of {@link Logistic}; subnormal results are
 *       returned, never flushed; no NaN or ±∞ for finite input unless the exact result is
 *       infinite.</li>
 * </ul>
 * The piecewise-linear functions (relu, leakyRelu, hardSigmoid) are exact up to their one
 * rounding, as in {@link Logistic}.
 */
public final class Kernels {

    private static final KernelSupport IMPL = KernelProvider.kernels();

    private Kernels() {}

    /** Which implementation is active, and why. */
    public static KernelInfo info() {
        return KernelProvider.info();
    }

    /** Element-wise σ(x) = 1/(1+e^-x); see {@link Logistic#sigmoid(double)} for the scalar contract. */
    public static void sigmoid(double[] x, int xOff, double[] y, int yOff, int n) {
        checkRange(x.length, xOff, y.length, yOff, n);
        IMPL.sigmoid(x, xOff, y, yOff, n);
    }

    /** sigmoid of the whole array into {@code y} (may be {@code x}). */
    public static void sigmoid(double[] x, double[] y) {
        checkSameLength(x.length, y.length);
        IMPL.sigmoid(x, 0, y, 0, x.length);
    }

    /** Element-wise σ(x) = 1/(1+e^-x); see {@link Logistic#sigmoid(float)} for the scalar contract. */
    public static void sigmoid(float[] x, int xOff, float[] y, int yOff, int n) {
        checkRange(x.length, xOff, y.length, yOff, n);
        IMPL.sigmoid(x, xOff, y, yOff, n);
    }

    /** sigmoid of the whole array into {@code y} (may be {@code x}). */
    public static void sigmoid(float[] x, float[] y) {
        checkSameLength(x.length, y.length);
        IMPL.sigmoid(x, 0, y, 0, x.length);
    }

    /**
     * Element-wise σ(x) = 1/(1+e^-x) in float, <b>faithful: within 1 ulp, not correctly
     * rounded</b>; use {@link #sigmoid(float[], int, float[], int, int)} for 0 ulp. An explicit
     * opt-in for throughput: with the Vector API it computes in float lanes (twice as many per
     * register as the correctly rounded kernel, which must work in double to decide the float
     * rounding) and runs at about 0.46× the time of the double sigmoid (n = 4096, AVX-512;
     * the correctly rounded float kernel takes about 1.2×). About 5 % of inputs differ from the
     * correctly rounded result, by 1 ulp (checked exhaustively over every float in [−88, 128];
     * outside that range both give the same results). Special values as {@link Logistic#sigmoid(float)}:
     * NaN → NaN, +∞ → 1, −∞ → 0, results in (0, 1] for finite x, subnormal results (x &lt; −87.3)
     * returned correctly rounded, never flushed to zero. Without the Vector API this is the
     * correctly rounded scalar loop.
     */
    public static void sigmoidFaithful(float[] x, int xOff, float[] y, int yOff, int n) {
        checkRange(x.length, xOff, y.length, yOff, n);
        IMPL.sigmoidFaithful(x, xOff, y, yOff, n);
    }

    /** {@link #sigmoidFaithful(float[], int, float[], int, int)} of the whole array into {@code y} (may be {@code x}). */
    public static void sigmoidFaithful(float[] x, float[] y) {
        checkSameLength(x.length, y.length);
        IMPL.sigmoidFaithful(x, 0, y, 0, x.length);
    }

    /** Element-wise σ'(x) = σ(x)·σ(−x), from x; see {@link Logistic#sigmoidDerivative(double)} for the scalar contract. */
    public static void sigmoidDerivative(double[] x, int xOff, double[] y, int yOff, int n) {
        checkRange(x.length, xOff, y.length, yOff, n);
        IMPL.sigmoidDerivative(x, xOff, y, yOff, n);
    }

    /** sigmoidDerivative of the whole array into {@code y} (may be {@code x}). */
    public static void sigmoidDerivative(double[] x, double[] y) {
        checkSameLength(x.length, y.length);
        IMPL.sigmoidDerivative(x, 0, y, 0, x.length);
    }

    /** Element-wise σ'(x) = σ(x)·σ(−x), from x; see {@link Logistic#sigmoidDerivative(float)} for the scalar contract. */
    public static void sigmoidDerivative(float[] x, int xOff, float[] y, int yOff, int n) {
        checkRange(x.length, xOff, y.length, yOff, n);
        IMPL.sigmoidDerivative(x, xOff, y, yOff, n);
    }

    /** sigmoidDerivative of the whole array into {@code y} (may be {@code x}). */
    public static void sigmoidDerivative(float[] x, float[] y) {
        checkSameLength(x.length, y.length);
        IMPL.sigmoidDerivative(x, 0, y, 0, x.length);
    }

    /** Element-wise log σ(x); see {@link Logistic#logSigmoid(double)} for the scalar contract. */
    public static void logSigmoid(double[] x, int xOff, double[] y, int yOff, int n) {
        checkRange(x.length, xOff, y.length, yOff, n);
        IMPL.logSigmoid(x, xOff, y, yOff, n);
    }

    /** logSigmoid of the whole array into {@code y} (may be {@code x}). */
    public static void logSigmoid(double[] x, double[] y) {
        checkSameLength(x.length, y.length);
        IMPL.logSigmoid(x, 0, y, 0, x.length);
    }

    /** Element-wise log σ(x); see {@link Logistic#logSigmoid(float)} for the scalar contract. */
    public static void logSigmoid(float[] x, int xOff, float[] y, int yOff, int n) {
        checkRange(x.length, xOff, y.length, yOff, n);
        IMPL.logSigmoid(x, xOff, y, yOff, n);
    }

    /** logSigmoid of the whole array into {@code y} (may be {@code x}). */
    public static void logSigmoid(float[] x, float[] y) {
        checkSameLength(x.length, y.length);
        IMPL.logSigmoid(x, 0, y, 0, x.length);
    }

    /** Element-wise log(1+e^x); see {@link Logistic#softplus(double)} for the scalar contract. */
    public static void softplus(double[] x, int xOff, double[] y, int yOff, int n) {
        checkRange(x.length, xOff, y.length, yOff, n);
        IMPL.softplus(x, xOff, y, yOff, n);
    }

    /** softplus of the whole array into {@code y} (may be {@code x}). */
    public static void softplus(double[] x, double[] y) {
        checkSameLength(x.length, y.length);
        IMPL.softplus(x, 0, y, 0, x.length);
    }

    /** Element-wise log(1+e^x); see {@link Logistic#softplus(float)} for the scalar contract. */
    public static void softplus(float[] x, int xOff, float[] y, int yOff, int n) {
        checkRange(x.length, xOff, y.length, yOff, n);
        IMPL.softplus(x, xOff, y, yOff, n);
    }

    /** softplus of the whole array into {@code y} (may be {@code x}). */
    public static void softplus(float[] x, float[] y) {
        checkSameLength(x.length, y.length);
        IMPL.softplus(x, 0, y, 0, x.length);
    }

    /** Element-wise log(p/(1−p)); see {@link Logistic#logit(double)} for the scalar contract. */
    public static void logit(double[] x, int xOff, double[] y, int yOff, int n) {
        checkRange(x.length, xOff, y.length, yOff, n);
        IMPL.logit(x, xOff, y, yOff, n);
    }

    /** logit of the whole array into {@code y} (may be {@code x}). */
    public static void logit(double[] x, double[] y) {
        checkSameLength(x.length, y.length);
        IMPL.logit(x, 0, y, 0, x.length);
    }

    /** Element-wise log(p/(1−p)); see {@link Logistic#logit(float)} for the scalar contract. */
    public static void logit(float[] x, int xOff, float[] y, int yOff, int n) {
        checkRange(x.length, xOff, y.length, yOff, n);
        IMPL.logit(x, xOff, y, yOff, n);
    }

    /** logit of the whole array into {@code y} (may be {@code x}). */
    public static void logit(float[] x, float[] y) {
        checkSameLength(x.length, y.length);
        IMPL.logit(x, 0, y, 0, x.length);
    }

    /** Element-wise tanh(x); see {@link Logistic#tanh(double)} for the scalar contract. */
    public static void tanh(double[] x, int xOff, double[] y, int yOff, int n) {
        checkRange(x.length, xOff, y.length, yOff, n);
        IMPL.tanh(x, xOff, y, yOff, n);
    }

    /** tanh of the whole array into {@code y} (may be {@code x}). */
    public static void tanh(double[] x, double[] y) {
        checkSameLength(x.length, y.length);
        IMPL.tanh(x, 0, y, 0, x.length);
    }

    /** Element-wise tanh(x); see {@link Logistic#tanh(float)} for the scalar contract. */
    public static void tanh(float[] x, int xOff, float[] y, int yOff, int n) {
        checkRange(x.length, xOff, y.length, yOff, n);
        IMPL.tanh(x, xOff, y, yOff, n);
    }

    /** tanh of the whole array into {@code y} (may be {@code x}). */
    public static void tanh(float[] x, float[] y) {
        checkSameLength(x.length, y.length);
        IMPL.tanh(x, 0, y, 0, x.length);
    }

    /** Element-wise x·σ(x); see {@link Logistic#silu(double)} for the scalar contract. */
    public static void silu(double[] x, int xOff, double[] y, int yOff, int n) {
        checkRange(x.length, xOff, y.length, yOff, n);
        IMPL.silu(x, xOff, y, yOff, n);
    }

    /** silu of the whole array into {@code y} (may be {@code x}). */
    public static void silu(double[] x, double[] y) {
        checkSameLength(x.length, y.length);
        IMPL.silu(x, 0, y, 0, x.length);
    }

    /** Element-wise x·σ(x); see {@link Logistic#silu(float)} for the scalar contract. */
    public static void silu(float[] x, int xOff, float[] y, int yOff, int n) {
        checkRange(x.length, xOff, y.length, yOff, n);
        IMPL.silu(x, xOff, y, yOff, n);
    }

    /** silu of the whole array into {@code y} (may be {@code x}). */
    public static void silu(float[] x, float[] y) {
        checkSameLength(x.length, y.length);
        IMPL.silu(x, 0, y, 0, x.length);
    }

    /** Element-wise hard sigmoid relu6(x+3)/6 (PyTorch); see {@link Logistic#hardSigmoid(double)}. */
    public static void hardSigmoid(double[] x, int xOff, double[] y, int yOff, int n) {
        checkRange(x.length, xOff, y.length, yOff, n);
        IMPL.hardSigmoid(x, xOff, y, yOff, n);
    }

    /** hardSigmoid of the whole array into {@code y} (may be {@code x}). */
    public static void hardSigmoid(double[] x, double[] y) {
        checkSameLength(x.length, y.length);
        IMPL.hardSigmoid(x, 0, y, 0, x.length);
    }

    /** Element-wise hard sigmoid relu6(x+3)/6 (PyTorch); see {@link Logistic#hardSigmoid(float)}. */
    public static void hardSigmoid(float[] x, int xOff, float[] y, int yOff, int n) {
        checkRange(x.length, xOff, y.length, yOff, n);
        IMPL.hardSigmoid(x, xOff, y, yOff, n);
    }

    /** hardSigmoid of the whole array into {@code y} (may be {@code x}). */
    public static void hardSigmoid(float[] x, float[] y) {
        checkSameLength(x.length, y.length);
        IMPL.hardSigmoid(x, 0, y, 0, x.length);
    }

    /** Element-wise max(x, 0); see {@link Logistic#relu(double)}. */
    public static void relu(double[] x, int xOff, double[] y, int yOff, int n) {
        checkRange(x.length, xOff, y.length, yOff, n);
        IMPL.relu(x, xOff, y, yOff, n);
    }

    /** relu of the whole array into {@code y} (may be {@code x}). */
    public static void relu(double[] x, double[] y) {
        checkSameLength(x.length, y.length);
        IMPL.relu(x, 0, y, 0, x.length);
    }

    /** Element-wise max(x, 0); see {@link Logistic#relu(float)}. */
    public static void relu(float[] x, int xOff, float[] y, int yOff, int n) {
        checkRange(x.length, xOff, y.length, yOff, n);
        IMPL.relu(x, xOff, y, yOff, n);
    }

    /** relu of the whole array into {@code y} (may be {@code x}). */
    public static void relu(float[] x, float[] y) {
        checkSameLength(x.length, y.length);
        IMPL.relu(x, 0, y, 0, x.length);
    }

    /** Element-wise tanh'(x) = 1 − tanh²(x), from x; see {@link Logistic#tanhDerivative(double)}. */
    public static void tanhDerivative(double[] x, int xOff, double[] y, int yOff, int n) {
        checkRange(x.length, xOff, y.length, yOff, n);
        IMPL.tanhDerivative(x, xOff, y, yOff, n);
    }

    /** tanhDerivative of the whole array into {@code y} (may be {@code x}). */
    public static void tanhDerivative(double[] x, double[] y) {
        checkSameLength(x.length, y.length);
        IMPL.tanhDerivative(x, 0, y, 0, x.length);
    }

    /** Element-wise tanh'(x) = 1 − tanh²(x), from x; see {@link Logistic#tanhDerivative(float)}. */
    public static void tanhDerivative(float[] x, int xOff, float[] y, int yOff, int n) {
        checkRange(x.length, xOff, y.length, yOff, n);
        IMPL.tanhDerivative(x, xOff, y, yOff, n);
    }

    /** tanhDerivative of the whole array into {@code y} (may be {@code x}). */
    public static void tanhDerivative(float[] x, float[] y) {
        checkSameLength(x.length, y.length);
        IMPL.tanhDerivative(x, 0, y, 0, x.length);
    }

    /** Element-wise SiLU'(x) = σ(x)·(1 + x·σ(−x)), from x; see {@link Logistic#siluDerivative(double)}. */
    public static void siluDerivative(double[] x, int xOff, double[] y, int yOff, int n) {
        checkRange(x.length, xOff, y.length, yOff, n);
        IMPL.siluDerivative(x, xOff, y, yOff, n);
    }

    /** siluDerivative of the whole array into {@code y} (may be {@code x}). */
    public static void siluDerivative(double[] x, double[] y) {
        checkSameLength(x.length, y.length);
        IMPL.siluDerivative(x, 0, y, 0, x.length);
    }

    /** Element-wise SiLU'(x) = σ(x)·(1 + x·σ(−x)), from x; see {@link Logistic#siluDerivative(float)}. */
    public static void siluDerivative(float[] x, int xOff, float[] y, int yOff, int n) {
        checkRange(x.length, xOff, y.length, yOff, n);
        IMPL.siluDerivative(x, xOff, y, yOff, n);
    }

    /** siluDerivative of the whole array into {@code y} (may be {@code x}). */
    public static void siluDerivative(float[] x, float[] y) {
        checkSameLength(x.length, y.length);
        IMPL.siluDerivative(x, 0, y, 0, x.length);
    }

    /** Element-wise leaky ReLU: x for x &gt; 0, else alpha·x; see {@link Logistic#leakyRelu(double, double)}. */
    public static void leakyRelu(double alpha, double[] x, int xOff, double[] y, int yOff, int n) {
        checkRange(x.length, xOff, y.length, yOff, n);
        IMPL.leakyRelu(alpha, x, xOff, y, yOff, n);
    }

    /** Element-wise leaky ReLU: x for x &gt; 0, else alpha·x; see {@link Logistic#leakyRelu(float, float)}. */
    public static void leakyRelu(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        checkRange(x.length, xOff, y.length, yOff, n);
        IMPL.leakyRelu(alpha, x, xOff, y, yOff, n);
    }

    /** Stable softmax of the row {@code x[xOff .. xOff+n)} into {@code y} (may be {@code x}); see {@link Logistic#softmax(double[], int, double[], int, int)}. */
    public static void softmax(double[] x, int xOff, double[] y, int yOff, int n) {
        checkRange(x.length, xOff, y.length, yOff, n);
        Logistic.softmax(x, xOff, y, yOff, n);
    }

    /** Stable log-softmax of the row {@code x[xOff .. xOff+n)} into {@code y} (may be {@code x}); see {@link Logistic#logSoftmax(double[], int, double[], int, int)}. */
    public static void logSoftmax(double[] x, int xOff, double[] y, int yOff, int n) {
        checkRange(x.length, xOff, y.length, yOff, n);
        Logistic.logSoftmax(x, xOff, y, yOff, n);
    }

    /** log Σ e^x over the row {@code x[off .. off+n)}; see {@link Logistic#logSumExp(double[], int, int)}. */
    public static double logSumExp(double[] x, int off, int n) {
        Objects.checkFromIndexSize(off, n, x.length);
        return Logistic.logSumExp(x, off, n);
    }

    /** Stable softmax of the row {@code x[xOff .. xOff+n)} into {@code y} (may be {@code x}); see {@link Logistic#softmax(float[], int, float[], int, int)}. */
    public static void softmax(float[] x, int xOff, float[] y, int yOff, int n) {
        checkRange(x.length, xOff, y.length, yOff, n);
        Logistic.softmax(x, xOff, y, yOff, n);
    }

    /** Stable log-softmax of the row {@code x[xOff .. xOff+n)} into {@code y} (may be {@code x}); see {@link Logistic#logSoftmax(float[], int, float[], int, int)}. */
    public static void logSoftmax(float[] x, int xOff, float[] y, int yOff, int n) {
        checkRange(x.length, xOff, y.length, yOff, n);
        Logistic.logSoftmax(x, xOff, y, yOff, n);
    }

    /** log Σ e^x over the row {@code x[off .. off+n)}; see {@link Logistic#logSumExp(float[], int, int)}. */
    public static float logSumExp(float[] x, int off, int n) {
        Objects.checkFromIndexSize(off, n, x.length);
        return Logistic.logSumExp(x, off, n);
    }

    /**
     * Σ a[i]·b[i], reproducibly: with L lanes ({@code info().vectorBitSize()} / element size,
     * or 1 for the scalar kernels), lane l accumulates the fused products of the elements
     * i ≡ l (mod L) below the largest multiple of L; the lane sums are then added in lane order,
     * and the remaining elements are fused on in index order. The result is the same bits in
     * every JIT tier and run.
     */
    public static double dot(double[] a, int aOff, double[] b, int bOff, int n) {
        checkRange(a.length, aOff, b.length, bOff, n);
        return IMPL.dot(a, aOff, b, bOff, n);
    }

    /** Σ a[i]·b[i], summed in the documented order of {@link #dot(double[], int, double[], int, int)}. */
    public static float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        checkRange(a.length, aOff, b.length, bOff, n);
        return IMPL.dot(a, aOff, b, bOff, n);
    }

    /** y += alpha·x. */
    public static void axpy(double alpha, double[] x, int xOff, double[] y, int yOff, int n) {
        checkRange(x.length, xOff, y.length, yOff, n);
        IMPL.axpy(alpha, x, xOff, y, yOff, n);
    }

    /** y += alpha·x. */
    public static void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        checkRange(x.length, xOff, y.length, yOff, n);
        IMPL.axpy(alpha, x, xOff, y, yOff, n);
    }

    private static void checkRange(int xLen, int xOff, int yLen, int yOff, int n) {
        Objects.checkFromIndexSize(xOff, n, xLen);
        Objects.checkFromIndexSize(yOff, n, yLen);
    }

    private static void checkSameLength(int xLen, int yLen) {
        if (xLen != yLen) {
            throw new IllegalArgumentException("length mismatch: x has " + xLen + ", y has " + yLen);
        }
    }
}
