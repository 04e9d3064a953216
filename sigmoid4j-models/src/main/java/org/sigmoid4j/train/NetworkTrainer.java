package org.sigmoid4j.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.sigmoid4j.nn.Dropout;
import org.sigmoid4j.nn.Layer;
import org.sigmoid4j.nn.Loss;
import org.sigmoid4j.nn.Mode;
import org.sigmoid4j.nn.Network;
import org.sigmoid4j.nn.Parameter;
import org.sigmoid4j.nn.Precision;
import org.sigmoid4j.nn.Targets;
import org.sigmoid4j.nn.Tensor;
import org.sigmoid4j.optim.Optimizer;

/**
 * Mini-batch training of a {@link Network}. The loop never prints; it reports to listeners.
 *
 * <p>Reproducibility: one {@link SplittableRandom} seeded from {@link TrainingConfig#seed()} is
 * split into the shuffling stream and one stream per dropout layer; the optimiser is a
 * {@link Optimizer#fresh()} copy; matrix products give the same bits for any thread count. So
 * the same data, network initialisation and config give bit-identical weights.
 */
public final class NetworkTrainer {

    /** Rows per chunk when evaluating (bounds the memory of the activation buffers). */
    private static final int EVAL_CHUNK = 1024;

    private NetworkTrainer() {}

