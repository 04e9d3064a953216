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

    /** Binary cross-entropy of label y ∈ [0, 1] given logit z: y·softplus(−z) + (1−y)·softplus(z). */
    public static double bceWithLogits(double z, double y) {
        double pos = y == 0 ? 0 : y * softplus(-z);
        double neg = y == 1 ? 0 : (1 - y) * softplus(z);
        return pos + neg;
    }

    /** ∂/∂z of {@link #bceWithLogits}: σ(z) − y. */
    public static double bceWithLogitsGradient(double z, double y) {
        return sigmoid(z) - y;
    }
}
