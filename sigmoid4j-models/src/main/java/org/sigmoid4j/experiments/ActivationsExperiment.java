package org.sigmoid4j.experiments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.sigmoid4j.diagnostics.EpochStats;
import org.sigmoid4j.diagnostics.GradientMonitor;
import org.sigmoid4j.diagnostics.Verdict;
import org.sigmoid4j.nn.Loss;
import org.sigmoid4j.nn.Network;
import org.sigmoid4j.nn.Precision;
import org.sigmoid4j.optim.Adam;
import org.sigmoid4j.optim.Optimizer;
import org.sigmoid4j.optim.Sgd;
import org.sigmoid4j.optim.WeightDecay;
import org.sigmoid4j.train.Examples;
import org.sigmoid4j.train.NetworkTrainer;
import org.sigmoid4j.train.TrainingConfig;

/**
 * Which activation lets a deep network learn: [784, 64×6, 10] on MNIST-10k (split file), softmax
 * cross-entropy, batch 32, PyTorch's default initialisation (U(±1/√n_in) weights and biases),
 * float32; variants sigmoid, tanh, ReLU, sigmoid with batch normalisation (dense without bias →
 * batch norm → sigmoid) and adaptive sigmoid σ(a·x) with a learnable slope per unit; each trained
 * with SGD (learning rate 0.1) and Adam (1e-3). Per epoch: test accuracy, training loss, gradient
 * ratio first/last hidden layer, saturation (from the {@link GradientMonitor}).
 */
public final class ActivationsExperiment {

    public static final int DEFAULT_EPOCHS = 5;
    public static final int HIDDEN = 6;
    public static final int WIDTH = 64;
    public static final int BATCH = 32;
    public static final int PROBE_ROWS = 512;
    public static final List<String> VARIANTS = List.of("sigmoid", "tanh", "relu", "sigmoid+bn", "adaptive-sigmoid");
    public static final List<String> OPTIMIZERS = List.of("sgd", "adam");

    public record Options(int epochs, long seed, List<String> variants, List<String> optimizers, String dataName) {
        public Options {
            if (epochs < 1) throw new IllegalArgumentException("epochs must be ≥ 1, got " + epochs);
            for (String v : variants) if (!VARIANTS.contains(v)) throw new IllegalArgumentException("unknown variant '" + v + "'; expected one of " + VARIANTS);
            for (String op : optimizers) if (!OPTIMIZERS.contains(op)) throw new IllegalArgumentException("unknown optimizer '" + op + "'; expected one of " + OPTIMIZERS);
            variants = List.copyOf(variants);
            optimizers = List.copyOf(optimizers);
        }
    }

    private ActivationsExperiment() {}

    public static Network network(String variant, long seed) {
        Network.Builder b = Network.builder(Mnist.PIXELS).precision(Precision.F32).seed(seed);
        for (int i = 0; i < HIDDEN; i++) {
            switch (variant) {
                case "sigmoid" -> b.dense(WIDTH).sigmoid();
                case "tanh" -> b.dense(WIDTH).tanh();
                case "relu" -> b.dense(WIDTH).relu();
                case "sigmoid+bn" -> b.dense(WIDTH, false).batchNorm().sigmoid();
                case "adaptive-sigmoid" -> b.dense(WIDTH).adaptiveSigmoid(false);
                default -> throw new IllegalArgumentException("unknown variant '" + variant + "'; expected one of " + VARIANTS);
            }
        }
        return b.dense(Mnist.CLASSES).build();
    }

    static Optimizer optimizer(String id) {
        return id.equals("adam") ? new Adam(0.9, 0.999, 1e-8, WeightDecay.NONE) : Sgd.plain(WeightDecay.NONE);
    }

    static double learningRate(String optimizer) {
        return optimizer.equals("adam") ? 1e-3 : 0.1;
    }

