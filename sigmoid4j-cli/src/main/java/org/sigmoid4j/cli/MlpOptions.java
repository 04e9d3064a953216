package org.sigmoid4j.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.sigmoid4j.activation.StandardActivation;
import org.sigmoid4j.nn.Init;
import org.sigmoid4j.nn.Loss;
import org.sigmoid4j.nn.MlpClassifier;
import org.sigmoid4j.nn.Network;
import org.sigmoid4j.nn.Precision;
import org.sigmoid4j.optim.Adam;
import org.sigmoid4j.optim.Optimizer;
import org.sigmoid4j.optim.Schedule;
import org.sigmoid4j.optim.Sgd;
import org.sigmoid4j.optim.WeightDecay;
import org.sigmoid4j.diagnostics.GradientMonitor;
import org.sigmoid4j.report.ModelReport;
import org.sigmoid4j.train.EpochSummary;
import org.sigmoid4j.train.Examples;
import org.sigmoid4j.train.NetworkTrainer;
import org.sigmoid4j.train.TrainingConfig;
import org.sigmoid4j.train.TrainingContext;
import org.sigmoid4j.train.TrainingListener;
import org.sigmoid4j.train.TrainingResult;
import picocli.CommandLine.Option;

/** {@code train --model mlp} options: a feed-forward network trained by mini-batch gradient descent. */
final class MlpOptions implements ModelKindOptions {

    static final List<String> ACTIVATIONS = List.of("sigmoid", "tanh", "relu", "leaky-relu", "silu", "softplus",
            "hard-sigmoid", "identity", "adaptive-sigmoid", "prelu");

    @Option(names = "--layers", paramLabel = "N,N,...", defaultValue = "100",
            description = "Hidden layer sizes, comma separated (default: ${DEFAULT-VALUE}); 'none' for no hidden layer.")
    String layers;

    @Option(names = "--activation", paramLabel = "NAME", defaultValue = "sigmoid",
            description = "Hidden activation: sigmoid, tanh, relu, leaky-relu, silu, softplus, hard-sigmoid, identity, "
                    + "adaptive-sigmoid (learnable slope per unit), prelu (default: ${DEFAULT-VALUE}).")
    String activation;

    @Option(names = "--adaptive-shift", description = "With --activation adaptive-sigmoid: also learn a shift per unit, σ(a·x + b).")
    boolean adaptiveShift;

    @Option(names = "--batch-norm", description = "Batch normalisation after each hidden dense layer (which then has no bias), before the activation.")
    boolean batchNorm;

    @Option(names = "--dropout", paramLabel = "P", description = "Dropout probability after each hidden activation, in [0, 1) (default 0).")
    Double dropout;

    @Option(names = "--init", paramLabel = "NAME", defaultValue = "pytorch",
            description = "Weight initialiser: pytorch (U(±1/√n_in)), normal (N(0,1)), nielsen (N(0,1/n_in)), glorot-uniform, "
                    + "glorot-normal, he, he-uniform (default: ${DEFAULT-VALUE}).")
    String init;

    @Option(names = "--bias-init", paramLabel = "NAME", defaultValue = "pytorch",
            description = "Bias initialiser: pytorch (U(±1/√n_in)), normal (N(0,1)), zero (default: ${DEFAULT-VALUE}).")
    String biasInit;

    @Option(names = "--loss", paramLabel = "NAME",
            description = "softmax-ce, bce-logits, nielsen-ce, nielsen-quad or mse (default: softmax-ce for 3+ classes, "
                    + "bce-logits with one output for 2 classes).")
    String loss;

