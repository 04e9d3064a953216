package org.sigmoid4j.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sigmoid4j.model.Classifier;
import org.sigmoid4j.model.ModelState;

/**
 * A feed-forward network as a {@link Classifier} (kind {@code "mlp"}): the network, the loss
 * that turns its logits into class probabilities, and the training record (settings and
 * per-epoch history) for {@code summary} and reports.
 *
 * <p>Model-file state: config {@code precision}, {@code inputs}, {@code classes}, {@code loss},
 * {@code layers} (one map per layer: type, in, out and the layer's settings), {@code training}
 * (settings) and {@code history} (one map per epoch); arrays {@code layers.<i>.<parameter>}
 * (e.g. {@code layers.0.weight}, out × in row-major) and {@code layers.<i>.<buffer>} (batch-norm
 * running statistics). Float networks store their float values exactly (every float is a double).
 *
 * <p>Not thread-safe: predictions run through the network's reused buffers.
 */
public final class MlpClassifier implements Classifier {

    public static final String KIND = "mlp";
    private static final int CHUNK = 1024;

    private final Network network;
    private final Loss loss;
    private final int numClasses;
    private final Map<String, Object> training;
    private final List<Map<String, Object>> history;

    /**
     * @param numClasses 2 for a binary model (one output with a sigmoid loss, or two outputs), else the outputs
     * @param training   training settings (copied; may be empty)
     * @param history    per-epoch records (copied; may be empty)
     */
    public MlpClassifier(Network network, Loss loss, int numClasses, Map<String, Object> training,
                         List<Map<String, Object>> history) {
        int k = network.outputSize();
        if (!(k == numClasses || (k == 1 && numClasses == 2))) {
            throw new IllegalArgumentException("a network with " + k + " outputs cannot predict " + numClasses + " classes");
        }
        if (k == 1 && loss == Loss.SOFTMAX_CE) {
            throw new IllegalArgumentException("softmax cross-entropy needs one output per class");
        }
        this.network = network;
        this.loss = loss;
        this.numClasses = numClasses;
        this.training = new LinkedHashMap<>(training);
        this.history = new ArrayList<>(history);
    }

    public Network network() {
        return network;
    }

    public Loss loss() {
        return loss;
    }

    public Map<String, Object> training() {
        return training;
    }