    public static TrainingResult train(Network net, Loss loss, Optimizer optimizer, TrainingConfig cfg,
                                       Examples train, Examples validation, TrainingListener... listeners) {
        if (train.cols() != net.inputSize()) {
            throw new IllegalArgumentException("the data have " + train.cols() + " features but the network expects " + net.inputSize());
        }
        if (train.rows() < 1) {
            throw new IllegalArgumentException("no training rows");
        }
        if (validation != null && validation.cols() != net.inputSize()) {
            throw new IllegalArgumentException("the validation data have " + validation.cols() + " features, the network expects " + net.inputSize());
        }
        if (cfg.patience() > 0 && (validation == null || validation.rows() == 0)) {
            throw new IllegalArgumentException("early stopping needs validation data");
        }
        net.setThreads(cfg.threads());
        Optimizer opt = optimizer.fresh();
        SplittableRandom root = new SplittableRandom(cfg.seed());
        SplittableRandom shuffleRng = root.split();
        for (Layer l : net.layers()) {
            if (l instanceof Dropout d) d.reseed(root.split().nextLong());
        }
        TrainingContext ctx = new TrainingContext(net, loss, opt, cfg, train, validation);
        List<Parameter> params = net.parameters();
        int n = train.rows(), d = train.cols();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        int[] starts = batchStarts(n, cfg.batchSize());
        int maxBatch = 0;
        for (int b = 0; b + 1 < starts.length; b++) maxBatch = Math.max(maxBatch, starts[b + 1] - starts[b]);
        Tensor xb = Tensor.zeros(net.precision(), maxBatch, d);
        Targets tb = batchTargets(train.targets(), maxBatch);

        List<EpochSummary> history = new ArrayList<>();
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch = -1, sinceBest = 0;
        Network.Snapshot best = null;
        boolean stoppedEarly = false;
        for (TrainingListener l : listeners) l.onTrainingStart(ctx);
        for (int epoch = 0; epoch < cfg.epochs(); epoch++) {
            double lr = cfg.schedule().rate(cfg.learningRate(), epoch);
            ctx.epoch = epoch;
            ctx.learningRate = lr;
            for (TrainingListener l : listeners) l.onEpochStart(ctx, epoch);
            long t0 = System.nanoTime();
            if (cfg.shuffle()) shuffle(order, shuffleRng);
            double lossSum = 0;
            for (int b = 0; b + 1 < starts.length; b++) {
                int from = starts[b], rows = starts[b + 1] - from;
                gather(train, order, from, rows, xb, tb);
                double batchLoss = net.lossAndGradients(xb, tb, loss, Mode.TRAIN);
                if (!Double.isFinite(batchLoss)) {
                    throw new IllegalStateException("training diverged: the loss is " + batchLoss + " at epoch " + (epoch + 1)
                            + ", batch " + (b + 1) + "; lower the learning rate");
                }
                BatchStats stats = new BatchStats(epoch, b, rows, batchLoss, lr);
                for (TrainingListener l : listeners) l.onBatchGradients(ctx, stats);
                opt.step(params, lr);
                for (TrainingListener l : listeners) l.onBatchEnd(ctx, stats);
                lossSum += batchLoss * rows;
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double vLoss = Double.NaN, vAcc = Double.NaN;
            if (validation != null && validation.rows() > 0) {
                Evaluation e = evaluate(net, loss, validation);
                vLoss = e.loss();
                vAcc = e.accuracy();
            }
            EpochSummary summary = new EpochSummary(epoch, lossSum / n, vLoss, vAcc, lr, seconds);
            history.add(summary);
            for (TrainingListener l : listeners) l.onEpochEnd(ctx, summary);
            if (cfg.patience() > 0) {
                if (vLoss < bestLoss) {
                    bestLoss = vLoss;
                    bestEpoch = epoch;
                    sinceBest = 0;
                    best = net.snapshot();
                } else if (++sinceBest >= cfg.patience()) {
                    stoppedEarly = epoch + 1 < cfg.epochs();
                    break;
                }
            }
        }
        if (best != null && bestEpoch != history.size() - 1) {
            net.restore(best);
        } else {
            bestEpoch = history.size() - 1;
        }
        for (TrainingListener l : listeners) l.onTrainingEnd(ctx);
        return new TrainingResult(List.copyOf(history), bestEpoch, stoppedEarly);
    }

    /** Batch start offsets plus the end; a last batch of one row joins the previous batch. */
    static int[] batchStarts(int n, int batchSize) {
        int count = (n + batchSize - 1) / batchSize;
        if (count > 1 && n - (count - 1) * batchSize == 1) count--;
        int[] s = new int[count + 1];
        for (int b = 0; b < count; b++) s[b] = b * batchSize;
        s[count] = n;
        return s;
    }

    /** Fisher–Yates with the run's shuffling stream. */
    private static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static Targets batchTargets(Targets all, int rows) {
        return all.hasLabels() ? Targets.labels(new int[rows], rows) : Targets.values(new double[rows * all.cols()], all.cols(), rows);
    }

    private static void gather(Examples ex, int[] order, int from, int rows, Tensor xb, Targets tb) {
        int d = ex.cols();
        xb.resize(rows, d);
        double[] x = ex.x();
        if (xb.precision() == Precision.F32) {
            float[] f = xb.f32();
            for (int r = 0; r < rows; r++) {
                int src = order[from + r] * d, dst = r * d;
                for (int j = 0; j < d; j++) f[dst + j] = (float) x[src + j];
            }
        } else {
            double[] dd = xb.f64();
            for (int r = 0; r < rows; r++) System.arraycopy(x, order[from + r] * d, dd, r * d, d);
        }
        Targets all = ex.targets();
        if (all.hasLabels()) {
            int[] y = tb.labelArray();
            for (int r = 0; r < rows; r++) y[r] = all.label(order[from + r]);
        } else {
            int tc = all.cols();
            for (int r = 0; r < rows; r++) System.arraycopy(all.valueArray(), order[from + r] * tc, tb.valueArray(), r * tc, tc);
        }
        tb.setRows(rows);
    }

    /** Mean loss and accuracy (NaN without labels). */
    public record Evaluation(double loss, double accuracy) {}

    /** Loss and accuracy in INFER mode, in chunks. */
    public static Evaluation evaluate(Network net, Loss loss, Examples ex) {
        int n = ex.rows(), d = ex.cols(), k = net.outputSize();
        if (n == 0) return new Evaluation(Double.NaN, Double.NaN);
        int chunk = Math.min(EVAL_CHUNK, n);
        Tensor xb = Tensor.zeros(net.precision(), chunk, d);
        Targets tb = batchTargets(ex.targets(), chunk);
        int[] identity = new int[n];
        for (int i = 0; i < n; i++) identity[i] = i;
        double lossSum = 0;
        long correct = 0;
        for (int from = 0; from < n; from += chunk) {
            int rows = Math.min(chunk, n - from);
            gather(ex, identity, from, rows, xb, tb);
            Tensor z = net.forward(xb, Mode.INFER);
            lossSum += loss.evaluate(z, tb, null) * rows;
            if (tb.hasLabels()) {
                for (int r = 0; r < rows; r++) {
                    if (predictedClass(z, r, k, loss) == tb.label(r)) correct++;
                }
            }
        }
        return new Evaluation(lossSum / n, ex.targets().hasLabels() ? (double) correct / n : Double.NaN);
    }

    /** The class with the largest output (for one output: 1 when the logit is positive, or above ½ for MSE). */
    public static int predictedClass(Tensor z, int row, int k, Loss loss) {
        if (k == 1) {
            double v = z.get(row);
            return (loss == Loss.MSE ? v > 0.5 : v > 0) ? 1 : 0;
        }
        int best = 0;
        double bv = z.get(row * k);
        for (int j = 1; j < k; j++) {
            double v = z.get(row * k + j);
            if (v > bv) {
                bv = v;
                best = j;
            }
        }
        return best;
    }
}
