package org.sigmoid4j.internal.kernel;

import org.sigmoid4j.math.Logistic;

/**
 * The bulk kernels one implementation provides. Callers use {@link org.sigmoid4j.kernel.Kernels},
 * which validates arguments and delegates here; implementations may assume valid ranges.
 * Every element-wise method reads {@code x[xOff .. xOff+n)} and writes {@code y[yOff .. yOff+n)};
 * {@code x == y} with equal offsets (in place) is allowed.
 */
public interface KernelSupport {

    String name();

    /** Width of the SIMD registers used, or 0 for scalar code. */
    int vectorBitSize();

    void sigmoid(double[] x, int xOff, double[] y, int yOff, int n);

    void sigmoid(float[] x, int xOff, float[] y, int yOff, int n);

    /**
     * Float σ within 1 ulp (faithful, not correctly rounded): the opt-in fast kernel behind
     * {@link org.sigmoid4j.kernel.Kernels#sigmoidFaithful(float[], int, float[], int, int)}.
     * Returning the correctly rounded {@link #sigmoid(float[], int, float[], int, int)} meets the bound.
     */
    void sigmoidFaithful(float[] x, int xOff, float[] y, int yOff, int n);

    void sigmoidDerivative(double[] x, int xOff, double[] y, int yOff, int n);

    void sigmoidDerivative(float[] x, int xOff, float[] y, int yOff, int n);

    void logSigmoid(double[] x, int xOff, double[] y, int yOff, int n);

    void logSigmoid(float[] x, int xOff, float[] y, int yOff, int n);

    void softplus(double[] x, int xOff, double[] y, int yOff, int n);

    void softplus(float[] x, int xOff, float[] y, int yOff, int n);

    void logit(double[] x, int xOff, double[] y, int yOff, int n);

    void logit(float[] x, int xOff, float[] y, int yOff, int n);

    void tanh(double[] x, int xOff, double[] y, int yOff, int n);

    void tanh(float[] x, int xOff, float[] y, int yOff, int n);

    void silu(double[] x, int xOff, double[] y, int yOff, int n);

    void silu(float[] x, int xOff, float[] y, int yOff, int n);

    double dot(double[] a, int aOff, double[] b, int bOff, int n);

    float dot(float[] a, int aOff, float[] b, int bOff, int n);

    /** y += alpha * x. */
    void axpy(double alpha, double[] x, int xOff, double[] y, int yOff, int n);

    /** y += alpha * x. */
    void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n);

    // Element-wise functions added after the first release of this SPI: default loops over the
    // scalar reference functions, so that an implementation overrides only what it speeds up.

    default void hardSigmoid(double[] x, int xOff, double[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) y[yOff + i] = Logistic.hardSigmoid(x[xOff + i]);
    }

    default void hardSigmoid(float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) y[yOff + i] = Logistic.hardSigmoid(x[xOff + i]);
    }

    default void relu(double[] x, int xOff, double[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) y[yOff + i] = Logistic.relu(x[xOff + i]);
    }

    default void relu(float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) y[yOff + i] = Logistic.relu(x[xOff + i]);
    }

    default void leakyRelu(double alpha, double[] x, int xOff, double[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) y[yOff + i] = Logistic.leakyRelu(x[xOff + i], alpha);
    }

    default void leakyRelu(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) y[yOff + i] = Logistic.leakyRelu(x[xOff + i], alpha);
    }

    default void tanhDerivative(double[] x, int xOff, double[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) y[yOff + i] = Logistic.tanhDerivative(x[xOff + i]);
    }

    default void tanhDerivative(float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) y[yOff + i] = Logistic.tanhDerivative(x[xOff + i]);
    }

    default void siluDerivative(double[] x, int xOff, double[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) y[yOff + i] = Logistic.siluDerivative(x[xOff + i]);
    }

    default void siluDerivative(float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) y[yOff + i] = Logistic.siluDerivative(x[xOff + i]);
    }
}