    public List<Map<String, Object>> history() {
        return history;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public int numFeatures() {
        return network.inputSize();
    }

    @Override
    public int numClasses() {
        return numClasses;
    }

    @Override
    public synchronized void predictProba(double[] x, int n, double[] out) {
        int d = network.inputSize(), k = network.outputSize();
        if (x.length < (long) n * d || out.length < (long) n * numClasses) {
            throw new IllegalArgumentException("need " + n + "x" + d + " inputs and room for " + n + "x" + numClasses + " probabilities");
        }
        double[] z = new double[k];
        double[] chunk = new double[Math.min(CHUNK, Math.max(n, 1)) * d];
        for (int from = 0; from < n; from += CHUNK) {
            int rows = Math.min(CHUNK, n - from);
            System.arraycopy(x, from * d, chunk, 0, rows * d);
            Tensor logits = network.forward(chunk, rows, Mode.INFER);
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < k; j++) z[j] = logits.get(r * k + j);
                loss.probabilities(z, 0, k, out, (from + r) * numClasses);
            }
        }
    }

    @Override
    public ModelState state() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("precision", network.precision().id());
        config.put("inputs", network.inputSize());
        config.put("classes", numClasses);
        config.put("loss", loss.id());
        config.put("layers", network.specs());
        config.put("training", training);
        config.put("history", history);
        Map<String, double[]> arrays = new LinkedHashMap<>();
        List<Layer> layers = network.layers();
        for (int i = 0; i < layers.size(); i++) {
            for (Parameter p : layers.get(i).parameters()) arrays.put("layers." + i + "." + p.name(), p.valuesAsDouble());
            for (Map.Entry<String, double[]> e : layers.get(i).buffers().entrySet()) arrays.put("layers." + i + "." + e.getKey(), e.getValue());
        }
        return new ModelState(KIND, config, arrays);
    }

    /** Rebuilds a classifier written by {@link #state()}; clear messages for anything missing or inconsistent. */
    @SuppressWarnings("unchecked")
    public static MlpClassifier fromState(ModelState state) {
        if (!KIND.equals(state.kind())) {
            throw new IllegalArgumentException("not an mlp model: kind '" + state.kind() + "'");
        }
        Map<String, Object> c = state.config();
        try {
            Precision precision = Precision.forId(String.valueOf(required(c, "precision")));
            int inputs = ((Number) required(c, "inputs")).intValue();
            int classes = ((Number) required(c, "classes")).intValue();
            Loss loss = Loss.forId(String.valueOf(required(c, "loss")));
            List<Map<String, Object>> specs = (List<Map<String, Object>>) required(c, "layers");
            Network net = Network.fromSpecs(inputs, precision, specs);
            List<Layer> layers = net.layers();
            for (int i = 0; i < layers.size(); i++) {
                for (Parameter p : layers.get(i).parameters()) {
                    double[] v = state.arrays().get("layers." + i + "." + p.name());
                    if (v == null) throw new IllegalArgumentException("missing array layers." + i + "." + p.name());
                    p.setValues(v);
                }
                for (String b : layers.get(i).buffers().keySet()) {
                    double[] v = state.arrays().get("layers." + i + "." + b);
                    if (v == null) throw new IllegalArgumentException("missing array layers." + i + "." + b);
                    layers.get(i).setBuffer(b, v);
                }
            }
            Object t = c.getOrDefault("training", Map.of());
            Object h = c.getOrDefault("history", List.of());
            return new MlpClassifier(net, loss, classes, (Map<String, Object>) t, (List<Map<String, Object>>) h);
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("malformed mlp model state: " + e.getMessage(), e);
        }
    }

    private static Object required(Map<String, Object> c, String key) {
        Object v = c.get(key);
        if (v == null) throw new IllegalArgumentException("mlp model state lacks '" + key + "'");
        return v;
    }

    /** One row of {@link #layerTable()}. */
    public record LayerRow(int index, String type, String description, int outputs, int parameters) {}

    /** The layers with their parameter counts, for {@code summary}. */
    public List<LayerRow> layerTable() {
        List<LayerRow> rows = new ArrayList<>();
        List<Layer> layers = network.layers();
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            rows.add(new LayerRow(i, l.type(), l.describe(), l.outputSize(), l.parameterCount()));
        }
        return rows;
    }

    /** A plain-text summary: the layer table, totals, loss, training settings and history. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "mlp: %d inputs → %d classes, %s, loss %s%n",
                network.inputSize(), numClasses, network.precision().id(), loss.id()));
        sb.append(String.format(Locale.ROOT, "%-5s %-34s %8s %12s%n", "layer", "description", "outputs", "parameters"));
        for (LayerRow r : layerTable()) {
            sb.append(String.format(Locale.ROOT, "%-5d %-34s %8d %12d%n", r.index(), r.description(), r.outputs(), r.parameters()));
        }
        sb.append(String.format(Locale.ROOT, "total parameters: %d%n", network.parameterCount()));
        if (!training.isEmpty()) sb.append("training: ").append(training).append('\n');
        sb.append(historyTable(history));
        return sb.toString();
    }

    /**
     * The per-epoch records of a training history (maps with {@code epoch}, {@code train_loss},
     * optional {@code validation_loss} / {@code validation_accuracy}; other records are skipped)
     * as a text table; empty when there are none.
     */
    public static String historyTable(List<Map<String, Object>> records) {
        StringBuilder sb = new StringBuilder();
        for (Map<String, Object> e : records) {
            if (e.get("type") != null && !"epoch".equals(e.get("type"))) continue; // e.g. the gradient diagnostics
            if (!(e.get("epoch") instanceof Number) || !(e.get("train_loss") instanceof Number)) continue;
            if (sb.isEmpty()) {
                sb.append(String.format(Locale.ROOT, "%-6s %12s %12s %10s%n", "epoch", "train_loss", "valid_loss", "valid_acc"));
            }
            sb.append(String.format(Locale.ROOT, "%-6s %12s %12s %10s%n", num(e.get("epoch"), true),
                    num(e.get("train_loss"), false), num(e.get("validation_loss"), false), num(e.get("validation_accuracy"), false)));
        }
        return sb.toString();
    }

    private static String num(Object o, boolean integer) {
        if (!(o instanceof Number n)) return "-";
        return integer ? Long.toString(n.longValue() + 1) : String.format(Locale.ROOT, "%.4f", n.doubleValue());
    }
}
