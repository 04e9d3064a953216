package org.sigmoid4j.experiments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.sigmoid4j.diagnostics.EpochStats;
import org.sigmoid4j.diagnostics.GradientMonitor;
import org.sigmoid4j.diagnostics.LayerStats;
import org.sigmoid4j.diagnostics.Verdict;
import org.sigmoid4j.nn.Init;
import org.sigmoid4j.nn.Loss;
import org.sigmoid4j.nn.Network;
import org.sigmoid4j.nn.Precision;
import org.sigmoid4j.optim.Sgd;
import org.sigmoid4j.optim.WeightDecay;
import org.sigmoid4j.train.Examples;
import org.sigmoid4j.train.NetworkTrainer;
import org.sigmoid4j.train.TrainingConfig;

/**
 * Nielsen, "Neural Networks and Deep Learning", chapter 5 ("Why are deep neural networks hard to
 * train?"): sigmoid networks [784,30,30,10], [784,30,30,30,10] and [784,30,30,30,30,10] on the
 * first 1000 training rows; weights N(0, 1/n_in), biases N(0, 1); sigmoid on every layer with the
 * per-output cross-entropy cost; full-batch gradient descent with η = 0.1 and Nielsen's L2 decay
 * w ← (1 − ηλ/n)w, λ = 5. Measured: ‖∂C/∂b‖ of each hidden layer ("the speed of learning") at
 * initialisation over several seeds, beside the book's values, and during training.
 *
 * <p>Precision: double (the book's numpy code is float64).
 */
public final class NielsenExperiment {

    public static final int DEFAULT_EPOCHS = 500;
    public static final int DEFAULT_ROWS = 1000;
    public static final int DEFAULT_SEEDS = 5;
    public static final int DEFAULT_TRAIN_SEEDS = 1;
    public static final double ETA = 0.1;
    public static final double LAMBDA = 5.0;

    /** The networks of chapter 5. */
    public static final List<int[]> NETWORKS = List.of(new int[] {784, 30, 30, 10}, new int[] {784, 30, 30, 30, 10},
            new int[] {784, 30, 30, 30, 30, 10});

    /** The book's ‖δ‖ per hidden layer at initialisation, first to last (chapter 5). */
    public static final List<double[]> BOOK = List.of(new double[] {0.07, 0.31}, new double[] {0.012, 0.060, 0.283},
            new double[] {0.003, 0.017, 0.070, 0.285});

    /** Epochs printed in the training table. */
    static final int[] SHOWN = {0, 1, 10, 50, 100, 200, 300, 400, 500};

    public record Options(int epochs, int rows, int seeds, int trainSeeds, String dataName) {
        public Options {
            if (epochs < 0) throw new IllegalArgumentException("epochs must be ≥ 0, got " + epochs);
            if (rows < 1) throw new IllegalArgumentException("rows must be ≥ 1, got " + rows);
            if (seeds < 1) throw new IllegalArgumentException("seeds must be ≥ 1, got " + seeds);
            if (trainSeeds < 0 || trainSeeds > seeds) throw new IllegalArgumentException("train seeds must be in 0.." + seeds);
        }
    }

    private NielsenExperiment() {}

    public static Network network(int[] sizes, long seed) {
        Network.Builder b = Network.builder(sizes[0]).precision(Precision.F64).seed(seed).weightInit(Init.NIELSEN).biasInit(Init.NORMAL);
        for (int i = 1; i < sizes.length - 1; i++) b.dense(sizes[i]).sigmoid();
        return b.dense(sizes[sizes.length - 1]).build(); // the output sigmoid is inside the per-output cross-entropy
    }