    public static ExperimentResult run(Mnist data, Options o, Consumer<String> progress) {
        Examples train = Examples.ofLabels(data.trainX(), data.trainRows(), Mnist.PIXELS, data.trainY());
        Examples test = Examples.ofLabels(data.testX(), data.testRows(), Mnist.PIXELS, data.testY());
        List<ExperimentResult.Run> runs = new ArrayList<>();
        List<List<String>> perEpoch = new ArrayList<>(), summary = new ArrayList<>();
        for (String opt : o.optimizers()) {
            for (String variant : o.variants()) {
                Network net = network(variant, o.seed());
                double initAcc = NetworkTrainer.evaluate(net, Loss.SOFTMAX_CE, test).accuracy();
                GradientMonitor monitor = new GradientMonitor(Math.min(PROBE_ROWS, train.rows()));
                TrainingConfig cfg = TrainingConfig.of(o.epochs(), BATCH, learningRate(opt), o.seed());
                long t0 = System.nanoTime();
                NetworkTrainer.train(net, Loss.SOFTMAX_CE, optimizer(opt), cfg, train, test, monitor);
                double seconds = (System.nanoTime() - t0) / 1e9;
                List<EpochStats> history = new ArrayList<>(monitor.history());
                history.set(0, history.getFirst().withTestAccuracy(initAcc));
                Verdict v = Verdict.of(history, Mnist.CLASSES);
                String label = opt.equals("sgd") ? "SGD (lr 0.1)" : "Adam (lr 1e-3)";
                runs.add(new ExperimentResult.Run(variant + ", " + label, label, variant, opt, o.seed(),
                        new int[] {784, 64, 64, 64, 64, 64, 64, 10}, seconds, v, history));
                EpochStats last = history.getLast();
                progress.accept(String.format(Locale.ROOT, "%s %s: test accuracy %.3f after %d epoch%s (%.1f s); %s", variant, opt,
                        last.testAccuracy(), last.epoch(), last.epoch() == 1 ? "" : "s", seconds, v.headline()));
                for (EpochStats e : history) {
                    perEpoch.add(List.of(opt, variant, Integer.toString(e.epoch()), acc(e.testAccuracy()),
                            Double.isFinite(e.trainLoss()) ? String.format(Locale.ROOT, "%.4f", e.trainLoss()) : "n/a",
                            NielsenExperiment.fmt(e.gradientRatio()), pct(e.maxSaturated()), pct(e.maxDead())));
                }
                summary.add(List.of(opt, variant, acc(last.testAccuracy()), NielsenExperiment.fmt(last.gradientRatio()),
                        pct(last.maxSaturated()), String.format(Locale.ROOT, "%.1f", seconds)));
            }
        }
        Verdict verdict = verdict(runs, o);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("data", o.dataName() + " (split file: " + data.trainRows() + " training rows, " + data.testRows() + " test rows; pixels / 255)");
        config.put("network", "[784, 64×6, 10], PyTorch default initialisation U(±1/√n_in), float32");
        config.put("loss", "softmax cross-entropy");
        config.put("training", "batch " + BATCH + ", " + o.epochs() + " epochs, shuffled with seed " + o.seed() + "; SGD lr 0.1, Adam lr 1e-3 (β 0.9/0.999, ε 1e-8)");
        config.put("variants", String.join(", ", o.variants()));
        config.put("diagnostics", "GradientMonitor on the first " + Math.min(PROBE_ROWS, train.rows()) + " training rows");
        List<ExperimentResult.Table> tables = List.of(
                new ExperimentResult.Table("After the last epoch", List.of("optimizer", "variant", "test acc", "ratio first/last", "saturated", "seconds"), summary),
                new ExperimentResult.Table("Per epoch (0 = initialisation)", List.of("optimizer", "variant", "epoch", "test acc", "train loss",
                        "ratio first/last", "saturated", "dead"), perEpoch));
        return new ExperimentResult("activations", config, verdict, tables, runs);
    }

