package org.sigmoid4j.internal.kernel;

import org.sigmoid4j.math.Logistic;

/**
 * Plain loops over the scalar reference functions in {@link Logistic}: the fallback when the
 * Vector API is unavailable, and the cross-check for the SIMD kernels. Never imports
 * {@code jdk.incubator.vector}.
 */
public final class ScalarKernels implements KernelSupport {

    public static final ScalarKernels INSTANCE = new ScalarKernels();

    private ScalarKernels() {}

    @Override public String name() { return "scalar"; }

    @Override public int vectorBitSize() { return 0; }

    @Override public void sigmoid(double[] x, int xOff, double[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) y[yOff + i] = Logistic.sigmoid(x[xOff + i]);
    }

    @Override public void sigmoid(float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) y[yOff + i] = Logistic.sigmoid(x[xOff + i]);
    }

    /** The correctly rounded loop: 0 ulp is within the faithful kernel's 1 ulp bound. */
    @Override public void sigmoidFaithful(float[] x, int xOff, float[] y, int yOff, int n) {
        sigmoid(x, xOff, y, yOff, n);
    }

    @Override public void sigmoidDerivative(double[] x, int xOff, double[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) y[yOff + i] = Logistic.sigmoidDerivative(x[xOff + i]);
    }

    @Override public void sigmoidDerivative(float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) y[yOff + i] = Logistic.sigmoidDerivative(x[xOff + i]);
    }

    @Override public void logSigmoid(double[] x, int xOff, double[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) y[yOff + i] = Logistic.logSigmoid(x[xOff + i]);
    }

    @Override public void logSigmoid(float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) y[yOff + i] = Logistic.logSigmoid(x[xOff + i]);
    }

    @Override public void softplus(double[] x, int xOff, double[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) y[yOff + i] = Logistic.softplus(x[xOff + i]);
    }

    @Override public void softplus(float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) y[yOff + i] = Logistic.softplus(x[xOff + i]);
    }

    @Override public void logit(double[] x, int xOff, double[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) y[yOff + i] = Logistic.logit(x[xOff + i]);
    }

    @Override public void logit(float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) y[yOff + i] = Logistic.logit(x[xOff + i]);
    }

    @Override public void tanh(double[] x, int xOff, double[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) y[yOff + i] = Logistic.tanh(x[xOff + i]);
    }

    @Override public void tanh(float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) y[yOff + i] = Logistic.tanh(x[xOff + i]);
    }

    @Override public void silu(double[] x, int xOff, double[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) y[yOff + i] = Logistic.silu(x[xOff + i]);
    }

    @Override public void silu(float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) y[yOff + i] = Logistic.silu(x[xOff + i]);
    }

    @Override public double dot(double[] a, int aOff, double[] b, int bOff, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) s = Math.fma(a[aOff + i], b[bOff + i], s);
        return s;
    }

    @Override public float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        float s = 0;
        for (int i = 0; i < n; i++) s = Math.fma(a[aOff + i], b[bOff + i], s);
        return s;
    }

    @Override public void axpy(double alpha, double[] x, int xOff, double[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) y[yOff + i] = Math.fma(alpha, x[xOff + i], y[yOff + i]);
    }

    @Override public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) y[yOff + i] = Math.fma(alpha, x[xOff + i], y[yOff + i]);
    }
}
