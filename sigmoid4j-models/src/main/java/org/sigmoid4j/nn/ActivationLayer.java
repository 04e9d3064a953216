package org.sigmoid4j.nn;

import java.util.Map;
import org.sigmoid4j.activation.Activation;
import org.sigmoid4j.activation.StandardActivation;

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

    @Override
    protected void backwardImpl(Tensor in, Tensor gradOut, Tensor gradIn) {
        if (gradIn == null) return;
        int n = in.size();
        if (precision == Precision.F32) activation.backward(in.f32(), 0, gradOut.f32(), 0, gradIn.f32(), 0, n);
        else activation.backward(in.f64(), 0, gradOut.f64(), 0, gradIn.f64(), 0, n);
    }

    @Override
    public String describe() {
        return activation.id() + " (" + inputSize + ")";
    }
}
