package org.sigmoid4j.diagnostics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.sigmoid4j.nn.ActivationLayer;
import org.sigmoid4j.nn.AdaptiveActivation;
import org.sigmoid4j.nn.BatchNorm;
import org.sigmoid4j.nn.Dense;
import org.sigmoid4j.nn.Layer;
import org.sigmoid4j.nn.Loss;
import org.sigmoid4j.nn.Network;
import org.sigmoid4j.nn.PReLU;
import org.sigmoid4j.nn.Parameter;
import org.sigmoid4j.nn.Targets;
import org.sigmoid4j.nn.Tensor;
import org.sigmoid4j.train.BatchStats;
import org.sigmoid4j.train.EpochSummary;
import org.sigmoid4j.train.Examples;
import org.sigmoid4j.train.TrainingContext;
import org.sigmoid4j.train.TrainingListener;

/**
 * Records, per layer and epoch, what shows a vanishing (or exploding) gradient: the L2 norms of the
 * weight and bias gradients of the mean loss over a fixed probe set and averaged over the epoch's
 * mini-batches, the saturated and dead fractions, the mean and spread of the activations (with a
 * histogram), and the update/parameter ratio ‖ΔW‖/‖W‖ per optimiser step. The records
 * ({@link EpochStats}) go into the model file's training history; {@link Verdict} judges them.
 *
 * <p>A monitored "layer" is a dense map and the layers after it up to the next dense map (batch
 * norm, activation); its activation is named like {@code sigmoid}, {@code sigmoid+bn},
 * {@code adaptive-sigmoid} or {@code identity} (the output). The bias gradient is the dense bias,
 * or batch norm's β when the dense layer has none (both are the layer's mean error signal δ).
 *
 * <p>As a {@link TrainingListener} (pass it to {@code NetworkTrainer.train}) it probes the first
 * {@code probeRows} training rows and calls itself; a custom loop calls {@link #atStart()} before
 * training (epoch 0), {@link #afterStep()} after every optimiser step (gradients of that batch
 * still in place), {@link #endEpoch(int, double)} at the end of each epoch. The probe pass has no side effects on training (PROBE mode: batch-norm running
 * statistics untouched, dropout off; gradient buffers restored), so monitored and unmonitored runs
 * train bit-identically.
 *
 * <p>Cost: per step, one pass over the weights and their gradients (norms, and the copy used for
 * ΔW); per epoch, one forward and backward pass over the probe set. See the README for the measured
 * overhead.
 */
public final class GradientMonitor implements TrainingListener {

    /** Default probe-set size: enough for stable norms, small next to an epoch. */
    public static final int DEFAULT_PROBE_ROWS = 512;

    private record Stage(int index, String name, String activation, boolean hidden, Dense dense, Parameter bias, Layer last,
            int denseLayer, int biasLayer, String biasName) {}

    private final int probeLimit;
    private Network net;
    private double[] probeX;
    private int probeRows;
    private Targets probeTargets;
    private Loss loss;
    private List<Stage> stages;
    private final List<EpochStats> history = new ArrayList<>();

    // Per-epoch accumulators.
    private double[] sumBatchW, sumBatchB, sumUpdate;
    private int steps;
    private double[][] previousW;

    /** A listener that probes the first {@link #DEFAULT_PROBE_ROWS} training rows. */
    public GradientMonitor() {
        this(DEFAULT_PROBE_ROWS);
    }

    /** A listener that probes the first {@code probeRows} training rows (all of them if fewer). */
    public GradientMonitor(int probeRows) {
        if (probeRows < 1) throw new IllegalArgumentException("the probe set needs at least one row, got " + probeRows);
        this.probeLimit = probeRows;
    }

    /**
     * A monitor bound to a network and an explicit probe set, for callers that run their own loop.
     *
     * @param probeX       probe inputs, row-major ({@code probeRows × inputs}); copied
     * @param probeTargets their targets
     */
    public GradientMonitor(Network net, double[] probeX, int probeRows, Targets probeTargets, Loss loss) {
        this(probeRows);
        bind(net, probeX, probeRows, probeTargets, loss);
    }

