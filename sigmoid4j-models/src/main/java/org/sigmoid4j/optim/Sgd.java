package org.sigmoid4j.optim;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sigmoid4j.nn.Parameter;
import org.sigmoid4j.nn.Precision;

/**
 * Stochastic gradient descent, with optional momentum μ (PyTorch semantics, dampening 0):
 * {@code v ← μ·v + g}; plain momentum steps {@code w ← w − η·v}, Nesterov steps
 * {@code w ← w − η·(g + μ·v)}. The first step starts from v = g, as PyTorch does.
 */
public final class Sgd implements Optimizer {

    private final double momentum;
    private final boolean nesterov;
    private final WeightDecay decay;
    private final Map<Parameter, double[]> velocity = new IdentityHashMap<>();

    private Sgd(double momentum, boolean nesterov, WeightDecay decay) {
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        if (nesterov && momentum == 0) {
            throw new IllegalArgumentException("Nesterov momentum needs momentum > 0");
        }
        this.momentum = momentum;
        this.nesterov = nesterov;
        this.decay = decay == null ? WeightDecay.NONE : decay;
    }

    public static Sgd plain(WeightDecay decay) {
        return new Sgd(0, false, decay);
    }

    public static Sgd momentum(double mu, boolean nesterov, WeightDecay decay) {
        return new Sgd(mu, nesterov, decay);
    }

    @Override
    public String id() {
        return momentum == 0 ? "sgd" : nesterov ? "nesterov" : "momentum";
    }

    @Override
    public Optimizer fresh() {
        return new Sgd(momentum, nesterov, decay);
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("optimizer", id());
        if (momentum > 0) c.put("momentum", momentum);
        c.put("weight_decay", decay.lambda());
        c.put("weight_decay_mode", decay.mode().id());
        return c;
    }

    @Override
    public void step(List<Parameter> parameters, double lr) {
        for (Parameter p : parameters) {
            decay.shrink(p, lr);
            boolean coupled = decay.active() && decay.mode() == WeightDecay.Mode.COUPLED && p.regularized();
            if (momentum == 0 && !coupled) {
                plainStep(p, lr);
                continue;
            }
            int n = p.size();
            double[] v = momentum == 0 ? null : velocity.get(p);
            boolean first = v == null && momentum > 0;
            if (first) {
                v = new double[n];
                velocity.put(p, v);
            }
            for (int i = 0; i < n; i++) {
                double g = decay.gradient(p, i);
                double d = g;
                if (momentum > 0) {
                    v[i] = first ? g : momentum * v[i] + g;
                    d = nesterov ? g + momentum * v[i] : v[i];
                }
                p.value().set(i, p.value().get(i) - lr * d);
            }
        }
    }

    /** w ← w − η·g on the raw arrays (the hot path of plain SGD). */
    private static void plainStep(Parameter p, double lr) {
        int n = p.size();
        if (p.precision() == Precision.F32) {
            float[] w = p.value().f32(), g = p.grad().f32();
            float a = (float) lr;
            for (int i = 0; i < n; i++) w[i] -= a * g[i];
        } else {
            double[] w = p.value().f64(), g = p.grad().f64();
            for (int i = 0; i < n; i++) w[i] -= lr * g[i];
        }
    }
}
