package org.sigmoid4j.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sigmoid4j.lr.FitReport;
import org.sigmoid4j.lr.LogisticRegression;
import org.sigmoid4j.lr.LogisticRegressionModel;
import org.sigmoid4j.lr.Penalty;
import org.sigmoid4j.lr.Solver;
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

    /** Set by {@code train} from its {@code --epochs} (shared with --model mlp): epochs for --solver sgd. */
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
        if (lambda != null && !(lambda > 0 && Double.isFinite(lambda))) {
            throw new UsageException("--lambda must be a positive finite number, got " + lambda
                    + " (for an unpenalised fit use --penalty none)");
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
        if ("newton".equals(solver) && (penalty.equals("l1") || (penalty.equals("elasticnet") && (l1Ratio == null || l1Ratio > 0)))) {
            throw new UsageException("--solver newton cannot handle the L1 part of --penalty " + penalty
                    + " (its absolute value has no Hessian); use --solver lbfgs (OWL-QN), gd or sgd");
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
    public boolean standardizesItself() {
        return true; // LogisticRegressionModel stores mean/scale and reports original-scale coefficients
    }

    Penalty penaltyValue() {
        boolean lambdaForm = lambda != null;
        double v = lambdaForm ? lambda : c == null ? 1.0 : c;
        double ratio = l1Ratio == null ? 0.5 : l1Ratio;
        return switch (penalty) {
            case "none" -> Penalty.none();
            case "l2" -> lambdaForm ? Penalty.l2Lambda(v) : Penalty.l2(v);
            case "l1" -> lambdaForm ? Penalty.l1Lambda(v) : Penalty.l1(v);
            default -> lambdaForm ? Penalty.elasticNetLambda(v, ratio) : Penalty.elasticNet(v, ratio);
        };
    }

    @Override
    public Fit fit(TrainingSet data, Messages msg) {
        LogisticRegression.Builder b = LogisticRegression.builder()
                .penalty(penaltyValue())
                .solver(solver == null ? Solver.AUTO : Solver.valueOf(solver.toUpperCase(Locale.ROOT)))
                .seed(data.seed())
                .standardize(data.standardize())
                .featureNames(data.features())
                .classNames(data.classes())
                .threshold(data.threshold());
        if (maxIter != null) {
            b.maxIterations(maxIter);
        }
        if (epochs != null) {
            b.maxIterations(epochs);
        }
        // progress in digits of the relative gradient: it falls from 1 to the tolerance
        Progress[] bar = new Progress[1];
        b.listener((it, rel, tol) -> {
            long total = Math.max(1, Math.round(-Math.log10(tol)));
            if (bar[0] == null) {
                bar[0] = msg.progress("fitting (gradient digits)", total, "digits");
            }
            bar[0].update(Math.max(0, Math.min(total, (long) Math.floor(-Math.log10(rel)))));
        });
        LogisticRegression lr = b.build();
        LogisticRegressionModel model;
        try {
            if (data.numClasses() == 2) {
                double[] y = new double[data.n()];
                for (int i = 0; i < y.length; i++) {
                    y[i] = data.y()[i];
                }
                model = lr.fit(data.x(), data.n(), data.d(), y, null);
            } else {
                model = lr.fitMultinomial(data.x(), data.n(), data.d(), data.y(), data.numClasses(), null);
            }
        } finally {
            if (bar[0] != null) {
                bar[0].close();
            }
        }
        FitReport r = model.report();
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("type", "fit");
        h.put("solver", r.solver().name().toLowerCase(Locale.ROOT));
        h.put("iterations", r.iterations());
        h.put("converged", r.converged());
        h.put("gradient_norm", r.gradientNorm());
        h.put("relative_gradient_norm", r.relativeGradientNorm());
        h.put("objective", r.objective());
        msg.detail(String.format(Locale.ROOT, "%s: %d iterations, %s, objective %.10g, relative gradient norm %.3g",
                h.get("solver"), r.iterations(), r.converged() ? "converged" : "NOT converged", r.objective(),
                r.relativeGradientNorm()));
        return new Fit(model, r.objective(), List.of(h), model.warnings());
    }
}