    private void bind(Network net, double[] probeX, int probeRows, Targets probeTargets, Loss loss) {
        if (probeRows < 1) throw new IllegalArgumentException("the probe set needs at least one row");
        if (probeX.length < (long) probeRows * net.inputSize()) {
            throw new IllegalArgumentException("probe set has " + probeX.length + " values, need " + probeRows + "×" + net.inputSize());
        }
        this.net = net;
        this.probeX = Arrays.copyOf(probeX, probeRows * net.inputSize());
        this.probeRows = probeRows;
        this.probeTargets = probeTargets;
        this.loss = loss;
        this.stages = stages(net);
        int n = stages.size();
        sumBatchW = new double[n];
        sumBatchB = new double[n];
        sumUpdate = new double[n];
        previousW = new double[n][];
        history.clear();
        steps = 0;
    }

    // TrainingListener: epoch 0 at the start, a step after each batch, a record after each epoch.

    @Override
    public void onTrainingStart(TrainingContext ctx) {
        Examples train = ctx.train();
        int rows = Math.min(probeLimit, train.rows());
        int[] first = new int[rows];
        for (int i = 0; i < rows; i++) first[i] = i;
        Examples probe = rows == train.rows() ? train : train.select(first);
        bind(ctx.network(), probe.x(), rows, probe.targets(), ctx.loss());
        atStart();
    }

    @Override
    public void onBatchEnd(TrainingContext ctx, BatchStats batch) {
        afterStep();
    }

    @Override
    public void onEpochEnd(TrainingContext ctx, EpochSummary summary) {
        endEpoch(summary.epoch() + 1, summary.trainLoss());
        if (Double.isFinite(summary.validationAccuracy())) setTestAccuracy(summary.validationAccuracy());
    }

