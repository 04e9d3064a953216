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
import org.sigmoid4j.nn.Precision;
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
 * still in place), with {@link #beforeStep()} before it for the update ratio, and
 * {@link #endEpoch(int, double)} at the end of each epoch. The probe pass has no side effects on training (PROBE mode: batch-norm running
 * statistics untouched, dropout off; gradient buffers restored), so monitored and unmonitored runs
 * train bit-identically.
 *
 * <p>Cost: per step, one pass over the weights and their gradients (norms, and the copy used for
 * ΔW); per epoch, one forward and backward pass over the probe set and the activation statistics.
 * Measured on [784, 64×6, 10], batch 32, 8000 MNIST rows: see the README ("Diagnostics").
 */
public final class GradientMonitor implements TrainingListener {

    /** Default probe-set size: enough for stable norms, small next to an epoch. */
    public static final int DEFAULT_PROBE_ROWS = 256;
    /**
     * As a listener, the per-step statistics (batch gradient norms, update ratio) are taken on every
     * k-th step, k = max(1, steps per epoch / this): a systematic sample of about this many steps
     * per epoch, so their cost stays a few percent of training whatever the batch size.
     */
    public static final int SAMPLED_STEPS = 16;

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
    private int steps, sampled, stride = 1;
    private boolean copied;
    private int updates;
    private float[][] previousF;
    private double[][] previousD;

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
        previousF = new float[n][];
        previousD = new double[n][];
        history.clear();
        steps = 0;
        sampled = 0;
        updates = 0;
        copied = false;
        allocateCopies();
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
        int stepsPerEpoch = Math.max(1, (train.rows() + ctx.config().batchSize() - 1) / ctx.config().batchSize());
        stride = Math.max(1, stepsPerEpoch / SAMPLED_STEPS);
        atStart();
    }

    @Override
    public void onBatchGradients(TrainingContext ctx, BatchStats batch) {
        beforeStep();
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

    /** The records as JSON-able maps for the model file's training history (histograms at the first and last epoch). */
    public List<Map<String, Object>> historyJson() {
        return EpochStats.toJson(history);
    }

    /** Records epoch 0 (the network at initialisation) and takes the first weight copy for ΔW. */
    public EpochStats atStart() {
        requireBound();

        EpochStats e = measure(0, Double.NaN);
        history.add(e);
        return e;
    }

    /** Before an optimiser step (gradients in place, weights not yet updated): keeps a copy of the weights for ΔW. */
    public void beforeStep() {
        requireBound();
        if (steps % stride != 0) return;
        for (Stage st : stages) {
            Parameter w = st.dense.weight();
            if (w.precision() == Precision.F32) System.arraycopy(w.value().f32(), 0, previousF[st.index], 0, w.size());
            else System.arraycopy(w.value().f64(), 0, previousD[st.index], 0, w.size());
        }
        copied = true;
    }

    /**
     * After an optimiser step: accumulates this batch's gradient norms and, when {@link #beforeStep()}
     * ran for it, the step's ‖ΔW‖/‖W‖.
     */
    public void afterStep() {
        requireBound();
        if (steps++ % stride != 0) return;
        sampled++;
        for (Stage s : stages) {
            Parameter w = s.dense.weight();
            sumBatchW[s.index] += Math.sqrt(sumSquares(w.grad(), w.size()));
            if (s.bias != null) sumBatchB[s.index] += Math.sqrt(sumSquares(s.bias.grad(), s.bias.size()));
            if (copied) sumUpdate[s.index] += updateRatio(w.value(), w.size(), s.index);
        }
        if (copied) updates++;
        copied = false;
    }

    /** Σ x² in double with four independent accumulators (a dependent chain would cost as much as a small step). */
    static double sumSquares(Tensor t, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        if (t.precision() == Precision.F32) {
            float[] a = t.f32();
            for (; i + 3 < n; i += 4) {
                double x0 = a[i], x1 = a[i + 1], x2 = a[i + 2], x3 = a[i + 3];
                s0 += x0 * x0;
                s1 += x1 * x1;
                s2 += x2 * x2;
                s3 += x3 * x3;
            }
            for (; i < n; i++) s0 += (double) a[i] * a[i];
        } else {
            double[] a = t.f64();
            for (; i + 3 < n; i += 4) {
                s0 += a[i] * a[i];
                s1 += a[i + 1] * a[i + 1];
                s2 += a[i + 2] * a[i + 2];
                s3 += a[i + 3] * a[i + 3];
            }
            for (; i < n; i++) s0 += a[i] * a[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** ‖W − W_before‖ / ‖W_before‖ against the copy {@link #beforeStep()} kept. */
    private double updateRatio(Tensor w, int n, int stage) {
        double d0 = 0, d1 = 0, p0 = 0, p1 = 0;
        int i = 0;
        if (w.precision() == Precision.F32) {
            float[] a = w.f32(), b = previousF[stage];
            for (; i + 1 < n; i += 2) {
                double x0 = a[i] - b[i], x1 = a[i + 1] - b[i + 1];
                double y0 = b[i], y1 = b[i + 1];
                d0 += x0 * x0;
                d1 += x1 * x1;
                p0 += y0 * y0;
                p1 += y1 * y1;
            }
            for (; i < n; i++) {
                double x = a[i] - b[i];
                d0 += x * x;
                p0 += (double) b[i] * b[i];
            }
        } else {
            double[] a = w.f64(), b = previousD[stage];
            for (; i + 1 < n; i += 2) {
                double x0 = a[i] - b[i], x1 = a[i + 1] - b[i + 1];
                d0 += x0 * x0;
                d1 += x1 * x1;
                p0 += b[i] * b[i];
                p1 += b[i + 1] * b[i + 1];
            }
            for (; i < n; i++) {
                double x = a[i] - b[i];
                d0 += x * x;
                p0 += b[i] * b[i];
            }
        }
        double pp = p0 + p1;
        return pp > 0 ? Math.sqrt((d0 + d1) / pp) : Double.NaN;
    }

    private void allocateCopies() {
        for (Stage s : stages) {
            Parameter w = s.dense.weight();
            int n = w.size();
            if (w.precision() == Precision.F32) {
                previousF[s.index] = new float[n];
            } else {
                previousD[s.index] = new double[n];
            }
        }
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
        sampled = 0;
        updates = 0;
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
            double[] at = y.toDoubleArray();
            double sat = s.hidden ? ActivationStats.saturated(s.activation, at, n) : Double.NaN;
            double dead = s.hidden ? ActivationStats.dead(s.activation, at, y.rows(), cols) : Double.NaN;
            double[] ms = ActivationStats.meanStd(at, n);
            double[] range = ActivationStats.range(s.activation, at, n);
            long[] hist = s.hidden ? ActivationStats.histogram(at, n, range[0], range[1]) : null;
            double bw = sampled > 0 ? sumBatchW[s.index] / sampled : Double.NaN;
            double bb = sampled > 0 && s.bias != null ? sumBatchB[s.index] / sampled : Double.NaN;
            double up = updates > 0 ? sumUpdate[s.index] / updates : Double.NaN;
            out.add(new LayerStats(s.index, s.name, s.activation, s.hidden, gw, gb, bw, bb, sat, dead, ms[0], ms[1], up,
                    range[0], range[1], hist));
        }
        return new EpochStats(epoch, Double.isNaN(trainLoss) && epoch == 0 ? g.loss() : trainLoss, Double.NaN, out);
    }
}
