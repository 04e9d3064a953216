package org.sigmoid4j.activation;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.sigmoid4j.kernel.Kernels;
import org.sigmoid4j.math.Logistic;

/**
 * The built-in activations, as named singletons. {@link #id()} is the stable identifier written
 * to model files and accepted by the CLI; never rename one. Scalar values and derivatives come
 * from {@link Logistic} (whose Javadoc states each accuracy bound); bulk {@code forward} uses the
 * SIMD kernels of {@link Kernels} where there is one. Every derivative is computed from x.
 */
public enum StandardActivation implements Activation {

    /** f(x) = x, f'(x) = 1. */
    IDENTITY("identity") {
        @Override public double value(double x) { return x; }
        @Override public float value(float x) { return x; }
        @Override public double derivative(double x) { return 1.0; }
        @Override public float derivative(float x) { return 1.0f; }

        @Override public void forward(double[] x, int xOff, double[] y, int yOff, int n) {
            System.arraycopy(x, xOff, y, yOff, n);
        }

        @Override public void forward(float[] x, int xOff, float[] y, int yOff, int n) {
            System.arraycopy(x, xOff, y, yOff, n);
        }

        @Override public void backward(double[] x, int xOff, double[] gradOut, int gOff, double[] gradIn, int giOff, int n) {
            System.arraycopy(gradOut, gOff, gradIn, giOff, n);
        }

        @Override public void backward(float[] x, int xOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int n) {
            System.arraycopy(gradOut, gOff, gradIn, giOff, n);
        }
    },

    /** σ(x) = 1/(1+e^−x); σ'(x) = σ(x)·σ(−x). */
    SIGMOID("sigmoid") {
        @Override public double value(double x) { return Logistic.sigmoid(x); }
        @Override public float value(float x) { return Logistic.sigmoid(x); }
        @Override public double derivative(double x) { return Logistic.sigmoidDerivative(x); }
        @Override public float derivative(float x) { return Logistic.sigmoidDerivative(x); }

        @Override public void forward(double[] x, int xOff, double[] y, int yOff, int n) {
            Kernels.sigmoid(x, xOff, y, yOff, n);
        }

        @Override public void forward(float[] x, int xOff, float[] y, int yOff, int n) {
            Kernels.sigmoid(x, xOff, y, yOff, n);
        }

        @Override public void backward(double[] x, int xOff, double[] gradOut, int gOff, double[] gradIn, int giOff, int n) {
            backwardVia(Kernels::sigmoidDerivative, x, xOff, gradOut, gOff, gradIn, giOff, n);
        }

        @Override public void backward(float[] x, int xOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int n) {
            backwardVia(Kernels::sigmoidDerivative, x, xOff, gradOut, gOff, gradIn, giOff, n);
        }
    },

    /** tanh(x); tanh'(x) = 1 − tanh²(x) = 4σ'(2x), from x. */
    TANH("tanh") {
        @Override public double value(double x) { return Logistic.tanh(x); }
        @Override public float value(float x) { return Logistic.tanh(x); }
        @Override public double derivative(double x) { return Logistic.tanhDerivative(x); }
        @Override public float derivative(float x) { return Logistic.tanhDerivative(x); }

        @Override public void forward(double[] x, int xOff, double[] y, int yOff, int n) {
            Kernels.tanh(x, xOff, y, yOff, n);
        }

        @Override public void forward(float[] x, int xOff, float[] y, int yOff, int n) {
            Kernels.tanh(x, xOff, y, yOff, n);
        }

        @Override public void backward(double[] x, int xOff, double[] gradOut, int gOff, double[] gradIn, int giOff, int n) {
            backwardVia(Kernels::tanhDerivative, x, xOff, gradOut, gOff, gradIn, giOff, n);
        }

        @Override public void backward(float[] x, int xOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int n) {
            backwardVia(Kernels::tanhDerivative, x, xOff, gradOut, gOff, gradIn, giOff, n);
        }
    },

