package org.sigmoid4j.nn;

import java.util.Locale;
import org.sigmoid4j.math.Logistic;

/**
 * Losses computed from the network's raw outputs (logits), averaged over the rows of a batch.
 * {@link #evaluate} returns the mean loss and, when {@code grad} is given, writes
 * ∂(mean loss)/∂logits into it (so parameter gradients are those of the mean loss).
 *
 * <ul>
 *   <li>{@code softmax-ce}: −log softmax(z)_y (labels, or target probabilities).</li>
 *   <li>{@code bce-logits}: Σ_outputs [−y log σ(z) − (1−y) log(1−σ(z))] / outputs, mean over
 *       rows, through softplus (PyTorch {@code BCEWithLogitsLoss}, mean over all elements).</li>
 *   <li>{@code nielsen-ce}: sigmoid outputs, per-example cross-entropy summed over the outputs
 *       (Nielsen's book, chapter 3); gradient σ(z) − y, no σ' factor.</li>
 *   <li>{@code nielsen-quad}: sigmoid outputs, ½‖σ(z) − y‖² per example (Nielsen chapter 1);
 *       gradient (σ(z) − y)·σ'(z), the slow-learning cost.</li>
 *   <li>{@code mse}: mean over all elements of (z − y)² (PyTorch {@code MSELoss}).</li>
 * </ul>
 * With labels, multi-output losses use one-hot targets and single-output ones the label itself.
 */
public enum Loss {
    SOFTMAX_CE("softmax-ce"),
    BCE_LOGITS("bce-logits"),
    NIELSEN_CE("nielsen-ce"),
    NIELSEN_QUADRATIC("nielsen-quad"),
    MSE("mse");

    private final String id;

    Loss(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Loss forId(String id) {
        String s = id.trim().toLowerCase(Locale.ROOT);
        for (Loss l : values()) {
            if (l.id.equals(s)) return l;
        }
        switch (s) {
            case "cross-entropy", "softmax", "ce" -> { return SOFTMAX_CE; }
            case "bce", "binary-cross-entropy" -> { return BCE_LOGITS; }
            case "quadratic", "nielsen-quadratic" -> { return NIELSEN_QUADRATIC; }
            default -> { }
        }
        StringBuilder known = new StringBuilder();
        for (Loss l : values()) known.append(known.isEmpty() ? "" : ", ").append(l.id);
        throw new IllegalArgumentException("unknown loss '" + id + "'; expected one of " + known);
    }

    /** Mean loss over the rows; writes ∂(mean loss)/∂logits into {@code grad} unless it is null. */
    public double evaluate(Tensor logits, Targets targets, Tensor grad) {
        int m = logits.rows(), k = logits.cols();
        if (targets.rows() < m) {
            throw new IllegalArgumentException("targets have " + targets.rows() + " rows, logits " + m);
        }
        if (this == SOFTMAX_CE && k < 2) {
            throw new IllegalArgumentException("softmax cross-entropy needs at least 2 outputs, got " + k);
        }
        if (grad != null) grad.resize(m, k);
        double total = 0;
        double[] z = new double[k];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < k; j++) z[j] = logits.get(i * k + j);
            total += row(z, targets, i, k, grad, i * k, m);
        }
        return total / m;
    }

    private double row(double[] z, Targets t, int i, int k, Tensor grad, int off, int m) {
        switch (this) {
            case SOFTMAX_CE -> {
                double lse = Logistic.logSumExp(z, 0, k);
                double loss = 0;
                if (t.hasLabels()) {
                    int y = t.label(i);
                    if (y < 0 || y >= k) {
                        throw new IllegalArgumentException("label " + y + " out of range for " + k + " outputs");
                    }
                    loss = lse - z[y];
                    if (grad != null) {
                        for (int j = 0; j < k; j++) grad.set(off + j, (Math.exp(z[j] - lse) - (j == y ? 1 : 0)) / m);
                    }
                } else {
                    double sumY = 0;
                    for (int j = 0; j < k; j++) {
                        double y = t.value(i, j, k);
                        loss += y * (lse - z[j]);
                        sumY += y;
                    }
                    if (grad != null) {
                        for (int j = 0; j < k; j++) grad.set(off + j, (sumY * Math.exp(z[j] - lse) - t.value(i, j, k)) / m);
                    }
                }
                return loss;
            }
            case BCE_LOGITS, NIELSEN_CE -> {
                double scale = this == BCE_LOGITS ? 1.0 / k : 1.0;
                double loss = 0;
                for (int j = 0; j < k; j++) {
                    double y = t.value(i, j, k);
                    loss += Logistic.bceWithLogits(z[j], y);
                    if (grad != null) grad.set(off + j, Logistic.bceWithLogitsGradient(z[j], y) * scale / m);
                }
                return loss * scale;
            }
            case NIELSEN_QUADRATIC -> {
                double loss = 0;
                for (int j = 0; j < k; j++) {
                    double y = t.value(i, j, k);
                    double d = Logistic.sigmoid(z[j]) - y;
                    loss += 0.5 * d * d;
                    if (grad != null) grad.set(off + j, d * Logistic.sigmoidDerivative(z[j]) / m);
                }
                return loss;
            }
            case MSE -> {
                double loss = 0;
                for (int j = 0; j < k; j++) {
                    double d = z[j] - t.value(i, j, k);
                    loss += d * d;
                    if (grad != null) grad.set(off + j, 2 * d / (k * (double) m));
                }
                return loss / k;
            }
            default -> throw new AssertionError(this);
        }
    }

    /**
     * Class probabilities for one row of logits, into {@code out[outOff..]} with
     * {@code numClasses} entries: softmax for {@code softmax-ce}; for one sigmoid output
     * [1 − σ(z), σ(z)]; for several sigmoid outputs the σ(z_j) normalised to sum 1; for
     * {@code mse} the outputs clipped at 0 and normalised (uniform if all are ≤ 0).
     */
    public void probabilities(double[] z, int zOff, int k, double[] out, int outOff) {
        if (k == 1) {
            double p = this == MSE ? Math.min(1, Math.max(0, z[zOff])) : Logistic.sigmoid(z[zOff]);
            out[outOff] = 1 - p;
            out[outOff + 1] = p;
            return;
        }
        if (this == SOFTMAX_CE) {
            Logistic.softmax(z, zOff, out, outOff, k);
            return;
        }
        double s = 0;
        for (int j = 0; j < k; j++) {
            double v = this == MSE ? Math.max(0, z[zOff + j]) : Logistic.sigmoid(z[zOff + j]);
            out[outOff + j] = v;
            s += v;
        }
        for (int j = 0; j < k; j++) out[outOff + j] = s > 0 ? out[outOff + j] / s : 1.0 / k;
    }
}
