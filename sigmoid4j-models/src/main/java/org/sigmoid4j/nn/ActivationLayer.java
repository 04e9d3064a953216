package org.sigmoid4j.nn;

import java.util.Map;
import org.sigmoid4j.activation.Activation;
import org.sigmoid4j.activation.StandardActivation;
import org.sigmoid4j.kernel.Kernels;

/**
 * A thin stateful wrapper over a stateless {@link Activation} (the PyTorch module / functional
 * split): it only keeps the pre-activation (its input) for the backward pass, and the
 * derivative is computed from it (never from the rounded output).
 */
public final class ActivationLayer extends Layer {

    private final Activation activation;

    public ActivationLayer(Precision precision, int size, Activation activation) {
        super(precision, size, size);
        this.activation = activation;
    }

    public Activation activation() {
        return activation;
    }

    @Override
    public String type() {
        return "activation";
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = super.config();
        c.put("activation", activation.id());
        return c;
    }

    /** Rebuilds from the id written by {@link #config()}. */
    static Activation activationForId(String id) {
        return StandardActivation.forId(id);
    }

    @Override
    protected void forwardImpl(Tensor in, Tensor out, Mode mode) {
        int n = in.size();
        if (precision == Precision.F32) activation.forward(in.f32(), 0, out.f32(), 0, n);
        else activation.forward(in.f64(), 0, out.f64(), 0, n);
    }

    /** f'(x) of the last backward pass, for the activations with a bulk derivative kernel. */
    private final Tensor derivative = Tensor.zeros(precision, 0, inputSize);

    @Override
    protected void backwardImpl(Tensor in, Tensor gradOut, Tensor gradIn) {
        if (gradIn == null) return;
        int n = in.size();
        // σ and tanh: the bulk (SIMD) derivative kernels, then one multiply; the same functions as
        // Activation.backward's per-element derivative, without a scalar call per element.
        boolean bulk = activation == StandardActivation.SIGMOID || activation == StandardActivation.TANH;
        if (precision == Precision.F32) {
            if (bulk) {
                float[] d = derivative.resize(in.rows(), inputSize).f32(), g = gradOut.f32(), gi = gradIn.f32();
                if (activation == StandardActivation.SIGMOID) Kernels.sigmoidDerivative(in.f32(), 0, d, 0, n);
                else Kernels.tanhDerivative(in.f32(), 0, d, 0, n);
                for (int i = 0; i < n; i++) gi[i] = g[i] * d[i];
            } else {
                activation.backward(in.f32(), 0, gradOut.f32(), 0, gradIn.f32(), 0, n);
            }
        } else {
            if (bulk) {
                double[] d = derivative.resize(in.rows(), inputSize).f64(), g = gradOut.f64(), gi = gradIn.f64();
                if (activation == StandardActivation.SIGMOID) Kernels.sigmoidDerivative(in.f64(), 0, d, 0, n);
                else Kernels.tanhDerivative(in.f64(), 0, d, 0, n);
                for (int i = 0; i < n; i++) gi[i] = g[i] * d[i];
            } else {
                activation.backward(in.f64(), 0, gradOut.f64(), 0, gradIn.f64(), 0, n);
            }
        }
    }

    @Override
    public String describe() {
        return activation.id() + " (" + inputSize + ")";
    }
}
