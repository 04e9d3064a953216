package org.sigmoid4j.cli;

// How a model kind plugs into `train` (e.g. --model mlp):
//  1. Write a class implementing ModelKindOptions (see LogisticOptions): its picocli @Option fields
//     (e.g. --layers, --activation, --epochs), validate() (throw UsageException naming the option),
//     config() for provenance, fit(...) returning the Classifier, final loss, history and warnings.
//  2. Add a field below, like `logistic`:
//       @ArgGroup(validate = false, heading = "%nNetwork options (--model mlp):%n")
//       MlpOptions mlp = new MlpOptions();
//     and add it to kinds().
//  3. Register kind -> fromState in org.sigmoid4j.model.io.ModelKinds so that model files load.
// Options of a kind other than the chosen --model are a usage error (exit 2), checked generically.

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sigmoid4j.data.CsvReader;
import org.sigmoid4j.data.FeatureSchema;
import org.sigmoid4j.data.LabelMapping;
import org.sigmoid4j.data.Split;
import org.sigmoid4j.data.Standardizer;
import org.sigmoid4j.data.Table;
import org.sigmoid4j.lr.LogisticRegressionModel;
import org.sigmoid4j.model.Classifier;
import org.sigmoid4j.model.io.ModelFile;
import org.sigmoid4j.model.io.Provenance;
import org.sigmoid4j.model.io.TrainedModel;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Trains a model on a CSV file (or the bundled Spambase data) and writes a model file. */
@Command(name = "train", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Train a classifier on a CSV file (default: the bundled Spambase data).",
        description = {
                "Train a classifier on a CSV file and write a model file.",
                "With no arguments: L2 logistic regression (C = 1) on standardised features of the bundled Spambase "
                        + "data (4601 e-mails, 57 features, target 'label'), fitted on a seeded stratified 80%% and "
                        + "evaluated on the held-out 20%%; the model goes to ./sigmoid4j-model.s4j."},
        footer = {"", "Examples:",
                "  sigmoid4j train",
                "  sigmoid4j train --data mail.csv --target label --penalty l1 --C 0.5 -o m.s4j",
                "  sigmoid4j train --data iris.csv.gz --target species   (3 classes: multinomial)",
                "  sigmoid4j train --data d.csv --target type --positive spam   (text labels)",
                "  sigmoid4j train --model mlp --layers 100 --activation sigmoid --lr 0.5 --epochs 10 --data digits.csv --target label",
                "", ExitCodes.HELP_TEXT})
final class TrainCommand implements Callable<Integer> {

    static final String BUNDLED = "/org/sigmoid4j/cli/data/spambase.csv";
    static final String DEFAULT_OUT = "sigmoid4j-model.s4j";

    @Spec
    CommandSpec spec;

    @Mixin
    Messages msg;

    @Option(names = "--data", paramLabel = "FILE",
            description = "Training data: CSV (or .csv.gz) with a header. Default: the bundled Spambase data.")
    Path data;

    @Option(names = "--target", paramLabel = "COLUMN",
            description = "The column to predict (required with --data; 'label' for the bundled data). All other columns are features.")
    String target;

