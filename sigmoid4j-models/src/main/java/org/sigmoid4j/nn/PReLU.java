package org.sigmoid4j.nn;

import java.util.List;
import java.util.Map;

/**
 * Parametric ReLU (He et al. 2015; PyTorch {@code nn.PReLU(num_parameters=n)}):
 * {@code y = x} for x &gt; 0, {@code α·x} otherwise, with a learnable per-unit α initialised to
 * 0.25. ∂L/∂x = g·(x &gt; 0 ? 1 : α), ∂L/∂α = Σ_rows g·x·[x ≤ 0].
 */
public final class PReLU extends Layer {

    public static final double INITIAL_ALPHA = 0.25;

    private final Parameter alpha;

    public PReLU(Precision precision, int size) {
        super(precision, size, size);
        this.alpha = new Parameter("alpha", precision, 1, size, false);
        alpha.value().fill(INITIAL_ALPHA);
    }

    public Parameter alpha() {
        return alpha;
    }

    @Override
    public String type() {
        return "prelu";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(alpha);
    }

    @Override
    public Map<String, Object> config() {
        return super.config();
    }

    @Override
    protected void forwardImpl(Tensor in, Tensor out, Mode mode) {
        int m = in.rows(), n = inputSize;
        Tensor a = alpha.value();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int k = i * n + j;
                double x = in.get(k);
                out.set(k, x > 0 ? x : a.get(j) * x);
            }
        }
    }

    @Override
    protected void backwardImpl(Tensor in, Tensor gradOut, Tensor gradIn) {
        int m = in.rows(), n = inputSize;
        Tensor a = alpha.value();
        double[] da = new double[n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int k = i * n + j;
                double x = in.get(k), g = gradOut.get(k);
                if (x > 0) {
                    if (gradIn != null) gradIn.set(k, g);
                } else {
                    da[j] += g * x;
                    if (gradIn != null) gradIn.set(k, g * a.get(j));
                }
            }
        }
        for (int j = 0; j < n; j++) alpha.grad().set(j, da[j]);
    }

    @Override
    public String describe() {
        return "prelu (" + inputSize + ")";
    }
}
