package org.sigmoid4j.activation;

/**
 * A stateless activation function with its derivative beside it (micrograd / PyTorch
 * {@code nn.functional} style). Network layers are thin stateful wrappers that cache what
 * {@link #backward} needs; the math lives here.
 *
 * <p>Every derivative is computed from the input {@code x}, never from a rounded output
 * (for the sigmoid, σ(x)·σ(−x): y·(1−y) returns 0 once σ(x) rounds to 1).
 */
public interface Activation {

    /** Stable identifier used by model files and the CLI (e.g. {@code "sigmoid"}, {@code "leaky-relu"}). */
    String id();

    double value(double x);

    float value(float x);

    /** f'(x), from x. */
    double derivative(double x);

    float derivative(float x);

    /** y[i] = f(x[i]) for n elements; in place allowed. */
    void forward(double[] x, int xOff, double[] y, int yOff, int n);

    void forward(float[] x, int xOff, float[] y, int yOff, int n);

    /** gradIn[i] = gradOut[i] · f'(x[i]); gradIn may alias gradOut. */
    void backward(double[] x, int xOff, double[] gradOut, int gOff, double[] gradIn, int giOff, int n);

    void backward(float[] x, int xOff, float[] gradOut, int gOff, float[] gradIn, int giOff, int n);
}
