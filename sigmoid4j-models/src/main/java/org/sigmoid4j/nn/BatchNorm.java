package org.sigmoid4j.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Batch normalisation over the batch dimension (PyTorch {@code nn.BatchNorm1d}):
 * {@code y = γ·(x − μ)/√(σ² + ε) + β} per unit.
 * <ul>
 *   <li>TRAIN: μ, σ² are the batch mean and <em>biased</em> batch variance; the running
 *       estimates move by {@code r ← (1 − momentum)·r + momentum·s}, with the <em>unbiased</em>
 *       batch variance for the running variance (PyTorch semantics; momentum 0.1, ε 1e-5).</li>
 *   <li>PROBE: batch statistics, running estimates untouched.</li>
 *   <li>INFER: the running estimates.</li>
 * </ul>
 * Statistics are accumulated in double whatever the precision. γ starts at 1, β at 0, the
 * running mean at 0 and the running variance at 1. A training batch of one row is rejected
 * (its unbiased variance is undefined), as in PyTorch.
 */
public final class BatchNorm extends Layer {

    public static final double DEFAULT_EPS = 1e-5;
    public static final double DEFAULT_MOMENTUM = 0.1;

    private final double eps;
    private final double momentum;
    private final Parameter gamma;
    private final Parameter beta;
    private final double[] runningMean;
    private final double[] runningVar;
    // Cached by forward for backward.
    private double[] xhat = new double[0];
    private final double[] invStd;
    private boolean batchStats;

    public BatchNorm(Precision precision, int size) {
        this(precision, size, DEFAULT_EPS, DEFAULT_MOMENTUM);
    }

    public BatchNorm(Precision precision, int size, double eps, double momentum) {
        super(precision, size, size);
        if (!(eps > 0) || !(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException("batch norm needs eps > 0 and momentum in [0, 1]");
        }
        this.eps = eps;
        this.momentum = momentum;
        this.gamma = new Parameter("gamma", precision, 1, size, false);
        this.beta = new Parameter("beta", precision, 1, size, false);
        gamma.value().fill(1.0);
        this.runningMean = new double[size];
        this.runningVar = new double[size];
        java.util.Arrays.fill(runningVar, 1.0);
        this.invStd = new double[size];
    }

    public Parameter gamma() {
        return gamma;
    }

    public Parameter beta() {
        return beta;
    }

    public double[] runningMean() {
        return runningMean;
    }

    public double[] runningVar() {
        return runningVar;
    }

    @Override
    public String type() {
        return "batch-norm";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(gamma, beta);
    }

    @Override
    public Map<String, double[]> buffers() {
        Map<String, double[]> b = new LinkedHashMap<>();
        b.put("running_mean", runningMean.clone());
        b.put("running_var", runningVar.clone());
        return b;
    }

    @Override
    public void setBuffer(String name, double[] values) {
        double[] target = switch (name) {
            case "running_mean" -> runningMean;
            case "running_var" -> runningVar;
            default -> throw new IllegalArgumentException("batch-norm has no buffer '" + name + "'");
        };
        if (values.length != target.length) {
            throw new IllegalArgumentException(name + ": expected " + target.length + " values, got " + values.length);
        }
        System.arraycopy(values, 0, target, 0, values.length);
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = super.config();
        c.put("eps", eps);
        c.put("momentum", momentum);
        return c;
    }

    @Override
    protected void forwardImpl(Tensor in, Tensor out, Mode mode) {
        int m = in.rows(), n = inputSize;
        if (xhat.length < m * n) xhat = new double[m * n];
        batchStats = mode != Mode.INFER;
        double[] mean = new double[n], var = new double[n];
        if (batchStats) {
            if (m < 2) {
                throw new IllegalArgumentException("batch normalisation needs at least 2 rows per training batch, got " + m);
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) mean[j] += in.get(i * n + j);
            }
            for (int j = 0; j < n; j++) mean[j] /= m;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double dlt = in.get(i * n + j) - mean[j];
                    var[j] += dlt * dlt;
                }
            }
            for (int j = 0; j < n; j++) {
                double biased = var[j] / m;
                if (mode == Mode.TRAIN) {
                    runningMean[j] = (1 - momentum) * runningMean[j] + momentum * mean[j];
                    runningVar[j] = (1 - momentum) * runningVar[j] + momentum * (var[j] / (m - 1));
                }
                var[j] = biased;
            }
        } else {
            System.arraycopy(runningMean, 0, mean, 0, n);
            System.arraycopy(runningVar, 0, var, 0, n);
        }
        for (int j = 0; j < n; j++) invStd[j] = 1.0 / Math.sqrt(var[j] + eps);
        Tensor g = gamma.value(), b = beta.value();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int k = i * n + j;
                double h = (in.get(k) - mean[j]) * invStd[j];
                xhat[k] = h;
                out.set(k, g.get(j) * h + b.get(j));
            }
        }
    }

    @Override
    protected void backwardImpl(Tensor in, Tensor gradOut, Tensor gradIn) {
        int m = in.rows(), n = inputSize;
        double[] dGamma = new double[n], dBeta = new double[n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int k = i * n + j;
                double g = gradOut.get(k);
                dGamma[j] += g * xhat[k];
                dBeta[j] += g;
            }
        }
        for (int j = 0; j < n; j++) {
            gamma.grad().set(j, dGamma[j]);
            beta.grad().set(j, dBeta[j]);
        }
        if (gradIn == null) return;
        Tensor gam = gamma.value();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int k = i * n + j;
                double g = gradOut.get(k);
                double dx;
                if (batchStats) {
                    // dx = γ/(m·σ) · (m·g − Σg − x̂·Σ(g·x̂))
                    dx = gam.get(j) * invStd[j] / m * (m * g - dBeta[j] - xhat[k] * dGamma[j]);
                } else {
                    dx = gam.get(j) * invStd[j] * g;
                }
                gradIn.set(k, dx);
            }
        }
    }

    @Override
    public String describe() {
        return "batch-norm (" + inputSize + ")";
    }
}