    /** The experiment's conclusion: per optimiser, who learned and why the others did not (from the gradient ratios). */
    static Verdict verdict(List<ExperimentResult.Run> runs, Options o) {
        List<String> findings = new ArrayList<>();
        List<String> heads = new ArrayList<>();
        boolean problem = false;
        for (String opt : o.optimizers()) {
            List<ExperimentResult.Run> rs = runs.stream().filter(r -> r.optimizer().equals(opt)).toList();
            if (rs.isEmpty()) continue;
            String label = rs.getFirst().group();
            List<String> stuck = new ArrayList<>(), learned = new ArrayList<>(), middle = new ArrayList<>();
            for (ExperimentResult.Run r : rs) {
                EpochStats last = r.history().getLast();
                String s = String.format(Locale.ROOT, "%s %.2f", r.variant(), last.testAccuracy());
                double a = last.testAccuracy();
                if (a < Verdict.NEAR_CHANCE / Mnist.CLASSES) stuck.add(s);
                else if (a >= 0.8) learned.add(s);
                else middle.add(s);
                findings.add(String.format(Locale.ROOT, "%s, %s: test accuracy %.3f, gradient ratio first/last %s, saturated %s — %s", label, r.variant(),
                        a, NielsenExperiment.fmt(last.gradientRatio()), pct(last.maxSaturated()), r.verdict().headline()));
            }
            StringBuilder h = new StringBuilder("With ").append(label).append(": ");
            if (!stuck.isEmpty()) {
                problem = true;
                h.append(String.join(", ", stuck)).append(stuck.size() == 1 ? " stays" : " stay").append(" near chance");
                // Why: the stuck runs' gradient ratio against the learners'.
                double worst = rs.stream().filter(r -> r.history().getLast().testAccuracy() < Verdict.NEAR_CHANCE / Mnist.CLASSES)
                        .mapToDouble(r -> medianRatio(r.history())).min().orElse(Double.NaN);
                if (Double.isFinite(worst) && worst < Verdict.VANISHING) {
                    h.append(stuck.size() == 1 ? " (its first hidden layer gets " : " (their first hidden layer gets up to ").append(Verdict.times(1 / worst))
                            .append(" less gradient than the last: vanishing gradients)");
                }
                h.append(learned.isEmpty() && middle.isEmpty() ? "" : " while ");
            }
            if (!learned.isEmpty()) h.append(String.join(", ", learned)).append(learned.size() == 1 ? " learns" : " learn");
            if (!middle.isEmpty()) h.append(learned.isEmpty() ? "" : "; ").append(String.join(", ", middle)).append(middle.size() == 1 ? " learns slowly" : " learn slowly");
            heads.add(h.toString());
        }
        String headline = String.join(". ", heads) + ".";
        if (problem) {
            findings.addFirst("Why: sigmoid layers multiply the backward signal by σ' ≤ ¼ each, so the first layers barely move under a plain"
                    + " gradient step; tanh (slope 1 at 0), ReLU, and batch normalisation (which keeps every layer's input in σ's"
                    + " steep range) keep the gradients comparable across layers, and Adam rescales each weight's step by its own gradient size.");
        }
        return new Verdict(problem ? Verdict.Severity.PROBLEM : Verdict.Severity.OK, headline, findings);
    }

    /** Median over the recorded epochs (excluding initialisation when there are others) of the gradient ratio. */
    static double medianRatio(List<EpochStats> h) {
        double[] r = h.stream().filter(e -> e.epoch() > 0 || h.size() == 1).mapToDouble(EpochStats::gradientRatio).filter(Double::isFinite).sorted().toArray();
        return r.length == 0 ? Double.NaN : r[r.length / 2];
    }

    static String acc(double a) {
        return Double.isFinite(a) ? String.format(Locale.ROOT, "%.3f", a) : "n/a";
    }

    static String pct(double f) {
        return Double.isFinite(f) ? String.format(Locale.ROOT, "%.1f%%", 100 * f) : "n/a";
    }

}