    @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "sgd",
            description = "sgd, momentum (0.9), nesterov (0.9) or adam (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--lr", paramLabel = "X", description = "Learning rate (default 0.1, or 0.001 for adam).")
    Double lr;

    @Option(names = "--schedule", paramLabel = "SPEC", defaultValue = "constant",
            description = "Learning-rate schedule: constant, step:EPOCHS:GAMMA, exp:GAMMA, cosine:EPOCHS, inverse:K (default: ${DEFAULT-VALUE}).")
    String schedule;

    @Option(names = "--weight-decay", paramLabel = "X", defaultValue = "0",
            description = "L2 weight decay λ on the weights (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--weight-decay-mode", paramLabel = "MODE", defaultValue = "l2",
            description = "l2 (gradient += λw, as PyTorch) or nielsen (w ← (1 − ηλ/n)w) (default: ${DEFAULT-VALUE}).")
    String weightDecayMode;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "32", description = "Mini-batch rows (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--precision", paramLabel = "P", defaultValue = "f32", description = "f32 or f64 (default: ${DEFAULT-VALUE}).")
    String precision;

    @Option(names = "--patience", paramLabel = "N", defaultValue = "0",
            description = "Early stopping: stop after N epochs without a lower validation loss and keep the best weights (default: off).")
    int patience;

    @Option(names = "--validation-fraction", paramLabel = "F", defaultValue = "0.1",
            description = "Share of the training rows held out (seeded) for early stopping (default: ${DEFAULT-VALUE}; used only with --patience).")
    double validationFraction;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Threads for matrix products; the weights are bit-identical whatever it is (default: ${DEFAULT-VALUE}).")
    int threads;

    /** Set by {@code train} from its {@code --epochs} (shared with logistic regression's sgd solver). */
    Integer epochs;

    static final int DEFAULT_EPOCHS = 10;

    private int[] hidden;
    private Precision prec;
    private Init wInit;
    private Init bInit;
    private Schedule sched;
    private WeightDecay.Mode decayMode;

    @Override
    public String kind() {
        return MlpClassifier.KIND;
    }

    @Override
    public int maxClasses() {
        return org.sigmoid4j.data.LabelMapping.MAX_CLASSES;
    }

    @Override
    public void validate() {
        hidden = parseLayers(layers);
        activation = activation.trim().toLowerCase(Locale.ROOT);
        if (!ACTIVATIONS.contains(activation)) {
            throw new UsageException("--activation must be one of " + String.join(", ", ACTIVATIONS) + ", got '" + activation + "'");
        }
        if (adaptiveShift && !activation.equals("adaptive-sigmoid")) {
            throw new UsageException("--adaptive-shift applies only to --activation adaptive-sigmoid");
        }
        if (dropout != null && !(dropout >= 0 && dropout < 1)) {
            throw new UsageException("--dropout must be in [0, 1), got " + dropout);
        }
        wInit = option("--init", () -> Init.forId(init));
        bInit = option("--bias-init", () -> Init.forId(biasInit));
        if (!bInit.validForBias()) throw new UsageException("--bias-init must be pytorch, normal or zero, got '" + biasInit + "'");
        if (loss != null) option("--loss", () -> Loss.forId(loss));
        prec = option("--precision", () -> Precision.forId(precision));
        sched = option("--schedule", () -> Schedule.parse(schedule));
        decayMode = option("--weight-decay-mode", () -> WeightDecay.Mode.forId(weightDecayMode));
        option("--optimizer", () -> Optimizer.forId(optimizer, WeightDecay.NONE));
        optimizer = optimizer.trim().toLowerCase(Locale.ROOT);
        if (lr != null && !(lr > 0 && Double.isFinite(lr))) {
            throw new UsageException("--lr must be a positive finite number, got " + lr);
        }
        if (!(weightDecay >= 0 && Double.isFinite(weightDecay))) {
            throw new UsageException("--weight-decay must be a finite number >= 0, got " + weightDecay);
        }
        if (batchSize < 1) throw new UsageException("--batch-size must be at least 1, got " + batchSize);
        if (patience < 0) throw new UsageException("--patience must be >= 0, got " + patience);
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new UsageException("--validation-fraction must be in (0, 1), got " + validationFraction);
        }
        if (threads < 1) throw new UsageException("--threads must be at least 1, got " + threads);
        if (epochs != null && epochs < 1) throw new UsageException("--epochs must be at least 1, got " + epochs);
    }

    /** Runs a library parser, turning its IllegalArgumentException into a usage error that names the option. */
    private static <T> T option(String name, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new UsageException(name + ": " + e.getMessage());
        }
    }

    static int[] parseLayers(String spec) {
        String s = spec.trim();
        if (s.equalsIgnoreCase("none") || s.isEmpty()) return new int[0];
        String[] parts = s.split(",");
        int[] h = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                h[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new UsageException("--layers must be comma-separated positive sizes like 100,50, got '" + spec + "'");
            }
            if (h[i] < 1 || h[i] > 1_000_000) {
                throw new UsageException("--layers sizes must be between 1 and 1000000, got " + h[i]);
            }
        }
        return h;
    }

    private double learningRate() {
        return lr != null ? lr : optimizer.equals("adam") ? 1e-3 : 0.1;
    }

    private int epochCount() {
        return epochs != null ? epochs : DEFAULT_EPOCHS;
    }

    private Loss lossFor(int numClasses) {
        if (loss != null) return Loss.forId(loss);
        return numClasses == 2 ? Loss.BCE_LOGITS : Loss.SOFTMAX_CE;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Integer> h = new ArrayList<>();
        for (int v : hidden) h.add(v);
        m.put("layers", h);
        m.put("activation", activation);
        if (activation.equals("adaptive-sigmoid")) m.put("adaptive_shift", adaptiveShift);
        m.put("batch_norm", batchNorm);
        if (dropout != null) m.put("dropout", dropout);
        m.put("init", wInit.id());
        m.put("bias_init", bInit.id());
        if (loss != null) m.put("loss", Loss.forId(loss).id());
        m.put("optimizer", optimizer);
        m.put("lr", learningRate());
        m.put("schedule", sched.spec());
        m.put("weight_decay", weightDecay);
        m.put("weight_decay_mode", decayMode.id());
        m.put("epochs", epochCount());
        m.put("batch_size", batchSize);
        m.put("precision", prec.id());
        if (patience > 0) {
            m.put("patience", patience);
            m.put("validation_fraction", validationFraction);
        }
        return m;
    }

    Network build(int inputs, int outputs, long seed) {
        Network.Builder b = Network.builder(inputs).precision(prec).seed(seed).weightInit(wInit).biasInit(bInit);
        for (int h : hidden) {
            b.dense(h, !batchNorm);
            if (batchNorm) b.batchNorm();
            switch (activation) {
                case "adaptive-sigmoid" -> b.adaptiveSigmoid(adaptiveShift);
                case "prelu" -> b.prelu();
                default -> b.activation(StandardActivation.forId(activation));
            }
            if (dropout != null && dropout > 0) b.dropout(dropout);
        }
        return b.dense(outputs).build();
    }

    @Override
    public Fit fit(TrainingSet data, Messages msg) {
        Loss l = lossFor(data.numClasses());
        boolean oneOutput = data.numClasses() == 2 && l != Loss.SOFTMAX_CE;
        int outputs = oneOutput ? 1 : data.numClasses();
        Network net = build(data.d(), outputs, data.seed());
        WeightDecay decay = decayMode == WeightDecay.Mode.NIELSEN
                ? WeightDecay.nielsen(weightDecay, data.n()) : WeightDecay.coupled(weightDecay);
        Optimizer opt = Optimizer.forId(optimizer, decay);
        TrainingConfig cfg = new TrainingConfig(epochCount(), batchSize, learningRate(), sched, data.seed(), true, patience, threads);

        Examples all = Examples.ofLabels(data.x(), data.n(), data.d(), data.y());
        Examples train = all, valid = null;
        if (patience > 0) {
            int nValid = (int) Math.round(data.n() * validationFraction);
            if (nValid < 1 || nValid >= data.n()) {
                throw new UsageException("--validation-fraction " + validationFraction + " leaves no rows for validation or training");
            }
            int[] perm = new int[data.n()];
            for (int i = 0; i < perm.length; i++) perm[i] = i;
            SplittableRandom rnd = new SplittableRandom(data.seed() ^ 0x5DEECE66DL);
            for (int i = perm.length - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1), t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            valid = all.select(java.util.Arrays.copyOfRange(perm, 0, nValid));
            train = all.select(java.util.Arrays.copyOfRange(perm, nValid, perm.length));
        }
        msg.detail("network: " + net.describe() + " (" + net.parameterCount() + " parameters), loss " + l.id()
                + ", " + optimizer + " lr " + learningRate() + ", " + epochCount() + " epochs of batch " + batchSize);
        Progress bar = msg.progress("training", cfg.epochs(), "epochs");
        TrainingListener progress = new TrainingListener() {
            @Override
            public void onEpochEnd(TrainingContext ctx, EpochSummary s) {
                bar.update(s.epoch() + 1);
                msg.detail(String.format(Locale.ROOT, "epoch %d/%d: train loss %.5f%s (%.2f s)", s.epoch() + 1, cfg.epochs(),
                        s.trainLoss(), Double.isNaN(s.validationLoss()) ? ""
                                : String.format(Locale.ROOT, ", validation loss %.5f, accuracy %.4f", s.validationLoss(), s.validationAccuracy()),
                        s.seconds()));
            }
        };
        // Gradient diagnostics (per layer and epoch; a few percent of the training time): kept in the history.
        GradientMonitor monitor = new GradientMonitor();
        TrainingResult r;
        try {
            r = NetworkTrainer.train(net, l, opt, cfg, train, valid, progress, monitor);
        } catch (IllegalStateException e) {
            throw new UsageException(e.getMessage());
        } finally {
            bar.close();
        }
        List<Map<String, Object>> history = new ArrayList<>();
        for (EpochSummary s : r.history()) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("type", "epoch");
            h.putAll(s.toMap());
            history.add(h);
        }
        for (Map<String, Object> d : monitor.historyJson()) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("type", ModelReport.DIAGNOSTICS);
            h.putAll(d);
            history.add(h);
        }
        List<String> warnings = new ArrayList<>();
        if (r.stoppedEarly()) {
            msg.detail("early stopping after epoch " + r.history().size() + "; kept the weights of epoch " + (r.bestEpoch() + 1));
        }
        Map<String, Object> training = new LinkedHashMap<>(config());
        training.put("epochs_run", r.history().size());
        training.put("best_epoch", r.bestEpoch() + 1);
        MlpClassifier model = new MlpClassifier(net, l, data.numClasses(), training, List.of());
        double finalLoss = r.history().get(r.bestEpoch()).trainLoss();
        return new Fit(model, finalLoss, history, warnings);
    }
}
