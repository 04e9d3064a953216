package org.sigmoid4j.diagnostics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the {@link GradientMonitor} records for one layer in one epoch. A "layer" here is one
 * trainable stage: a dense map with whatever follows it up to the next dense map (batch norm,
 * activation). Statistics that do not apply (dead fraction of a sigmoid layer) or were not
 * measured are {@code NaN}, written as {@code null} in JSON.
 *
 * @param index             0-based position (hidden layers first, output last)
 * @param name              display name, e.g. {@code "hidden 1"} or {@code "output"}
 * @param activation        activation id ({@code "sigmoid"}, {@code "tanh"}, {@code "relu"},
 *                          {@code "adaptive-sigmoid"}, {@code "identity"}...)
 * @param hidden            true for hidden layers (the gradient ratio compares the first and last of these)
 * @param gradW             L2 norm of ∂C/∂W of the mean loss over the fixed probe set
 * @param gradB             L2 norm of ∂C/∂b over the probe set (the dense bias, or batch norm's β when the dense layer has no bias);
 *                          this is the norm of the layer's mean error signal δ, Nielsen's "speed of learning"
 * @param batchGradW        mean over the epoch's mini-batches of ‖∂C_batch/∂W‖
 * @param batchGradB        mean over the epoch's mini-batches of ‖∂C_batch/∂b‖
 * @param saturated         fraction of (unit, probe example) pairs with f'(z) &lt; 0.01 (sigmoid: σ'(z) &lt; 0.01; tanh:
 *                          1 − tanh²(z) &lt; 0.04, the same |z| ≈ 4.6 as 4σ'(2z) &lt; 0.04)
 * @param dead              fraction of units whose ReLU input is ≤ 0 on every probe example
 * @param actMean           mean of the layer's activations over the probe set
 * @param actStd            standard deviation of those activations
 * @param updateRatio       mean over the epoch's optimiser steps of ‖ΔW‖ / ‖W‖
 * @param histLo            lower end of the activation histogram
 * @param histHi            upper end of the activation histogram
 * @param histogram         counts of the probe-set activations in equal bins over [histLo, histHi] (may be empty)
 */
public record LayerStats(int index, String name, String activation, boolean hidden,
        double gradW, double gradB, double batchGradW, double batchGradB,
        double saturated, double dead, double actMean, double actStd, double updateRatio,
        double histLo, double histHi, long[] histogram) {

    public LayerStats {
        histogram = histogram == null ? new long[0] : histogram.clone();
    }

    /** The norm the verdict compares across layers: the bias (δ) norm, else the weight norm, else the batch norms. */
    public double learningSpeed() {
        if (Double.isFinite(gradB)) return gradB;
        if (Double.isFinite(gradW)) return gradW;
        if (Double.isFinite(batchGradB)) return batchGradB;
        return batchGradW;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", index);
        m.put("name", name);
        m.put("activation", activation);
        m.put("hidden", hidden);
        m.put("grad_w", Json.finite(gradW));
        m.put("grad_b", Json.finite(gradB));
        m.put("batch_grad_w", Json.finite(batchGradW));
        m.put("batch_grad_b", Json.finite(batchGradB));
        m.put("saturated", Json.finite(saturated));
        m.put("dead", Json.finite(dead));
        m.put("act_mean", Json.finite(actMean));
        m.put("act_std", Json.finite(actStd));
        m.put("update_ratio", Json.finite(updateRatio));
        if (histogram.length > 0) {
            m.put("hist_lo", Json.finite(histLo));
            m.put("hist_hi", Json.finite(histHi));
            m.put("hist", java.util.Arrays.stream(histogram).boxed().toList());
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    public static LayerStats fromJson(Map<String, Object> m) {
        long[] hist = new long[0];
        if (m.get("hist") instanceof List<?> l) {
            hist = new long[l.size()];
            for (int i = 0; i < hist.length; i++) hist[i] = l.get(i) instanceof Number n ? n.longValue() : 0;
        }
        return new LayerStats((int) Json.num(m, "index"), Json.str(m, "name", "?"), Json.str(m, "activation", "?"),
                Boolean.TRUE.equals(m.get("hidden")), Json.num(m, "grad_w"), Json.num(m, "grad_b"),
                Json.num(m, "batch_grad_w"), Json.num(m, "batch_grad_b"), Json.num(m, "saturated"), Json.num(m, "dead"),
                Json.num(m, "act_mean"), Json.num(m, "act_std"), Json.num(m, "update_ratio"),
                Json.num(m, "hist_lo"), Json.num(m, "hist_hi"), hist);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LayerStats s && toJson().toString().equals(s.toJson().toString())
                && java.util.Arrays.equals(histogram, s.histogram);
    }

    @Override
    public int hashCode() {
        return toJson().toString().hashCode();
    }
}
