package org.sigmoid4j.diagnostics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One training-history record: the statistics of every monitored layer at the end of an epoch
 * (epoch 0 is the network at initialisation, before any update).
 *
 * @param epoch        0 at initialisation, then 1, 2, ...
 * @param trainLoss    mean training loss over the epoch's mini-batches (at epoch 0: on the probe set); NaN if unknown
 * @param testAccuracy accuracy on held-out data if the caller measured it, else NaN
 * @param layers       per-layer statistics, hidden layers first, output last
 */
public record EpochStats(int epoch, double trainLoss, double testAccuracy, List<LayerStats> layers) {

    public EpochStats {
        layers = List.copyOf(layers);
    }

    public EpochStats withTestAccuracy(double accuracy) {
        return new EpochStats(epoch, trainLoss, accuracy, layers);
    }

    public List<LayerStats> hidden() {
        return layers.stream().filter(LayerStats::hidden).toList();
    }

    /**
     * ‖∂C/∂b‖ of the first hidden layer divided by that of the last hidden layer (see
     * {@link LayerStats#learningSpeed()}); NaN with fewer than two hidden layers.
     */
    public double gradientRatio() {
        List<LayerStats> h = hidden();
        if (h.size() < 2) return Double.NaN;
        return h.getFirst().learningSpeed() / h.getLast().learningSpeed();
    }

    /** The largest saturated fraction over hidden layers (NaN if no layer has one). */
    public double maxSaturated() {
        return hidden().stream().mapToDouble(LayerStats::saturated).filter(Double::isFinite).max().orElse(Double.NaN);
    }

    /** The largest dead-ReLU fraction over hidden layers (NaN if no layer has one). */
    public double maxDead() {
        return hidden().stream().mapToDouble(LayerStats::dead).filter(Double::isFinite).max().orElse(Double.NaN);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epoch", epoch);
        m.put("train_loss", Json.finite(trainLoss));
        m.put("test_accuracy", Json.finite(testAccuracy));
        m.put("gradient_ratio", Json.finite(gradientRatio()));
        List<Object> ls = new ArrayList<>();
        for (LayerStats l : layers) ls.add(l.toJson());
        m.put("layers", ls);
        return m;
    }

    @SuppressWarnings("unchecked")
    public static EpochStats fromJson(Map<String, Object> m) {
        List<LayerStats> ls = new ArrayList<>();
        if (m.get("layers") instanceof List<?> l) {
            for (Object o : l) ls.add(LayerStats.fromJson((Map<String, Object>) o));
        }
        return new EpochStats((int) Json.num(m, "epoch"), Json.num(m, "train_loss"), Json.num(m, "test_accuracy"), ls);
    }

    /** This record without activation histograms. */
    public EpochStats withoutHistograms() {
        return new EpochStats(epoch, trainLoss, testAccuracy, layers.stream().map(l -> new LayerStats(l.index(), l.name(), l.activation(),
                l.hidden(), l.gradW(), l.gradB(), l.batchGradW(), l.batchGradB(), l.saturated(), l.dead(), l.actMean(), l.actStd(),
                l.updateRatio(), Double.NaN, Double.NaN, null)).toList());
    }

    /**
     * The records as JSON-able maps, with activation histograms kept only at the first and the last
     * epoch (what the reports draw), so long runs keep model files and experiment files small.
     */
    public static List<Map<String, Object>> toJson(List<EpochStats> history) {
        List<Map<String, Object>> out = new ArrayList<>(history.size());
        for (int i = 0; i < history.size(); i++) {
            EpochStats e = history.get(i);
            out.add((i == 0 || i == history.size() - 1 ? e : e.withoutHistograms()).toJson());
        }
        return out;
    }

    /** Parses a list of records (as written by {@link #toJson()}). */
    @SuppressWarnings("unchecked")
    public static List<EpochStats> listFromJson(Object parsed) {
        if (!(parsed instanceof List<?> l)) throw new IllegalArgumentException("expected a JSON array of epoch records");
        List<EpochStats> out = new ArrayList<>();
        for (Object o : l) {
            if (!(o instanceof Map<?, ?>)) throw new IllegalArgumentException("expected a JSON object per epoch record");
            out.add(fromJson((Map<String, Object>) o));
        }
        return out;
    }
}
