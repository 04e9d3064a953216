package org.sigmoid4j.lr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Logistic regression, binary and multinomial: a configured, immutable and thread-safe fitter.
 *
 * <pre>{@code
 * LogisticRegressionModel m = LogisticRegression.builder()
 *         .penalty(Penalty.l2(1.0))          // default; see Penalty for the C and λ forms
 *         .solver(Solver.AUTO)               // default; see Solver
 *         .standardize(true)                 // optional, stored in the model
 *         .featureNames(names)
 *         .build()
 *         .fit(x, n, d, y, null);            // x row-major n×d, y in {0,1}, optional sample weights
 * }</pre>
 *
 * <p><b>Objective.</b> The C form of {@link Penalty}: F = (1−ρ)·½‖w‖² + ρ‖w‖₁ + C·Σᵢ sᵢ·lossᵢ, the
 * intercept(s) never penalised, sᵢ = sample weight × class weight of yᵢ. Binary loss: log(1+eᶻ) − y·z
 * with z = b + x·w (computed as softplus of the signed margin); multinomial: logsumexp(z) − z_y.
 *
 * <p><b>Stopping.</b> Each solver stops when ‖∇F(θ)‖₂ ≤ tolerance·‖∇F(0)‖₂ (with L1 the
 * minimum-norm subgradient). Default tolerance: 1e-9 for {@link Solver#NEWTON} and
 * {@link Solver#LBFGS}, 1e-6 for {@link Solver#GD}, 1e-3 for {@link Solver#SGD}. A fit that stops
 * for another reason (iteration limit, rounding) is reported as not converged, with the final
 * gradient norm, in {@link FitReport}; it still returns finite coefficients (the last iterate).
 *
 * <p><b>Separation.</b> Unpenalised binary fits are checked for complete and quasi-complete
 * separation (by linear programming), in which case no maximum-likelihood estimate exists; the
 * model then carries a warning saying so, which coefficients diverge, and that a penalty fixes
 * it. Unpenalised multinomial fits are checked for complete separation (the fitted coefficients
 * put every row in its own class), and, when saturated rows remain, by linear programming if the
 * problem is small; otherwise the warning says that quasi-complete separation could not be ruled out.
 *
 * <p><b>Parallelism.</b> Full-data passes (loss, gradient, Hessian) use {@code threads} threads
 * (default: all cores) over fixed row groups reduced in a fixed order, so the result is
 * bit-identical whatever the thread count. SGD is sequential.
 */
public final class LogisticRegression {

    /** {@link Solver#AUTO} uses Newton up to this many parameters (classes × (features + 1)) … */
    public static final int NEWTON_MAX_PARAMETERS = 512;
    /** … and while one exact Hessian (rows × parameters²) is at most this much work. */
    public static final long NEWTON_MAX_WORK = 200_000_000L;

    private final Penalty penalty;
    private final Solver solver;
    private final double tolerance;
    private final int maxIterations;
    private final double learningRate;
    private final int batchSize;
    private final boolean constantLearningRate;
    private final long seed;
    private final int threads;
    private final boolean standardize;
    private final double[] classWeights;
    private final boolean balanced;
    private final List<String> featureNames;
    private final List<String> classNames;
    private final double threshold;
    private final boolean multinomialForBinary;
    private final boolean subsampleStart;
    private final FitListener listener;

    /** L-BFGS keeps this many curvature pairs. */
    private static final int LBFGS_MEMORY = 10;

    private LogisticRegression(Builder b) {
        this.penalty = b.penalty;
        this.solver = b.solver;
        this.tolerance = b.tolerance;
        this.maxIterations = b.maxIterations;
        this.learningRate = b.learningRate;
        this.batchSize = b.batchSize;
        this.constantLearningRate = b.constantLearningRate;
        this.seed = b.seed;
        this.threads = b.threads;
        this.standardize = b.standardize;
        this.classWeights = b.classWeights == null ? null : b.classWeights.clone();
        this.balanced = b.balanced;
        this.featureNames = b.featureNames == null ? null : List.copyOf(b.featureNames);
        this.classNames = b.classNames == null ? null : List.copyOf(b.classNames);
        this.threshold = b.threshold;
        this.multinomialForBinary = b.multinomial;
        this.subsampleStart = b.subsampleStart;
        this.listener = b.listener;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options; every setter validates its argument. */
    public static final class Builder {
        private Penalty penalty = Penalty.l2(1.0);
        private Solver solver = Solver.AUTO;
        private double tolerance = Double.NaN;
        private int maxIterations = 0;
        private double learningRate = 0;
        private int batchSize = 16;
        private boolean constantLearningRate = false;
        private long seed = 0;
        private int threads = Runtime.getRuntime().availableProcessors();
        private boolean standardize = false;
        private double[] classWeights;
        private boolean balanced;
        private List<String> featureNames;
        private List<String> classNames;
        private double threshold = 0.5;
        private boolean multinomial;
        private boolean subsampleStart = true;
        private FitListener listener;

        private Builder() {}

        /**
         * Whether a large binary L-BFGS fit with an L2 penalty may start from a fit on a tenth of
         * the rows (default true; see {@link SubsampleStart}). The optimum and the stopping rule
         * are the same either way; it saves passes over the data.
         */
        public Builder subsampleStart(boolean on) {
            this.subsampleStart = on;
            return this;
        }

        /** Told after each iteration on all rows (null: nobody); called on the fitting thread. */
        public Builder listener(FitListener l) {
            this.listener = l;
            return this;
        }

        /** The penalty (default L2 with C = 1, scikit-learn's default). */
        public Builder penalty(Penalty p) {
            this.penalty = java.util.Objects.requireNonNull(p, "penalty");
            return this;
        }

        public Builder solver(Solver s) {
            this.solver = java.util.Objects.requireNonNull(s, "solver");
            return this;
        }

        /** Stopping tolerance on the relative gradient norm (default depends on the solver). */
        public Builder tolerance(double tol) {
            if (!(tol > 0) || !Double.isFinite(tol)) {
                throw new IllegalArgumentException("tolerance must be > 0, got " + tol);
            }
            this.tolerance = tol;
            return this;
        }

        /** Iteration limit (epochs for SGD). Defaults: Newton 100, L-BFGS 10,000, GD 100,000, SGD 1,000. */
        public Builder maxIterations(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxIterations must be ≥ 1, got " + n);
            }
            this.maxIterations = n;
            return this;
        }

        /**
         * GD: a fixed step size (default: backtracking). SGD: the initial step η₀ on the mean loss
         * (default 1, meant for standardised features; lower it for raw features with large values,
         * or SGD reports divergence).
         */
        public Builder learningRate(double eta) {
            if (!(eta > 0) || !Double.isFinite(eta)) {
                throw new IllegalArgumentException("learning rate must be > 0, got " + eta);
            }
            this.learningRate = eta;
            return this;
        }

        /** SGD mini-batch size (default 16). */
        public Builder batchSize(int b) {
            if (b < 1) {
                throw new IllegalArgumentException("batch size must be ≥ 1, got " + b);
            }
            this.batchSize = b;
            return this;
        }

        /** SGD: keep η₀ constant instead of η₀/√(1 + epoch). */
        public Builder constantLearningRate(boolean constant) {
            this.constantLearningRate = constant;
            return this;
        }

        /** Seed for SGD's shuffling (default 0). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Threads for the full-data passes (default: all cores); results do not depend on it. */
        public Builder threads(int t) {
            if (t < 1) {
                throw new IllegalArgumentException("threads must be ≥ 1, got " + t);
            }
            this.threads = t;
            return this;
        }

        /**
         * Standardise the features ((x − mean)/sd, population sd over all rows; constant features
         * get sd 1) before fitting; the model stores and applies it. The penalty then acts on the
         * standardised coefficients.
         */
        public Builder standardize(boolean s) {
            this.standardize = s;
            return this;
        }

        /** Per-class weights multiplying the sample weights (index = class). */
        public Builder classWeights(double... w) {
            for (double v : w) {
                if (!(v >= 0) || !Double.isFinite(v)) {
                    throw new IllegalArgumentException("class weights must be finite and ≥ 0");
                }
            }
            this.classWeights = w.clone();
            this.balanced = false;
            return this;
        }

        /** Class weights n / (classes · count(class)), as scikit-learn's "balanced". */
        public Builder balancedClassWeights() {
            this.balanced = true;
            this.classWeights = null;
            return this;
        }

        /** Feature names for the summary and the model (default x1 … xd). */
        public Builder featureNames(List<String> names) {
            this.featureNames = names == null ? null : List.copyOf(names);
            return this;
        }

        /** Class names for a multinomial fit's warnings, in class-index order (default 0 … K−1). */
        public Builder classNames(List<String> names) {
            this.classNames = names == null ? null : List.copyOf(names);
            return this;
        }

        /** The model's default decision threshold on P(class 1) (default 0.5). */
        public Builder threshold(double t) {
            if (!(t > 0 && t < 1)) {
                throw new IllegalArgumentException("threshold must be in (0, 1), got " + t);
            }
            this.threshold = t;
            return this;
        }

        /** Fit two-class problems as a 2-class softmax too (default: binary logistic). */
        public Builder multinomial(boolean m) {
            this.multinomial = m;
            return this;
        }

        public LogisticRegression build() {
            return new LogisticRegression(this);
        }
    }

    // ------------------------------------------------------------------ fitting

    /**
     * Fits a binary model.
     *
     * @param x             features, row-major n × d
     * @param y             labels 0 or 1 (1 = positive class); both must occur
     * @param sampleWeights null or n finite weights ≥ 0 (not all 0)
     */
    public LogisticRegressionModel fit(double[] x, int n, int d, double[] y, double[] sampleWeights) {
        checkShape(x, n, d);
        if (y == null || y.length < n) {
            throw new IllegalArgumentException("y must have " + n + " labels");
        }
        int ones = binaryLabelCount(y, n);
        for (int i = 0; ones < 0 && i < n; i++) {
            if (y[i] != 0 && y[i] != 1) {
                throw new IllegalArgumentException("label of row " + (i + 1) + " is " + y[i] + "; a binary model needs 0 or 1");
            }
        }
        if (ones == 0 || ones == n) {
            throw new IllegalArgumentException("the target has one class only (" + (ones == 0 ? "all 0" : "all 1")
                    + "); logistic regression needs both classes");
        }
        // y is now known to hold 0 and 1 only, so the objective reads it in place; int labels only
        // where classes index something (fresh n-sized arrays cost page faults on large data)
        if (multinomialForBinary) {
            return fitMultinomial(x, n, d, labels(y, n), 2, sampleWeights);
        }
        double[] s = weights(classWeights != null || balanced ? labels(y, n) : null, 2, n, sampleWeights);
        double[][] std = standardize ? Standardization.fit(x, n, d) : null;
        double[] xs = std == null ? x : Standardization.apply(x, n, d, std[0], std[1]);
        double totalWeight = total(s, n);
        double c = penalty.effectiveC(totalWeight);
        Solver chosen = resolve(d + 1, n);
        double tol = tolerance(chosen);
        List<String> warnings = new ArrayList<>();
        List<String> names = names(d);
        SolverResult r;
        Separation sep = Separation.NOT_CHECKED;
        double deviance;
        double[] se = null;
        boolean[] aliased = null;
        double[] fitted = null;
        int warmRows;
        try (BinaryObjective obj = new BinaryObjective(xs, n, d, y, s, c, penalty.l2Weight(), penalty.l1Weight(), threads)) {
            obj.checkDataOnFirstEvaluation(() -> requireFinite(x, n, d));
            obj.listen(listener, tol);
            r = chosen == Solver.LBFGS && subsampleStart && SubsampleStart.applies(n, d, penalty)
                    ? SubsampleStart.fit(obj, xs, n, d, y, s, threads, tol, iterationLimit(chosen), LBFGS_MEMORY,
                            () -> requireFinite(x, n, d))
                    : null;
            warmRows = r != null ? SubsampleStart.rows(n) : 0;
            if (r == null) {
                r = run(obj, chosen, tol, new double[d + 1]);
            }
            addConvergenceWarning(warnings, chosen, r, tol);
            deviance = 2 * lossPart(r, penalty, c);
            if (penalty.kind() == Penalty.Kind.NONE) {
                double[] z = obj.margins(r.theta());
                SeparationCheck.Result check = SeparationCheck.check(xs, n, d, y, s, z, r, names);
                sep = check.separation();
                warnings.addAll(check.warnings());
                // without a finite estimate the information at the fit is numerically singular
                // (saturated rows weigh nothing); which columns are aliased depends only on x: θ = 0
                boolean mle = sep == Separation.NONE;
                double[] info = information(xs, n, d, y, s, mle ? r.theta() : new double[d + 1]);
                aliased = Linalg.aliased(info, d + 1, ALIAS_TOLERANCE);
                if (aliased != null) {
                    fitted = moveAliased(r.theta(), info, aliased);
                    warnings.add(aliasedWarning(aliased, names));
                }
                if (mle) {
                    se = standardErrors(info, d + 1, aliased, std);
                    if (se == null) {
                        warnings.add("the Fisher information matrix is singular; no standard errors");
                    }
                }
            }
        }
        double[] theta = fitted != null ? fitted : r.theta();
        double[] coef = new double[d];
        System.arraycopy(theta, 1, coef, 0, d);
        double[] intercepts = {theta[0]};
        FitReport report = new FitReport(chosen, r.iterations(), r.converged(), r.gradientNorm(),
                r.relativeGradientNorm(), tol, r.objective(), c, sep, warnings, warmRows);
        List<String> sn = new ArrayList<>();
        sn.add("(Intercept)");
        sn.addAll(names);
        GlmSummary summary = new GlmSummary(sn, originalScale(theta, std), se, aliased, deviance, nullDeviance(y, s, n), n,
                r.iterations(), r.converged(), warnings);
        return new LogisticRegressionModel(d, 2, false, coef, intercepts, std == null ? null : std[0],
                std == null ? null : std[1], names, penalty, report, summary, null, threshold);
    }

    /**
     * Fits a multinomial (softmax) model.
     *
     * @param y          class indices 0 … classes−1 (every class should occur)
     * @param classes    number of classes K ≥ 2
     */
    public LogisticRegressionModel fitMultinomial(double[] x, int n, int d, int[] y, int classes, double[] sampleWeights) {
        checkShape(x, n, d);
        if (classes < 2) {
            throw new IllegalArgumentException("a multinomial model needs at least 2 classes, got " + classes);
        }
        if (y == null || y.length < n) {
            throw new IllegalArgumentException("y must have " + n + " labels");
        }
        int[] counts = new int[classes];
        for (int i = 0; i < n; i++) {
            if (y[i] < 0 || y[i] >= classes) {
                throw new IllegalArgumentException("label of row " + (i + 1) + " is " + y[i] + "; expected 0 … " + (classes - 1));
            }
            counts[y[i]]++;
        }
        int present = 0;
        for (int cnt : counts) {
            present += cnt > 0 ? 1 : 0;
        }
        if (present < 2) {
            throw new IllegalArgumentException("the target has one class only; logistic regression needs at least two");
        }
        List<String> warnings = new ArrayList<>();
        for (int q = 0; q < classes; q++) {
            if (counts[q] == 0) {
                warnings.add("class " + q + " has no rows; its probabilities are pushed towards 0");
            }
        }
        double[] s = weights(y, classes, n, sampleWeights);
        double[][] std = standardize ? Standardization.fit(x, n, d) : null;
        double[] xs = std == null ? x : Standardization.apply(x, n, d, std[0], std[1]);
        double c = penalty.effectiveC(total(s, n));
        int p = d + 1;
        Solver chosen = resolve(classes * p, n);
        double tol = tolerance(chosen);
        SolverResult r;
        try (MultinomialObjective obj = new MultinomialObjective(xs, n, d, y, classes, s, c, penalty.l2Weight(),
                penalty.l1Weight(), threads)) {
            obj.checkDataOnFirstEvaluation(() -> requireFinite(x, n, d));
            obj.listen(listener, tol);
            r = run(obj, chosen, tol, new double[classes * p]);
        }
        addConvergenceWarning(warnings, chosen, r, tol);
        Separation sep = Separation.NOT_CHECKED;
        if (penalty.kind() == Penalty.Kind.NONE) {
            SeparationCheck.Result check = SeparationCheck.checkMultinomial(xs, n, d, y, classes, s, r.theta(), r, names(d),
                    classNames(classes));
            sep = check.separation();
            warnings.addAll(check.warnings());
        }
        double[] theta = r.theta();
        MultinomialSummary summary = null;
        if (penalty.kind() == Penalty.Kind.NONE) {
            MultinomialStatistics st = MultinomialStatistics.of(xs, n, d, y, classes, s, theta,
                    sep == Separation.NONE, warnings, names(d), classNames(classes));
            theta = st.theta();
            summary = new MultinomialSummary(classNames(classes), withIntercept(names(d)),
                    MultinomialStatistics.originalScaleContrasts(theta, classes, std), st.originalScaleErrors(std), st.aliased(),
                    2 * lossPart(r, penalty, c), MultinomialStatistics.nullDeviance(y, classes, s, n), n, r.iterations(),
                    r.converged(), warnings);
        }
        double[] coef = new double[classes * d];
        double[] intercepts = new double[classes];
        for (int q = 0; q < classes; q++) {
            intercepts[q] = theta[q * p];
            System.arraycopy(theta, q * p + 1, coef, q * d, d);
        }
        FitReport report = new FitReport(chosen, r.iterations(), r.converged(), r.gradientNorm(),
                r.relativeGradientNorm(), tol, r.objective(), c, sep, warnings);
        return new LogisticRegressionModel(d, classes, true, coef, intercepts, std == null ? null : std[0],
                std == null ? null : std[1], names(d), penalty, report, null, summary, threshold);
    }

    private static List<String> withIntercept(List<String> names) {
        List<String> out = new ArrayList<>();
        out.add("(Intercept)");
        out.addAll(names);
        return out;
    }

    private int iterationLimit(Solver s) {
        return maxIterations > 0 ? maxIterations : switch (s) {
            case NEWTON -> 100;
            case LBFGS -> 10_000;
            case GD -> 100_000;
            case SGD -> 1_000;
            case AUTO -> throw new AssertionError();
        };
    }

    private SolverResult run(Objective obj, Solver s, double tol, double[] t0) {
        int maxIt = iterationLimit(s);
        return switch (s) {
            case NEWTON -> Solvers.newton(obj, t0, tol, maxIt);
            case LBFGS -> Solvers.lbfgs(obj, t0, tol, maxIt, LBFGS_MEMORY);
            case GD -> Solvers.gradientDescent(obj, t0, tol, maxIt, learningRate);
            case SGD -> Solvers.sgd(obj, t0, tol, maxIt, learningRate > 0 ? learningRate : 1.0, batchSize,
                    !constantLearningRate, seed);
            case AUTO -> throw new AssertionError();
        };
    }

    private Solver resolve(int params, int n) {
        if (solver == Solver.NEWTON && penalty.l1Weight() != 0) {
            throw new IllegalArgumentException("the Newton solver cannot handle an L1 penalty; use lbfgs (OWL-QN), gd or sgd");
        }
        if (solver != Solver.AUTO) {
            return solver;
        }
        boolean newton = penalty.l1Weight() == 0 && params <= NEWTON_MAX_PARAMETERS
                && (long) n * params * params <= NEWTON_MAX_WORK;
        return newton ? Solver.NEWTON : Solver.LBFGS;
    }

    private double tolerance(Solver s) {
        if (!Double.isNaN(tolerance)) {
            return tolerance;
        }
        return switch (s) {
            case NEWTON, LBFGS -> 1e-9;
            case GD -> 1e-6;
            case SGD -> 1e-3;
            case AUTO -> throw new AssertionError();
        };
    }

    private static void addConvergenceWarning(List<String> warnings, Solver s, SolverResult r, double tol) {
        if (!r.converged()) {
            warnings.add(String.format(Locale.ROOT,
                    "did not converge: %s stopped after %d iterations (%s) with gradient norm %.3e, %.3e relative to the start "
                            + "(tolerance %.1e); the coefficients are the last iterate",
                    s.name().toLowerCase(Locale.ROOT), r.iterations(), r.message(), r.gradientNorm(),
                    r.relativeGradientNorm(), tol));
        }
    }

    private List<String> classNames(int classes) {
        if (classNames != null && classNames.size() == classes) {
            return classNames;
        }
        List<String> names = new ArrayList<>(classes);
        for (int k = 0; k < classes; k++) {
            names.add(Integer.toString(k));
        }
        return names;
    }

    private List<String> names(int d) {
        if (featureNames != null) {
            if (featureNames.size() != d) {
                throw new IllegalArgumentException(featureNames.size() + " feature names given for " + d + " features");
            }
            return featureNames;
        }
        List<String> names = new ArrayList<>(d);
        for (int j = 1; j <= d; j++) {
            names.add("x" + j);
        }
        return names;
    }

    /**
     * The number of labels 1 among y[0 … n), or −1 when some label is neither 0 nor 1. Arithmetic
     * only: y·(1 − y) is 0 exactly for 0 and 1 (and −0) and non-zero, infinite or NaN for every
     * other value, and for 0/1 labels their sum is the count (exact below 2⁵³). Written with
     * comparisons, the loop compiled to branches that mispredict on shuffled labels: 6.4 ms per
     * 10⁶ rows against 0.9 (2 % of the {@code bench lr} fit on two threads).
     */
    static int binaryLabelCount(double[] y, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        double b0 = 0, b1 = 0, b2 = 0, b3 = 0;
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            double v0 = y[i], v1 = y[i + 1], v2 = y[i + 2], v3 = y[i + 3];
            s0 += v0;
            s1 += v1;
            s2 += v2;
            s3 += v3;
            b0 += Math.abs(v0 * (1 - v0));
            b1 += Math.abs(v1 * (1 - v1));
            b2 += Math.abs(v2 * (1 - v2));
            b3 += Math.abs(v3 * (1 - v3));
        }
        for (; i < n; i++) {
            s0 += y[i];
            b0 += Math.abs(y[i] * (1 - y[i]));
        }
        double bad = (b0 + b1) + (b2 + b3);
        return bad == 0 ? (int) ((s0 + s1) + (s2 + s3)) : -1;
    }

    private static void checkShape(double[] x, int n, int d) {
        if (n < 1 || d < 0) {
            throw new IllegalArgumentException("need at least one row and zero or more features, got " + n + " × " + d);
        }
        if (x == null || x.length < (long) n * d) {
            throw new IllegalArgumentException("x must hold " + n + " × " + d + " values");
        }
    }

    /** Throws naming the first non-finite value of x (run only when the first evaluation is not finite). */
    private static void requireFinite(double[] x, int n, int d) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double v = x[i * d + j];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("x has a non-finite value (" + v + ") at row " + (i + 1)
                            + ", feature " + (j + 1));
                }
            }
        }
    }

    private static int[] labels(double[] y, int n) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = y[i] != 0 ? 1 : 0;
        }
        return labels;
    }

    /** sample weight × class weight, or null when all are 1; y (class indices) is read only for class weights. */
    private double[] weights(int[] y, int classes, int n, double[] sampleWeights) {
        double[] cw = classWeights;
        if (balanced) {
            int[] counts = new int[classes];
            for (int i = 0; i < n; i++) {
                counts[y[i]]++;
            }
            cw = new double[classes];
            for (int q = 0; q < classes; q++) {
                cw[q] = counts[q] == 0 ? 0 : (double) n / (classes * (double) counts[q]);
            }
        }
        if (cw != null && cw.length != classes) {
            throw new IllegalArgumentException(cw.length + " class weights given for " + classes + " classes");
        }
        if (sampleWeights == null && cw == null) {
            return null;
        }
        if (sampleWeights != null && sampleWeights.length < n) {
            throw new IllegalArgumentException("sample weights must have " + n + " values");
        }
        double[] s = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double v = sampleWeights == null ? 1.0 : sampleWeights[i];
            if (!(v >= 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException("sample weight of row " + (i + 1) + " is " + v + "; weights must be finite and ≥ 0");
            }
            s[i] = v * (cw == null ? 1.0 : cw[y[i]]);
            sum += s[i];
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("the weights sum to 0");
        }
        return s;
    }

    private static double total(double[] s, int n) {
        if (s == null) {
            return n;
        }
        double t = 0;
        for (double v : s) {
            t += v;
        }
        return t;
    }

    /** Σ sᵢ·lossᵢ at the solution, from F = C·Σ sᵢ·lossᵢ + penalty (no extra pass over the data). */
    private static double lossPart(SolverResult r, Penalty penalty, double c) {
        double[] t = r.theta();
        double sq = 0, abs = 0;
        for (int j = 1; j < t.length; j++) {
            sq += t[j] * t[j];
            abs += Math.abs(t[j]);
        }
        return (r.objective() - 0.5 * penalty.l2Weight() * sq - penalty.l1Weight() * abs) / c;
    }

    static double nullDeviance(double[] y, double[] s, int n) {
        double[] w01 = new double[2];
        addClassWeights(y, s, 0, n, w01);
        double w0 = w01[0], w1 = w01[1];
        double w = w0 + w1;
        double ll = (w1 > 0 ? w1 * Math.log(w1 / w) : 0) + (w0 > 0 ? w0 * Math.log(w0 / w) : 0);
        return -2 * ll;
    }

    /**
     * A column of [1, X] whose part not explained by the earlier columns has a norm below √1e-12 =
     * 1e-6 of its own (in the information's weighted inner product) is aliased. R's glm uses 1e-11
     * on a QR of the weighted model matrix; through the information matrix AᵀWA rounding leaves
     * exactly dependent columns near 1e-8, so the threshold sits between the two.
     */
    static final double ALIAS_TOLERANCE = 1e-12;

    /** The Fisher information AᵀWA, A = [1, X], W = diag(sᵢ pᵢ (1 − pᵢ)), at θ (p × p, full). */
    static double[] information(double[] x, int n, int d, double[] y, double[] s, double[] theta) {
        int p = d + 1;
        double[] h = new double[p * p];
        double[] g = new double[p];
        try (BinaryObjective info = new BinaryObjective(x, n, d, y, s, 1.0, 0, 0, 1)) {
            info.evaluate(theta, g, h);
        }
        return h;
    }

    /**
     * θ with every aliased coefficient moved onto the kept columns it is a combination of
     * (x_a = Σ_K α x_K in the information's inner product: H_KK α = H_Ka), so that the aliased
     * coefficient is 0 and the margins, hence the fit, are unchanged: the reduced model's
     * maximum-likelihood estimate, which is what R reports beside NA.
     */
    static double[] moveAliased(double[] theta, double[] info, boolean[] aliased) {
        int p = theta.length;
        int[] kept = Linalg.kept(aliased, p);
        int q = kept.length;
        double[] hk = Linalg.submatrix(info, p, kept);
        double[] out = theta.clone();
        if (!Linalg.cholesky(hk, q)) {
            return out;
        }
        for (int a = 0; a < p; a++) {
            if (!aliased[a]) {
                continue;
            }
            double[] alpha = new double[q];
            for (int i = 0; i < q; i++) {
                alpha[i] = info[kept[i] * p + a];
            }
            Linalg.choleskySolve(hk, q, alpha);
            for (int i = 0; i < q; i++) {
                out[kept[i]] += alpha[i] * theta[a];
            }
            out[a] = 0;
        }
        return out;
    }

    private static String aliasedWarning(boolean[] aliased, List<String> names) {
        List<String> which = new ArrayList<>();
        for (int j = 0; j < aliased.length; j++) {
            if (aliased[j]) {
                which.add(j == 0 ? "(Intercept)" : names.get(j - 1));
            }
        }
        return which.size() + (which.size() == 1 ? " coefficient is" : " coefficients are")
                + " not defined because of singularities (as R reports NA): " + String.join(", ", which)
                + (which.size() == 1 ? " is a linear combination of earlier columns" : " are linear combinations of earlier columns")
                + " (or constant); the fit uses the others, and the model gives the aliased ones 0";
    }

    /**
     * Adds the weights of rows [from, to) by class into w01 (class 0, class 1). y is 0 or 1 here
     * (checked by fit), so no branch per row: on shuffled labels a branch mispredicts half the time.
     */
    static void addClassWeights(double[] y, double[] s, int from, int to, double[] w01) {
        double w0 = 0, w1 = 0;
        for (int i = from; i < to; i++) {
            double wi = s == null ? 1.0 : s[i];
            w1 += wi * y[i];
            w0 += wi - wi * y[i];
        }
        w01[0] += w0;
        w01[1] += w1;
    }

    /**
     * Wald standard errors sqrt(diag(H_KK⁻¹)) from the information H of the kept (non-aliased)
     * columns, NaN for aliased ones; null if H_KK is singular, on the original feature scale.
     */
    static double[] standardErrors(double[] info, int p, boolean[] aliased, double[][] std) {
        double[] cov = covariance(info, p, aliased);
        return cov == null ? null : originalScaleErrors(cov, p, 0, p, aliased, std);
    }

    /** H_KK⁻¹ back in p × p, zero rows and columns for aliased (K: the others); null if H_KK is singular. */
    static double[] covariance(double[] info, int p, boolean[] aliased) {
        int[] kept = Linalg.kept(aliased, p);
        double[] h = Linalg.submatrix(info, p, kept);
        if (!Linalg.cholesky(h, kept.length)) {
            return null;
        }
        return Linalg.embed(Linalg.choleskyInverse(h, kept.length), p, kept);
    }

    /**
     * Standard errors of the block of (intercept, d coefficients) starting at {@code off} of a
     * covariance of dimension {@code dim}, carried to the original scale with standardisation
     * {mean, scale} (θ_orig = T·θ with b_orig = b − Σⱼ wⱼ·meanⱼ/scaleⱼ, w_orig,ⱼ = wⱼ/scaleⱼ;
     * Cov_orig = T·Cov·Tᵀ); NaN for aliased entries; null if any other is not finite.
     */
    static double[] originalScaleErrors(double[] cov, int dim, int off, int p, boolean[] aliased, double[][] std) {
        double[] se = new double[p];
        if (std == null) {
            for (int j = 0; j < p; j++) {
                se[j] = Math.sqrt(cov[(off + j) * dim + off + j]);
            }
        } else {
            // row 0 of T: (1, −mean₁/scale₁, …); row j ≥ 1: e_j / scale_j
            double[] t0 = new double[p];
            t0[0] = 1;
            for (int j = 1; j < p; j++) {
                t0[j] = -std[0][j - 1] / std[1][j - 1];
            }
            double v0 = 0;
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    v0 += t0[a] * cov[(off + a) * dim + off + b] * t0[b];
                }
            }
            se[0] = Math.sqrt(v0);
            for (int j = 1; j < p; j++) {
                se[j] = Math.sqrt(cov[(off + j) * dim + off + j]) / std[1][j - 1];
            }
        }
        for (int j = 0; j < p; j++) {
            if (aliased != null && aliased[off + j]) {
                se[j] = Double.NaN;
            } else if (!Double.isFinite(se[j])) {
                return null;
            }
        }
        return se;
    }

    /** (b, w) on the original feature scale (unchanged without standardisation). */
    static double[] originalScale(double[] theta, double[][] std) {
        if (std == null) {
            return theta.clone();
        }
        double[] out = theta.clone();
        for (int j = 1; j < theta.length; j++) {
            out[j] = theta[j] / std[1][j - 1];
            out[0] -= theta[j] * std[0][j - 1] / std[1][j - 1];
        }
        return out;
    }
}