    /** max(x, 0); derivative 1 for x &gt; 0, else 0. */
    RELU("relu") {
        @Override public double value(double x) { return Logistic.relu(x); }
        @Override public float value(float x) { return Logistic.relu(x); }
        @Override public double derivative(double x) { return Logistic.reluDerivative(x); }
        @Override public float derivative(float x) { return Logistic.reluDerivative(x); }

        @Override public void forward(double[] x, int xOff, double[] y, int yOff, int n) {
            Kernels.relu(x, xOff, y, yOff, n);
        }

        @Override public void forward(float[] x, int xOff, float[] y, int yOff, int n) {
            Kernels.relu(x, xOff, y, yOff, n);
        }
    },

    /** x for x &gt; 0, else 0.01·x (PyTorch's default negative slope); derivative 1 or 0.01. */
    LEAKY_RELU("leaky-relu") {
        @Override public double value(double x) { return Logistic.leakyRelu(x, LEAKY_SLOPE); }
        @Override public float value(float x) { return Logistic.leakyRelu(x, LEAKY_SLOPE_F); }
        @Override public double derivative(double x) { return Logistic.leakyReluDerivative(x, LEAKY_SLOPE); }
        @Override public float derivative(float x) { return Logistic.leakyReluDerivative(x, LEAKY_SLOPE_F); }

        @Override public void forward(double[] x, int xOff, double[] y, int yOff, int n) {
            Kernels.leakyRelu(LEAKY_SLOPE, x, xOff, y, yOff, n);
        }

        @Override public void forward(float[] x, int xOff, float[] y, int yOff, int n) {
            Kernels.leakyRelu(LEAKY_SLOPE_F, x, xOff, y, yOff, n);
        }
    },

    /** log(1+e^x); derivative σ(x). */
    SOFTPLUS("softplus") {
        @Override public double value(double x) { return Logistic.softplus(x); }
        @Override public float value(float x) { return Logistic.softplus(x); }
        @Override public double derivative(double x) { return Logistic.sigmoid(x); }
        @Override public float derivative(float x) { return Logistic.sigmoid(x); }

        @Override public void forward(double[] x, int xOff, double[] y, int yOff, int n) {
            Kernels.softplus(x, xOff, y, yOff, n);
        }

        @Override public void forward(float[] x, int xOff, float[] y, int yOff, int n) {
            Kernels.softplus(x, xOff, y, yOff, n);
        }

        @Override public void backward(double[] x, int xOff, double[] gradOut, int gOff, double[] gradIn, int giOff, int n) {
            backwardVia(Kernels::sigmoid, x, xOff, gradOut, gOff, gradIn, giOff, n);
        }

        @Override public void backward(float[] x, int xOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int n) {
            backwardVia(Kernels::sigmoid, x, xOff, gradOut, gOff, gradIn, giOff, n);
        }
    },

    /** SiLU / swish x·σ(x); derivative σ(x)·(1 + x·σ(−x)). */
    SILU("silu") {
        @Override public double value(double x) { return Logistic.silu(x); }
        @Override public float value(float x) { return Logistic.silu(x); }
        @Override public double derivative(double x) { return Logistic.siluDerivative(x); }
        @Override public float derivative(float x) { return Logistic.siluDerivative(x); }

        @Override public void forward(double[] x, int xOff, double[] y, int yOff, int n) {
            Kernels.silu(x, xOff, y, yOff, n);
        }

        @Override public void forward(float[] x, int xOff, float[] y, int yOff, int n) {
            Kernels.silu(x, xOff, y, yOff, n);
        }
    },

    /** PyTorch's hard sigmoid relu6(x+3)/6; derivative 1/6 on (−3, 3), else 0. */
    HARD_SIGMOID("hard-sigmoid") {
        @Override public double value(double x) { return Logistic.hardSigmoid(x); }
        @Override public float value(float x) { return Logistic.hardSigmoid(x); }
        @Override public double derivative(double x) { return Logistic.hardSigmoidDerivative(x); }
        @Override public float derivative(float x) { return Logistic.hardSigmoidDerivative(x); }

        @Override public void forward(double[] x, int xOff, double[] y, int yOff, int n) {
            Kernels.hardSigmoid(x, xOff, y, yOff, n);
        }

        @Override public void forward(float[] x, int xOff, float[] y, int yOff, int n) {
            Kernels.hardSigmoid(x, xOff, y, yOff, n);
        }
    };