    @Option(names = "--exclude", paramLabel = "COLUMN", split = ",",
            description = "Columns that are not features (e.g. an id or a text column), comma-separated or repeated.")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--positive", paramLabel = "VALUE",
            description = "The positive class of a binary target with any two values (default: the target must be 0/1, or have 3+ classes for multinomial).")
    String positive;

    @Mixin
    DataOptions dataOptions;

    @Option(names = "--model", paramLabel = "KIND", defaultValue = "logistic",
            description = "Model kind: logistic or mlp (a feed-forward network) (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--standardize", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Standardise features with the training rows' mean and population sd, stored in the model (default: on; --no-standardize for raw features).")
    boolean standardize;

    @Option(names = "--test-fraction", paramLabel = "F", defaultValue = "0.2",
            description = "Share of rows held out (stratified, seeded) for evaluation, in [0, 1) (default: ${DEFAULT-VALUE}; 0 fits on all rows).")
    double testFraction;

    @Option(names = "--threshold", paramLabel = "X|f1|youden", defaultValue = "0.5",
            description = "Decision threshold on P(positive) of a binary model: a number in (0, 1), or f1 / youden to choose "
                    + "it on the training rows, maximising F1 or Youden's J (default: ${DEFAULT-VALUE}).")
    String thresholdOption;

    /** The numeric threshold, or 0.5 until a rule ({@link #thresholdRule}) has chosen one after the fit. */
    private double threshold;
    /** "f1" or "youden" when the threshold is chosen on the training rows, else null. */
    private String thresholdRule;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of the split and of any random choice in training (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-o", "--out"}, paramLabel = "MODEL", defaultValue = DEFAULT_OUT,
            description = "Where to write the model file, atomically (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--report", paramLabel = "HTML",
            description = "Where to write the run's HTML report (default: the model file's name with .html).")
    Path report;

    @Option(names = "--no-report", description = "Do not write the HTML report.")
    boolean noReport;

    @Option(names = "--timestamp",
            description = "Record the wall-clock time in the model file (off by default, so the same data, options and seed give a byte-identical file).")
    boolean timestamp;

    @Option(names = "--json",
            description = "Print one JSON object on stdout instead of the table: model and report paths, rows, fit time, "
                    + "final loss, held-out evaluation (as evaluate --json) and warnings (also on stderr).")
    boolean json;

    @Option(names = "--epochs", paramLabel = "N",
            description = "Passes over the training rows: for --model mlp (default 10), or for logistic regression's --solver sgd.")
    Integer epochs;

    @ArgGroup(validate = false, heading = "%nLogistic regression options (--model logistic):%n")
    LogisticOptions logistic = new LogisticOptions();

    @ArgGroup(validate = false, heading = "%nNetwork options (--model mlp):%n")
    MlpOptions mlp = new MlpOptions();

    List<ModelKindOptions> kinds() {
        return List.of(logistic, mlp);
    }

    @Override
    public Integer call() throws IOException {
        msg.err = spec.commandLine().getErr();
        ModelKindOptions kind = chooseKind();
        logistic.epochs = epochs;
        mlp.epochs = epochs;
        kind.validate();
        parseThreshold();
        if (!(testFraction >= 0 && testFraction < 1)) {
            throw new UsageException("--test-fraction must be in [0, 1), got " + testFraction);
        }
        if (data != null && target == null) {
            throw new UsageException("--target COLUMN is required with --data (the column to predict)");
        }
        OutputFile.check(out, "--out");
        Path reportPath = noReport ? null : report != null ? report : RunReport.besideModel(out);
        if (reportPath != null) {
            OutputFile.check(reportPath, "--report");
        }
        dataOptions.delimiterChar();

        // 1. read
        String targetName = target != null ? target : "label";
        Table table;
        String sourceName;
        if (data == null) {
            msg.info("No --data given: training on the bundled Spambase data (target 'label'; see 'sigmoid4j train --help').");
            try (InputStream in = TrainCommand.class.getResourceAsStream(BUNDLED)) {
                if (in == null) {
                    throw new IllegalStateException("the bundled Spambase data is missing from the jar");
                }
                table = CsvReader.read(in, "spambase.csv (bundled)", -1, false, CsvReader.Columns.allExcept(targetName, exclude),
                        dataOptions.options(true));
            }
            DataOptions.report(table, msg);
            sourceName = "spambase.csv";
        } else {
            table = dataOptions.read(data, CsvReader.Columns.allExcept(targetName, exclude), true, msg);
            sourceName = data.getFileName().toString();
        }

        // 2. labels, split, preprocessing
        LabelMapping labels = LabelMapping.infer(table, targetName, positive, kind.maxClasses());
        int[] y = labels.encode(table, targetName);
        int d = table.cols();
        int k = labels.numClasses();
        if (thresholdRule != null && k != 2) {
            throw new UsageException("--threshold " + thresholdRule + " applies to a binary target; '" + targetName + "' has "
                    + k + " classes");
        }
        Split split = Split.stratified(y, k, testFraction, seed);
        double[] xTrain = testFraction == 0 ? table.data() : Split.rows(table.data(), d, split.train());
        int[] yTrain = Split.rows(y, split.train());
        double[] xTest = Split.rows(table.data(), d, split.test());
        int[] yTest = Split.rows(y, split.test());
        int nTrain = yTrain.length;
        checkTwoClasses(yTrain, k, table);
        Standardizer st = null;
        if (standardize && !kind.standardizesItself()) {
            st = Standardizer.fit(xTrain, nTrain, d);
            int constant = st.constantColumns(xTrain, nTrain);
            if (constant > 0) {
                msg.warn(constant + " feature column" + (constant == 1 ? " is" : "s are")
                        + " constant in the training rows; standardising leaves them at 0");
            }
            if (xTrain == table.data()) {
                xTrain = xTrain.clone();
            }
            st.applyInPlace(xTrain, nTrain);
            st.applyInPlace(xTest, yTest.length);
        }
        msg.detail("training " + kind.kind() + " on " + nTrain + " rows x " + d + " features, " + k + " classes "
                + labels.classes() + (yTest.length > 0 ? "; holding out " + yTest.length + " rows" : ""));

        // 3. fit
        long t0 = System.nanoTime();
        ModelKindOptions.Fit fit = kind.fit(new ModelKindOptions.TrainingSet(xTrain, nTrain, d, yTrain, k, labels.classes(),
                table.numericNames(), seed, standardize, threshold), msg);
        double fitSeconds = (System.nanoTime() - t0) / 1e9;
        msg.detail(String.format(Locale.ROOT, "fitted in %.2f s", fitSeconds));
        for (String w : fit.warnings()) {
            msg.warn(w);
        }
        Classifier classifier = fit.classifier();
        if (thresholdRule != null) {
            threshold = chooseThreshold(classifier, xTrain, yTrain, nTrain);
            if (classifier instanceof LogisticRegressionModel lr) {
                classifier = lr.withThreshold(threshold);
            }
            msg.info(String.format(Locale.ROOT, "Threshold %s chosen on the %d training rows (maximising %s): %.6g",
                    thresholdRule, nTrain, thresholdRule.equals("f1") ? "F1" : "Youden's J", threshold));
        }

        // 4. evaluate on held-out rows, write, report
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("model", kind.kind());
        training.putAll(kind.config());
        training.put("standardize", standardize);
        training.put("test_fraction", testFraction);
        training.put("split", "stratified");
        training.put("threshold", threshold);
        if (thresholdRule != null) {
            training.put("threshold_rule", thresholdRule);
        }
        if (positive != null) {
            training.put("positive", positive);
        }
        if (!exclude.isEmpty()) {
            training.put("exclude", exclude);
        }
        training.put("drop_invalid", dataOptions.dropInvalid);
        Provenance prov = Provenance.current(training, seed, sourceName, table.sha256(), table.rows(), nTrain,
                fit.finalLoss(), timestamp ? Instant.now().truncatedTo(ChronoUnit.SECONDS).toString() : null);
        TrainedModel m0 = new TrainedModel(new FeatureSchema(table.numericNames(), targetName), labels, st, threshold,
                classifier, prov, fit.history(), Map.of());
        Map<String, Object> evaluation = Map.of();
        if (yTest.length > 0) {
            double[] p = m0.predictProba(xTest, yTest.length);
            evaluation = new LinkedHashMap<>(Metrics.of(p, yTest, k, threshold));
            evaluation.put("split", String.format(Locale.ROOT, "%.0f%% stratified, seed %d", testFraction * 100, seed));
        }
        TrainedModel model = new TrainedModel(m0.schema(), labels, st, threshold, classifier, prov, fit.history(), evaluation);
        ModelFile.write(model, out);

        Path written = reportPath != null ? RunReport.write(model, out, reportPath) : null;
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("model", out.toString());
            r.put("report", written != null ? written.toString() : null);
            r.put("kind", kind.kind());
            r.put("data", sourceName);
            r.put("rows", table.rows());
            r.put("features", d);
            r.put("classes", labels.classes());
            r.put("train_rows", nTrain);
            r.put("held_out_rows", yTest.length);
            r.put("fit_seconds", fitSeconds);
            r.put("final_loss", Double.isFinite(fit.finalLoss()) ? fit.finalLoss() : null);
            r.put("evaluation", evaluation);
            r.put("warnings", fit.warnings());
            o.println(org.sigmoid4j.diagnostics.Json.write(r)); // nulls kept: "report": null says none was written
        } else if (yTest.length > 0) {
            o.println("Held-out evaluation (" + yTest.length + " of " + table.rows() + " rows, "
                    + evaluation.get("split") + "):");
            Metrics.print(o, evaluation, labels);
        } else {
            o.println("Fitted on all " + table.rows() + " rows (--test-fraction 0): no held-out evaluation.");
        }
        o.flush();
        msg.info("Model written to " + out + " (inspect: sigmoid4j summary " + out + "; use: sigmoid4j predict --model "
                + out + " --data FILE)");
        if (written != null) {
            msg.info("Report written to " + written);
        }
        return ExitCodes.OK;
    }

    private void parseThreshold() {
        String t = thresholdOption.trim().toLowerCase(Locale.ROOT);
        if (t.equals("f1") || t.equals("youden")) {
            thresholdRule = t;
            threshold = 0.5;
            return;
        }
        try {
            threshold = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            threshold = Double.NaN;
        }
        if (!(threshold > 0 && threshold < 1)) {
            throw new UsageException("--threshold must be a number in (0, 1), f1 or youden, got '" + thresholdOption + "'");
        }
    }

    /** The threshold on P(class 1) that maximises the rule's score on the training rows (as the classifier sees them). */
    private double chooseThreshold(Classifier c, double[] x, int[] y, int n) {
        double[] proba = new double[2 * n];
        c.predictProba(x, n, proba);
        return Metrics.bestThreshold(thresholdRule, proba, y);
    }

    private static void checkTwoClasses(int[] yTrain, int k, Table t) {
        boolean[] seen = new boolean[k];
        int distinct = 0;
        for (int c : yTrain) {
            if (!seen[c]) {
                seen[c] = true;
                distinct++;
            }
        }
        if (distinct < 2) {
            throw new org.sigmoid4j.data.DataException(t.source() + ": after the held-out split the training rows have only one class");
        }
    }

    private ModelKindOptions chooseKind() {
        ModelKindOptions chosen = null;
        List<String> known = new ArrayList<>();
        for (ModelKindOptions k : kinds()) {
            known.add(k.kind());
            if (k.kind().equals(model)) {
                chosen = k;
            }
        }
        if (chosen == null) {
            throw new UsageException("--model must be one of " + String.join(", ", known) + ", got '" + model + "'");
        }
        var pr = spec.commandLine().getParseResult();
        for (ModelKindOptions k : kinds()) {
            if (k == chosen) {
                continue;
            }
            for (OptionSpec o : pr.matchedOptions()) {
                if (k.optionNames().contains(o.longestName())) {
                    throw new UsageException(o.longestName() + " applies only to --model " + k.kind());
                }
            }
        }
        return chosen;
    }
}
