package org.sigmoid4j.nn;

import java.util.List;
import java.util.Map;
import org.sigmoid4j.linalg.Gemm;

/**
 * Fully connected layer {@code y = x·Wᵀ + b}, W stored out × in row-major (PyTorch's
 * {@code nn.Linear} layout). Without bias (e.g. before batch normalisation) b is absent.
 * Products go through {@link Gemm} (blocked and vectorised).
 */
public final class Dense extends Layer {

    private final Parameter weight;
    private final Parameter bias;

    public Dense(Precision precision, int inputSize, int outputSize, boolean bias) {
        super(precision, inputSize, outputSize);
        this.weight = new Parameter("weight", precision, outputSize, inputSize, true);
        this.bias = bias ? new Parameter("bias", precision, 1, outputSize, false) : null;
    }

    @Override
    public String type() {
        return "dense";
    }

    public Parameter weight() {
        return weight;
    }

    /** The bias, or {@code null} for a layer without one. */
    public Parameter bias() {
        return bias;
    }

    public boolean hasBias() {
        return bias != null;
    }

    @Override
    public List<Parameter> parameters() {
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = super.config();
        c.put("bias", bias != null);
        return c;
    }

    /** zᵀ (outputs × rows) of the forward product, before the transpose into the output. */
    private final Tensor outT = Tensor.zeros(precision, 0, 0);

    /**
     * y = x·Wᵀ + b. The product packs its transposed operand into column panels, which gathers
     * with a stride; so the smaller of x (rows × in) and W (out × in) takes that role: W when
     * rows &gt; out (y = x·Wᵀ directly), else x (yᵀ = W·xᵀ, transposed back while adding the bias).
     * Either way each element is the same fixed sequence of fused multiply-adds for given shapes.
     */
    @Override
    protected void forwardImpl(Tensor in, Tensor out, Mode mode) {
        int m = in.rows(), k = inputSize, n = outputSize;
        boolean transposed = m <= n;
        if (transposed) outT.resize(n, m);
        if (precision == Precision.F32) {
            float[] y = out.f32(), w = weight.value().f32(), x = in.f32();
            float[] b = bias == null ? null : bias.value().f32();
            if (transposed) {
                float[] zt = outT.f32();
                Gemm.gemm(false, true, n, m, k, w, 0, k, x, 0, k, false, zt, 0, m, threads);
                for (int j = 0; j < n; j++) {
                    float bj = b == null ? 0f : b[j];
                    for (int i = 0; i < m; i++) y[i * n + j] = zt[j * m + i] + bj;
                }
            } else {
                Gemm.gemm(false, true, m, n, k, x, 0, k, w, 0, k, false, y, 0, n, threads);
                if (b != null) {
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < n; j++) y[i * n + j] += b[j];
                    }
                }
            }
        } else {
            double[] y = out.f64(), w = weight.value().f64(), x = in.f64();
            double[] b = bias == null ? null : bias.value().f64();
            if (transposed) {
                double[] zt = outT.f64();
                Gemm.gemm(false, true, n, m, k, w, 0, k, x, 0, k, false, zt, 0, m, threads);
                for (int j = 0; j < n; j++) {
                    double bj = b == null ? 0d : b[j];
                    for (int i = 0; i < m; i++) y[i * n + j] = zt[j * m + i] + bj;
                }
            } else {
                Gemm.gemm(false, true, m, n, k, x, 0, k, w, 0, k, false, y, 0, n, threads);
                if (b != null) {
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < n; j++) y[i * n + j] += b[j];
                    }
                }
            }
        }
    }

    @Override
    protected void backwardImpl(Tensor in, Tensor gradOut, Tensor gradIn) {
        int m = in.rows(), k = inputSize, n = outputSize;
        if (precision == Precision.F32) {
            float[] g = gradOut.f32();
            // dW (n × k) = gᵀ (n × m) · x (m × k)
            Gemm.gemm(true, false, n, k, m, g, 0, n, in.f32(), 0, k, false, weight.grad().f32(), 0, k, threads);
            if (bias != null) {
                float[] db = bias.grad().f32();
                java.util.Arrays.fill(db, 0, n, 0f);
                for (int i = 0; i < m; i++) {
                    int o = i * n;
                    for (int j = 0; j < n; j++) db[j] += g[o + j];
                }
            }
            if (gradIn != null) {
                // dx (m × k) = g (m × n) · W (n × k)
                Gemm.gemm(false, false, m, k, n, g, 0, n, weight.value().f32(), 0, k, false, gradIn.f32(), 0, k, threads);
            }
        } else {
            double[] g = gradOut.f64();
            Gemm.gemm(true, false, n, k, m, g, 0, n, in.f64(), 0, k, false, weight.grad().f64(), 0, k, threads);
            if (bias != null) {
                double[] db = bias.grad().f64();
                java.util.Arrays.fill(db, 0, n, 0d);
                for (int i = 0; i < m; i++) {
                    int o = i * n;
                    for (int j = 0; j < n; j++) db[j] += g[o + j];
                }
            }
            if (gradIn != null) {
                Gemm.gemm(false, false, m, k, n, g, 0, n, weight.value().f64(), 0, k, false, gradIn.f64(), 0, k, threads);
            }
        }
    }

    @Override
    public String describe() {
        return "dense " + inputSize + "→" + outputSize + (bias == null ? " (no bias)" : "");
    }
}