    static List<Stage> stages(Network net) {
        List<Layer> layers = net.layers();
        List<int[]> bounds = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) instanceof Dense) bounds.add(new int[] {i, layers.size()});
        }
        for (int k = 0; k + 1 < bounds.size(); k++) bounds.get(k)[1] = bounds.get(k + 1)[0];
        List<Stage> out = new ArrayList<>();
        for (int k = 0; k < bounds.size(); k++) {
            int from = bounds.get(k)[0], to = bounds.get(k)[1];
            Dense d = (Dense) layers.get(from);
            String act = "identity";
            boolean bn = false;
            Parameter bias = d.hasBias() ? d.bias() : null;
            int biasLayer = from;
            for (int i = from + 1; i < to; i++) {
                Layer l = layers.get(i);
                if (l instanceof BatchNorm b) {
                    bn = true;
                    if (bias == null) {
                        bias = b.beta();
                        biasLayer = i;
                    }
                } else if (l instanceof ActivationLayer a) {
                    act = a.activation().id();
                } else if (l instanceof AdaptiveActivation a) {
                    act = "adaptive-" + a.activation().id();
                } else if (l instanceof PReLU) {
                    act = "prelu";
                }
            }
            if (bn) act = act + "+bn";
            boolean hidden = k + 1 < bounds.size();
            out.add(new Stage(k, hidden ? "hidden " + (k + 1) : "output", act, hidden, d, bias, layers.get(to - 1), from, biasLayer,
                    bias == null ? null : bias.name()));
        }
        return out;
    }

    /** The records so far, epoch 0 first. */
    public List<EpochStats> history() {
        return List.copyOf(history);
    }

    /** The records as JSON-able maps, for the model file's training history. */
    public List<Map<String, Object>> historyJson() {
        return history.stream().map(EpochStats::toJson).toList();
    }

    /** Records epoch 0 (the network at initialisation) and takes the first weight copy for ΔW. */
    public EpochStats atStart() {
        requireBound();
        for (Stage s : stages) previousW[s.index] = s.dense.weight().valuesAsDouble();
        EpochStats e = measure(0, Double.NaN);
        history.add(e);
        return e;
    }

    /** After an optimiser step: accumulates this batch's gradient norms and the step's ‖ΔW‖/‖W‖. */
    public void afterStep() {
        requireBound();
        for (Stage s : stages) {
            Parameter w = s.dense.weight();
            sumBatchW[s.index] += w.gradNorm();
            if (s.bias != null) sumBatchB[s.index] += s.bias.gradNorm();
            double[] before = previousW[s.index];
            if (before == null) {
                previousW[s.index] = w.valuesAsDouble();
                continue;
            }
            // ‖W_now − W_before‖ / ‖W_before‖, then W_before ← W_now, in one pass without allocation.
            Tensor t = w.value();
            int n = w.size();
            double dd = 0, ww = 0;
            if (w.precision() == org.sigmoid4j.nn.Precision.F32) {
                float[] a = t.f32();
                for (int i = 0; i < n; i++) {
                    double b = before[i], d = a[i] - b;
                    dd += d * d;
                    ww += b * b;
                    before[i] = a[i];
                }
            } else {
                double[] a = t.f64();
                for (int i = 0; i < n; i++) {
                    double b = before[i], d = a[i] - b;
                    dd += d * d;
                    ww += b * b;
                    before[i] = a[i];
                }
            }
            sumUpdate[s.index] += ww > 0 ? Math.sqrt(dd / ww) : Double.NaN;
        }
        steps++;
    }

    /** Records the end of an epoch (mean training loss over its batches as the trainer measured it). */
    public EpochStats endEpoch(int epoch, double trainLoss) {
        requireBound();
        EpochStats e = measure(epoch, trainLoss);
        history.add(e);
        Arrays.fill(sumBatchW, 0);
        Arrays.fill(sumBatchB, 0);
        Arrays.fill(sumUpdate, 0);
        steps = 0;
        return e;
    }

    /** Replaces the last record's test accuracy (callers that evaluate after each epoch). */
    public void setTestAccuracy(double accuracy) {
        if (history.isEmpty()) throw new IllegalStateException("no epoch recorded yet");
        history.set(history.size() - 1, history.getLast().withTestAccuracy(accuracy));
    }

    private void requireBound() {
        if (net == null) throw new IllegalStateException("the monitor is not attached to a network: pass it to NetworkTrainer.train or use the binding constructor");
    }

    private EpochStats measure(int epoch, double trainLoss) {
        Network.ProbeGradients g = net.probeGradients(probeX, probeRows, probeTargets, loss);
        // The probe pass's forward left every layer's output buffer holding the probe activations.
        List<LayerStats> out = new ArrayList<>(stages.size());
        for (Stage s : stages) {
            double gw = g.norm(s.denseLayer, "weight");
            double gb = s.biasName == null ? Double.NaN : g.norm(s.biasLayer, s.biasName);
            Tensor y = s.last.lastOutput();
            int n = y.size(), cols = y.cols();
            java.util.function.IntToDoubleFunction at = y::get;
            double sat = s.hidden ? ActivationStats.saturated(s.activation, at, n) : Double.NaN;
            double dead = s.hidden ? ActivationStats.dead(s.activation, at, y.rows(), cols) : Double.NaN;
            double[] ms = ActivationStats.meanStd(at, n);
            double[] range = ActivationStats.range(s.activation, at, n);
            long[] hist = s.hidden ? ActivationStats.histogram(at, n, range[0], range[1]) : null;
            double bw = steps > 0 ? sumBatchW[s.index] / steps : Double.NaN;
            double bb = steps > 0 && s.bias != null ? sumBatchB[s.index] / steps : Double.NaN;
            double up = steps > 0 ? sumUpdate[s.index] / steps : Double.NaN;
            out.add(new LayerStats(s.index, s.name, s.activation, s.hidden, gw, gb, bw, bb, sat, dead, ms[0], ms[1], up,
                    range[0], range[1], hist));
        }
        return new EpochStats(epoch, Double.isNaN(trainLoss) && epoch == 0 ? g.loss() : trainLoss, Double.NaN, out);
    }
}