    public static ExperimentResult run(Mnist data, Options o, Consumer<String> progress) {
        Mnist d = data.firstTrain(o.rows());
        int n = d.trainRows();
        Examples train = Examples.ofLabels(d.trainX(), n, Mnist.PIXELS, d.trainY());
        Examples test = Examples.ofLabels(d.testX(), d.testRows(), Mnist.PIXELS, d.testY());
        List<ExperimentResult.Run> runs = new ArrayList<>();
        List<List<String>> initRows = new ArrayList<>(), trainRows = new ArrayList<>();
        List<String> headlineParts = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        boolean allShrink = true;
        for (int ni = 0; ni < NETWORKS.size(); ni++) {
            int[] sizes = NETWORKS.get(ni);
            int hidden = sizes.length - 2;
            String netName = java.util.Arrays.toString(sizes).replace(" ", "");
            double[][] init = new double[o.seeds()][];
            for (int s = 1; s <= o.seeds(); s++) {
                Network net = network(sizes, s);
                boolean trainIt = s <= o.trainSeeds() && o.epochs() > 0;
                GradientMonitor monitor = new GradientMonitor(n);
                long t0 = System.nanoTime();
                List<EpochStats> history;
                if (trainIt) {
                    TrainingConfig cfg = TrainingConfig.of(o.epochs(), n, ETA, s).withShuffle(false);
                    NetworkTrainer.train(net, Loss.NIELSEN_CE, Sgd.plain(WeightDecay.nielsen(LAMBDA, n)), cfg, train, test, monitor);
                    history = monitor.history();
                } else {
                    monitor = new GradientMonitor(net, train.x(), n, train.targets(), Loss.NIELSEN_CE);
                    history = List.of(monitor.atStart());
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                init[s - 1] = history.getFirst().hidden().stream().mapToDouble(LayerStats::gradB).toArray();
                Verdict v = Verdict.of(history, Mnist.CLASSES);
                runs.add(new ExperimentResult.Run(netName + " seed " + s, netName, "sigmoid", "gd", s, sizes, seconds, v, history));
                if (trainIt) {
                    progress.accept(String.format(Locale.ROOT, "%s seed %d: %d epoch%s in %.1f s; %s", netName, s, o.epochs(), o.epochs() == 1 ? "" : "s", seconds, v.headline()));
                    for (EpochStats e : history) {
                        if (!shown(e.epoch(), o.epochs())) continue;
                        List<String> row = new ArrayList<>(List.of(netName, Long.toString(s), Integer.toString(e.epoch())));
                        StringBuilder norms = new StringBuilder();
                        for (LayerStats l : e.hidden()) norms.append(norms.isEmpty() ? "" : " / ").append(fmt(l.gradB()));
                        row.add(norms.toString());
                        row.add(fmt(e.gradientRatio()));
                        row.add(Double.isFinite(e.testAccuracy()) ? String.format(Locale.ROOT, "%.3f", e.testAccuracy()) : "");
                        trainRows.add(row);
                    }
                }
            }
            progress.accept(netName + ": gradients at initialisation over " + o.seeds() + " seed(s) done");
            double[] book = BOOK.get(ni);
            StringBuilder measured = new StringBuilder(), bookText = new StringBuilder();
            for (int l = 0; l < hidden; l++) {
                double[] col = new double[o.seeds()];
                for (int s = 0; s < o.seeds(); s++) col[s] = init[s][l];
                double mean = mean(col), sd = sd(col), min = java.util.Arrays.stream(col).min().orElse(Double.NaN),
                        max = java.util.Arrays.stream(col).max().orElse(Double.NaN);
                initRows.add(List.of(netName, "hidden " + (l + 1), fmt(mean), fmt(sd), fmt(min), fmt(max), fmt(book[l]),
                        book[l] >= min && book[l] <= max ? "yes" : book[l] >= mean - 2 * sd && book[l] <= mean + 2 * sd ? "within 2 sd" : "no"));
                measured.append(measured.isEmpty() ? "" : " / ").append(fmt(mean));
                bookText.append(bookText.isEmpty() ? "" : " / ").append(fmt(book[l]));
            }
            double[] first = new double[o.seeds()], last = new double[o.seeds()];
            for (int s = 0; s < o.seeds(); s++) {
                first[s] = init[s][0];
                last[s] = init[s][hidden - 1];
                allShrink &= first[s] < last[s];
            }
            double ratio = mean(last) / mean(first);
            headlineParts.add(String.format(Locale.ROOT, "%s with %d hidden layers (book %s)", Verdict.times(ratio), hidden,
                    Verdict.times(book[hidden - 1] / book[0])));
            findings.add(String.format(Locale.ROOT, "%s at initialisation, ‖∂C/∂b‖ first to last hidden layer: %s (book: %s).", netName,
                    measured, bookText));
        }
        // Training summary per network (first trained seed).
        for (ExperimentResult.Run r : runs) {
            if (r.history().size() < 2) continue;
            EpochStats last = r.history().getLast();
            findings.add(String.format(Locale.ROOT, "%s after %d epochs: ratio first/last %s, test accuracy %.3f; %s", r.name(), last.epoch(),
                    fmt(last.gradientRatio()), last.testAccuracy(), r.verdict().headline()));
        }
        String headline = (allShrink ? "Vanishing gradients reproduced" : "Vanishing gradients not reproduced for every seed")
                + ": at initialisation the first hidden layer learns slower than the last by " + String.join(", ", headlineParts)
                + " (mean over " + o.seeds() + " seed" + (o.seeds() == 1 ? "" : "s") + ")"
                + " — each extra sigmoid layer multiplies the error signal by σ' ≤ ¼ times weights of size ~1/√30, with no saturation needed.";
        Verdict verdict = new Verdict(allShrink ? Verdict.Severity.PROBLEM : Verdict.Severity.WARNING, headline, findings);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("data", o.dataName() + " (first " + n + " training rows of the split file; test: " + d.testRows() + " rows)");
        config.put("networks", "[784,30,30,10], [784,30,30,30,10], [784,30,30,30,30,10]; sigmoid everywhere; per-output cross-entropy");
        config.put("initialisation", "W ~ N(0, 1/n_in), b ~ N(0, 1)");
        config.put("training", "full-batch gradient descent, η = " + ETA + ", λ = " + LAMBDA + " (w ← (1 − ηλ/n)w), precision f64");
        config.put("epochs", o.epochs());
        config.put("seeds at initialisation", o.seeds());
        config.put("seeds trained", o.trainSeeds());
        List<ExperimentResult.Table> tables = new ArrayList<>();
        tables.add(new ExperimentResult.Table("‖∂C/∂b‖ per hidden layer at initialisation (" + o.seeds() + " seeds) beside Nielsen's book",
                List.of("network", "layer", "mean", "sd", "min", "max", "book", "book in range"), initRows));
        if (!trainRows.isEmpty()) {
            tables.add(new ExperimentResult.Table("During training: ‖∂C/∂b‖ per hidden layer (first to last), ratio first/last, test accuracy",
                    List.of("network", "seed", "epoch", "‖∂C/∂b‖ per hidden layer", "ratio", "test acc"), trainRows));
        }
        return new ExperimentResult("nielsen", config, verdict, tables, runs);
    }

    static boolean shown(int epoch, int epochs) {
        if (epoch == epochs) return true;
        for (int e : SHOWN) if (e == epoch) return true;
        return false;
    }

    static double mean(double[] a) {
        double s = 0;
        for (double v : a) s += v;
        return s / a.length;
    }

    static double sd(double[] a) {
        if (a.length < 2) return Double.NaN;
        double m = mean(a), s = 0;
        for (double v : a) s += (v - m) * (v - m);
        return Math.sqrt(s / (a.length - 1));
    }

    static String fmt(double v) {
        if (!Double.isFinite(v)) return "n/a";
        if (v == 0) return "0";
        double a = Math.abs(v);
        return a >= 1e-3 && a < 1e4 ? String.format(Locale.ROOT, "%.3g", v) : String.format(Locale.ROOT, "%.2e", v);
    }

}
