package org.sigmoid4j.optim;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sigmoid4j.nn.Parameter;

/**
 * Adam (Kingma and Ba 2015), PyTorch semantics: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g²,
 * w ← w − η·m̂/(√v̂ + ε) with m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ). Moments are kept in double.
 */
public final class Adam implements Optimizer {

    private final double beta1;
    private final double beta2;
    private final double eps;
    private final WeightDecay decay;
    private final Map<Parameter, double[][]> moments = new IdentityHashMap<>();
    private int t;

    public Adam(double beta1, double beta2, double eps, WeightDecay decay) {
        if (!(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1 && eps > 0)) {
            throw new IllegalArgumentException("Adam needs betas in [0, 1) and eps > 0");
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.decay = decay == null ? WeightDecay.NONE : decay;
    }

    @Override
    public String id() {
        return "adam";
    }

    @Override
    public Optimizer fresh() {
        return new Adam(beta1, beta2, eps, decay);
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("optimizer", "adam");
        c.put("beta1", beta1);
        c.put("beta2", beta2);
        c.put("eps", eps);
        c.put("weight_decay", decay.lambda());
        c.put("weight_decay_mode", decay.mode().id());
        return c;
    }

    @Override
    public void step(List<Parameter> parameters, double lr) {
        t++;
        double c1 = 1 - Math.pow(beta1, t), c2 = 1 - Math.pow(beta2, t);
        for (Parameter p : parameters) {
            decay.shrink(p, lr);
            int n = p.size();
            double[][] mv = moments.computeIfAbsent(p, k -> new double[][] {new double[n], new double[n]});
            double[] m = mv[0], v = mv[1];
            for (int i = 0; i < n; i++) {
                double g = decay.gradient(p, i);
                m[i] = beta1 * m[i] + (1 - beta1) * g;
                v[i] = beta2 * v[i] + (1 - beta2) * g * g;
                double step = lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + eps);
                p.value().set(i, p.value().get(i) - step);
            }
        }
    }
}