    /** Leaky ReLU's negative slope, PyTorch's default. */
    public static final double LEAKY_SLOPE = 0.01;
    static final float LEAKY_SLOPE_F = 0.01f;

    private final String id;

    StandardActivation(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    /**
     * The activation with this stable id.
     *
     * @throws IllegalArgumentException naming the valid ids when there is none
     */
    public static StandardActivation forId(String id) {
        for (StandardActivation a : values()) {
            if (a.id.equals(id)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + id + "'; valid: " + validIds());
    }

    /** The valid ids, comma-separated, in declaration order. */
    public static String validIds() {
        return Arrays.stream(values()).map(StandardActivation::id).collect(Collectors.joining(", "));
    }

    /** Element-wise through the scalar {@link #value(double)}; constants override with bulk kernels. */
    @Override
    public void forward(double[] x, int xOff, double[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) y[yOff + i] = value(x[xOff + i]);
    }

    @Override
    public void forward(float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) y[yOff + i] = value(x[xOff + i]);
    }

    /** gradIn[i] = gradOut[i]·f'(x[i]); element by element, so gradIn may alias gradOut. */
    @Override
    public void backward(double[] x, int xOff, double[] gradOut, int gOff, double[] gradIn, int giOff, int n) {
        java.util.Objects.checkFromIndexSize(xOff, n, x.length);
        java.util.Objects.checkFromIndexSize(gOff, n, gradOut.length);
        java.util.Objects.checkFromIndexSize(giOff, n, gradIn.length);
        for (int i = 0; i < n; i++) gradIn[giOff + i] = gradOut[gOff + i] * derivative(x[xOff + i]);
    }

    @Override
    public void backward(float[] x, int xOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int n) {
        java.util.Objects.checkFromIndexSize(xOff, n, x.length);
        java.util.Objects.checkFromIndexSize(gOff, n, gradOut.length);
        java.util.Objects.checkFromIndexSize(giOff, n, gradIn.length);
        for (int i = 0; i < n; i++) gradIn[giOff + i] = gradOut[gOff + i] * derivative(x[xOff + i]);
    }

    interface BulkD { void apply(double[] x, int xOff, double[] y, int yOff, int n); }
    interface BulkF { void apply(float[] x, int xOff, float[] y, int yOff, int n); }

    private static final int CHUNK = 1024;

    /** gradIn = gradOut · f'(x) with f' from a bulk kernel, a chunk at a time (gradIn may alias gradOut or x). */
    static void backwardVia(BulkD derivative, double[] x, int xOff, double[] gradOut, int gOff, double[] gradIn, int giOff, int n) {
        java.util.Objects.checkFromIndexSize(xOff, n, x.length);
        java.util.Objects.checkFromIndexSize(gOff, n, gradOut.length);
        java.util.Objects.checkFromIndexSize(giOff, n, gradIn.length);
        double[] d = new double[Math.min(n, CHUNK)];
        for (int c = 0; c < n; c += CHUNK) {
            int len = Math.min(CHUNK, n - c);
            derivative.apply(x, xOff + c, d, 0, len);
            for (int i = 0; i < len; i++) gradIn[giOff + c + i] = gradOut[gOff + c + i] * d[i];
        }
    }

    static void backwardVia(BulkF derivative, float[] x, int xOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int n) {
        java.util.Objects.checkFromIndexSize(xOff, n, x.length);
        java.util.Objects.checkFromIndexSize(gOff, n, gradOut.length);
        java.util.Objects.checkFromIndexSize(giOff, n, gradIn.length);
        float[] d = new float[Math.min(n, CHUNK)];
        for (int c = 0; c < n; c += CHUNK) {
            int len = Math.min(CHUNK, n - c);
            derivative.apply(x, xOff + c, d, 0, len);
            for (int i = 0; i < len; i++) gradIn[giOff + c + i] = gradOut[gOff + c + i] * d[i];
        }
    }

    @Override
    public String toString() {
        return id;
    }
}
