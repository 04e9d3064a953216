package org.sigmoid4j.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sigmoid4j.activation.Activation;
import org.sigmoid4j.activation.StandardActivation;

/**
 * A learnable-parameter activation {@code y = f(a·x + b)} with a per-unit slope {@code a}
 * (initialised to 1) and, optionally, a per-unit shift {@code b} (initialised to 0). With
 * f = σ this is the adaptive sigmoid; any {@link Activation} works (adaptive tanh, ...).
 *
 * <p>Backward, with u = a·x + b: ∂L/∂x = g·f'(u)·a, ∂L/∂a = Σ_rows g·f'(u)·x,
 * ∂L/∂b = Σ_rows g·f'(u); f' is computed from u.
 */
public final class AdaptiveActivation extends Layer {

    private final Activation activation;
    private final Parameter slope;
    private final Parameter shift;

    public AdaptiveActivation(Precision precision, int size, Activation activation, boolean learnShift) {
        super(precision, size, size);
        this.activation = activation;
        this.slope = new Parameter("slope", precision, 1, size, false);
        slope.value().fill(1.0);
        this.shift = learnShift ? new Parameter("shift", precision, 1, size, false) : null;
    }

    /** The adaptive sigmoid σ(a·x [+ b]). */
    public static AdaptiveActivation sigmoid(Precision precision, int size, boolean learnShift) {
        return new AdaptiveActivation(precision, size, StandardActivation.SIGMOID, learnShift);
    }

    public Activation activation() {
        return activation;
    }

    public Parameter slope() {
        return slope;
    }

    /** The shift, or {@code null} when it is not learned. */
    public Parameter shift() {
        return shift;
    }

    @Override
    public String type() {
        return "adaptive";
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> ps = new ArrayList<>(2);
        ps.add(slope);
        if (shift != null) ps.add(shift);
        return ps;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = super.config();
        c.put("activation", activation.id());
        c.put("shift", shift != null);
        return c;
    }

    @Override
    protected void forwardImpl(Tensor in, Tensor out, Mode mode) {
        int m = in.rows(), n = inputSize;
        Tensor a = slope.value();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int k = i * n + j;
                double u = a.get(j) * in.get(k) + (shift == null ? 0 : shift.value().get(j));
                out.set(k, precision == Precision.F32 ? activation.value((float) u) : activation.value(u));
            }
        }
    }

    @Override
    protected void backwardImpl(Tensor in, Tensor gradOut, Tensor gradIn) {
        int m = in.rows(), n = inputSize;
        Tensor a = slope.value();
        double[] da = new double[n], db = new double[n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int k = i * n + j;
                double x = in.get(k);
                double u = a.get(j) * x + (shift == null ? 0 : shift.value().get(j));
                double gu = gradOut.get(k) * activation.derivative(u);
                da[j] += gu * x;
                db[j] += gu;
                if (gradIn != null) gradIn.set(k, gu * a.get(j));
            }
        }
        for (int j = 0; j < n; j++) {
            slope.grad().set(j, da[j]);
            if (shift != null) shift.grad().set(j, db[j]);
        }
    }

    @Override
    public String describe() {
        return "adaptive " + activation.id() + " (" + inputSize + (shift != null ? ", slope+shift" : ", slope") + ")";
    }
}
