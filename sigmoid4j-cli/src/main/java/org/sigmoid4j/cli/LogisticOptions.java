package org.sigmoid4j.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code train --model logistic} options (binary and multinomial logistic regression). */
final class LogisticOptions implements ModelKindOptions {

    @Option(names = "--penalty", paramLabel = "P", defaultValue = "l2",
            description = "none, l2, l1 or elasticnet (default: ${DEFAULT-VALUE}). The intercept is never penalised.")
    String penalty;

    @Option(names = "--C", paramLabel = "X",
            description = "Inverse penalty strength, as scikit-learn: minimise 0.5*||w||^2 + C * sum(logloss) (default 1).")
    Double c;

    @Option(names = "--lambda", paramLabel = "X",
            description = "Penalty strength in the lambda form instead of --C: minimise mean(logloss) + lambda * penalty(w).")
    Double lambda;

    @Option(names = "--l1-ratio", paramLabel = "X",
            description = "Share of L1 in the elastic net, in [0, 1] (default 0.5; only with --penalty elasticnet).")
    Double l1Ratio;

    @Option(names = "--solver", paramLabel = "S",
            description = "gd, sgd, lbfgs or newton (default: chosen from the problem; see the library's Javadoc).")
    String solver;

    @Option(names = "--max-iter", paramLabel = "N", description = "Maximum iterations (or epochs for gd/sgd).")
    Integer maxIter;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs for --solver sgd.")
    Integer epochs;

    @Override
    public String kind() {
        return "logistic";
    }

    @Override
    public int maxClasses() {
        return org.sigmoid4j.data.LabelMapping.MAX_CLASSES;
    }

    @Override
    public void validate() {
        penalty = penalty.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        if (!penalty.matches("none|l2|l1|elasticnet")) {
            throw new UsageException("--penalty must be none, l2, l1 or elasticnet, got '" + penalty + "'");
        }
        if (c != null && lambda != null) {
            throw new UsageException("--C and --lambda are two forms of the same setting; give one");
        }
        if (c != null && !(c > 0 && Double.isFinite(c))) {
            throw new UsageException("--C must be a positive finite number, got " + c);
        }
        if (lambda != null && !(lambda >= 0 && Double.isFinite(lambda))) {
            throw new UsageException("--lambda must be a finite number >= 0, got " + lambda);
        }
        if (penalty.equals("none") && (c != null || lambda != null)) {
            throw new UsageException("--penalty none takes no --C or --lambda");
        }
        if (l1Ratio != null && !penalty.equals("elasticnet")) {
            throw new UsageException("--l1-ratio applies only to --penalty elasticnet");
        }
        if (l1Ratio != null && !(l1Ratio >= 0 && l1Ratio <= 1)) {
            throw new UsageException("--l1-ratio must be in [0, 1], got " + l1Ratio);
        }
        if (solver != null) {
            solver = solver.toLowerCase(Locale.ROOT);
            if (!solver.matches("gd|sgd|lbfgs|newton")) {
                throw new UsageException("--solver must be gd, sgd, lbfgs or newton, got '" + solver + "'");
            }
        }
        if (maxIter != null && maxIter < 1) {
            throw new UsageException("--max-iter must be at least 1, got " + maxIter);
        }
        if (epochs != null && epochs < 1) {
            throw new UsageException("--epochs must be at least 1, got " + epochs);
        }
        if (epochs != null && !"sgd".equals(solver)) {
            throw new UsageException("--epochs applies only to --solver sgd");
        }
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("penalty", penalty);
        if (!penalty.equals("none")) {
            if (lambda != null) {
                m.put("lambda", lambda);
            } else {
                m.put("C", c == null ? 1.0 : c);
            }
        }
        if (penalty.equals("elasticnet")) {
            m.put("l1_ratio", l1Ratio == null ? 0.5 : l1Ratio);
        }
        m.put("solver", solver == null ? "auto" : solver);
        if (maxIter != null) {
            m.put("max_iter", maxIter);
        }
        if (epochs != null) {
            m.put("epochs", epochs);
        }
        return m;
    }

    @Override
    public Fit fit(TrainingSet data, Messages msg) {
        throw new UnavailableException("logistic regression is not yet available in this build (it is being built)");
    }
}
