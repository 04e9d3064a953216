package org.sigmoid4j.internal.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD kernels through {@code jdk.incubator.vector}. The only class family that imports the
 * incubator module; loaded reflectively by {@link KernelProvider}.
 */
final class PanamaKernels implements KernelSupport {

    private final VectorSpecies<Double> d;
    private final VectorSpecies<Float> f;

    PanamaKernels() {
        int bits = Integer.getInteger(KernelProvider.VECTOR_BITS_PROPERTY,
                VectorShape.preferredShape().vectorBitSize());
        if (bits < 128) {
            throw new UnsupportedOperationException("preferred vector size is " + bits + " bits; need at least 128");
        }
        VectorShape shape = VectorShape.forBitSize(bits);
        d = DoubleVector.SPECIES_PREFERRED.withShape(shape);
        f = FloatVector.SPECIES_PREFERRED.withShape(shape);
    }

    @Override public String name() { return "panama"; }

    @Override public int vectorBitSize() { return d.vectorBitSize(); }

    // Element-wise functions: scalar for now, replaced by SIMD bodies in the kernel work.
    @Override public void sigmoid(double[] x, int xOff, double[] y, int yOff, int n) { ScalarKernels.INSTANCE.sigmoid(x, xOff, y, yOff, n); }
    @Override public void sigmoid(float[] x, int xOff, float[] y, int yOff, int n) { ScalarKernels.INSTANCE.sigmoid(x, xOff, y, yOff, n); }
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
