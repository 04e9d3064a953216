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

    /** u = a·x + b of the last forward pass (the argument of f), reused by backward. */
    private final Tensor u = Tensor.zeros(precision, 0, inputSize);
    /** g·f'(u) of the last backward pass. */
    private final Tensor gu = Tensor.zeros(precision, 0, inputSize);

    @Override
    protected void forwardImpl(Tensor in, Tensor out, Mode mode) {
        int m = in.rows(), n = inputSize;
        u.resize(m, n);
        if (precision == Precision.F32) {
            float[] x = in.f32(), uu = u.f32(), a = slope.value().f32();
            float[] b = shift == null ? null : shift.value().f32();
            for (int i = 0; i < m; i++) {
                int o = i * n;
                if (b == null) for (int j = 0; j < n; j++) uu[o + j] = a[j] * x[o + j];
                else for (int j = 0; j < n; j++) uu[o + j] = Math.fma(a[j], x[o + j], b[j]);
            }
            activation.forward(uu, 0, out.f32(), 0, m * n);
        } else {
            double[] x = in.f64(), uu = u.f64(), a = slope.value().f64();
            double[] b = shift == null ? null : shift.value().f64();
            for (int i = 0; i < m; i++) {
                int o = i * n;
                if (b == null) for (int j = 0; j < n; j++) uu[o + j] = a[j] * x[o + j];
                else for (int j = 0; j < n; j++) uu[o + j] = a[j] * x[o + j] + b[j];
            }
            activation.forward(uu, 0, out.f64(), 0, m * n);
        }
    }

    @Override
    protected void backwardImpl(Tensor in, Tensor gradOut, Tensor gradIn) {
        int m = in.rows(), n = inputSize;
        gu.resize(m, n);
        double[] da = new double[n], db = new double[n];
        if (precision == Precision.F32) {
            float[] x = in.f32(), g = gu.f32(), a = slope.value().f32();
            activation.backward(u.f32(), 0, gradOut.f32(), 0, g, 0, m * n);
            float[] gi = gradIn == null ? null : gradIn.f32();
            for (int i = 0; i < m; i++) {
                int o = i * n;
                for (int j = 0; j < n; j++) {
                    da[j] += (double) g[o + j] * x[o + j];
                    db[j] += g[o + j];
                }
                if (gi != null) for (int j = 0; j < n; j++) gi[o + j] = g[o + j] * a[j];
            }
        } else {
            double[] x = in.f64(), g = gu.f64(), a = slope.value().f64();
            activation.backward(u.f64(), 0, gradOut.f64(), 0, g, 0, m * n);
            double[] gi = gradIn == null ? null : gradIn.f64();
            for (int i = 0; i < m; i++) {
                int o = i * n;
                for (int j = 0; j < n; j++) {
                    da[j] += g[o + j] * x[o + j];
                    db[j] += g[o + j];
                }
                if (gi != null) for (int j = 0; j < n; j++) gi[o + j] = g[o + j] * a[j];
            }
        }
        slope.grad().copyFrom(da, 0);
        if (shift != null) shift.grad().copyFrom(db, 0);
    }

    @Override
    public String describe() {
        return "adaptive " + activation.id() + " (" + inputSize + (shift != null ? ", slope+shift" : ", slope") + ")";
    }
}
