package org.sigmoid4j.lr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sigmoid4j.internal.lr.LrKernels;
import org.sigmoid4j.math.Logistic;
import org.sigmoid4j.model.Classifier;
import org.sigmoid4j.model.ModelState;

/**
 * A fitted logistic-regression model (kind {@code "logistic"}): binary (one coefficient vector,
 * class 1 is the positive class) or multinomial (one row of coefficients per class, softmax).
 *
 * <p>If the model was fitted with standardisation, it stores the feature means and scales and
 * applies them itself: {@link #predictProba} and {@link #decisionFunction} take raw features. The
 * coefficients are on the standardised scale ({@link #coefficients()}); the same model on the raw
 * scale is {@link #coefficientsOriginalScale()} / {@link #interceptsOriginalScale()}.
 *
 * <p>Probabilities are computed from the logits: σ(z) and σ(−z) for the two binary classes, the
 * max-shifted softmax for K classes; never 1 − p.
 */
public final class LogisticRegressionModel implements Classifier {

    private static final LrKernels K = LrKernels.get();

    /** The model file's format number for this kind's config. */
    static final int STATE_VERSION = 1;

    private final int d;
    private final int classes;
    private final boolean multinomial;
    private final double[] coef;       // rows × d, rows = multinomial ? classes : 1
    private final double[] intercepts; // rows
    private final double[] mean;       // null unless standardised
    private final double[] scale;
    private final List<String> featureNames;
    private final Penalty penalty;
    private final FitReport report;
    private final GlmSummary summary;  // null for multinomial
    private final MultinomialSummary multinomialSummary;
    private final double threshold;

    LogisticRegressionModel(int d, int classes, boolean multinomial, double[] coef, double[] intercepts,
                            double[] mean, double[] scale, List<String> featureNames, Penalty penalty,
                            FitReport report, GlmSummary summary, MultinomialSummary multinomialSummary, double threshold) {
        this.d = d;
        this.classes = classes;
        this.multinomial = multinomial;
        this.coef = coef;
        this.intercepts = intercepts;
        this.mean = mean;
        this.scale = scale;
        this.featureNames = List.copyOf(featureNames);
        this.penalty = penalty;
        this.report = report;
        this.summary = summary;
        this.multinomialSummary = multinomialSummary;
        this.threshold = checkThreshold(threshold);
        for (double v : coef) {
            if (!Double.isFinite(v)) {
                throw new IllegalStateException("non-finite coefficient");
            }
        }
        for (double v : intercepts) {
            if (!Double.isFinite(v)) {
                throw new IllegalStateException("non-finite intercept");
            }
        }
    }

    @Override
    public String kind() {
        return "logistic";
    }

    @Override
    public int numFeatures() {
        return d;
    }

    @Override
    public int numClasses() {
        return classes;
    }

    /** True for a softmax model (one coefficient row per class). */
    public boolean multinomial() {
        return multinomial;
    }

    public List<String> featureNames() {
        return featureNames;
    }

    /** The coefficients: d values (binary) or classes × d row-major (multinomial), fitted scale. */
    public double[] coefficients() {
        return coef.clone();
    }

    /** The binary model's intercept (for multinomial use {@link #intercepts()}). */
    public double intercept() {
        return intercepts[0];
    }

    /** One intercept (binary) or one per class (multinomial, summing to about 0). */
    public double[] intercepts() {
        return intercepts.clone();
    }

    public boolean standardized() {
        return mean != null;
    }

    /** Feature means used for standardisation, or null. */
    public double[] featureMeans() {
        return mean == null ? null : mean.clone();
    }

    /** Feature scales (population sd; 1 for constant features), or null. */
    public double[] featureScales() {
        return scale == null ? null : scale.clone();
    }

    /** Coefficients for raw features: wⱼ/sdⱼ (equal to {@link #coefficients()} when not standardised). */
    public double[] coefficientsOriginalScale() {
        if (mean == null) {
            return coef.clone();
        }
        int rows = intercepts.length;
        double[] out = new double[rows * d];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < d; j++) {
                out[r * d + j] = coef[r * d + j] / scale[j];
            }
        }
        return out;
    }

    /** Intercepts for raw features: b − Σⱼ wⱼ·meanⱼ/sdⱼ. */
    public double[] interceptsOriginalScale() {
        if (mean == null) {
            return intercepts.clone();
        }
        double[] out = intercepts.clone();
        for (int r = 0; r < out.length; r++) {
            for (int j = 0; j < d; j++) {
                out[r] -= coef[r * d + j] * mean[j] / scale[j];
            }
        }
        return out;
    }

    public Penalty penalty() {
        return penalty;
    }

    public FitReport report() {
        return report;
    }

    /** Warnings from the fit (same as {@code report().warnings()}). */
    public List<String> warnings() {
        return report.warnings();
    }

    /**
     * The R-style statistics of a binary model (standard errors only when unpenalised and the MLE
     * exists), on the original feature scale.
     */
    public Optional<GlmSummary> summary() {
        return Optional.ofNullable(summary);
    }

    /** R-style statistics (nnet::multinom's) of an unpenalised multinomial fit; empty otherwise. */
    public Optional<MultinomialSummary> multinomialSummary() {
        return Optional.ofNullable(multinomialSummary);
    }

    /** Decision threshold on P(class 1) for {@link #predict} (binary models). */
    public double threshold() {
        return threshold;
    }

    /** The same model with another threshold (0 &lt; t &lt; 1). */
    public LogisticRegressionModel withThreshold(double t) {
        return new LogisticRegressionModel(d, classes, multinomial, coef, intercepts, mean, scale, featureNames,
                penalty, report, summary, multinomialSummary, t);
    }

    /**
     * The linear predictors (logits) for {@code n} rows: {@code out} has n values (binary: the
     * logit of class 1) or n × classes (multinomial).
     */
    public void decisionFunction(double[] x, int n, double[] out) {
        checkInput(x, n);
        int rows = intercepts.length;
        if (out.length < (long) n * rows) {
            throw new IllegalArgumentException("output has " + out.length + " slots, needs " + (long) n * rows);
        }
        double[] buf = mean != null ? new double[d] : null;
        for (int i = 0; i < n; i++) {
            double[] src = x;
            int off = i * d;
            if (buf != null) {
                for (int j = 0; j < d; j++) {
                    buf[j] = (x[off + j] - mean[j]) / scale[j];
                }
                src = buf;
                off = 0;
            }
            for (int r = 0; r < rows; r++) {
                out[i * rows + r] = intercepts[r] + K.dot(src, off, coef, r * d, d);
            }
        }
    }

    @Override
    public void predictProba(double[] x, int n, double[] out) {
        if (out.length < (long) n * classes) {
            throw new IllegalArgumentException("output has " + out.length + " slots, needs " + (long) n * classes);
        }
        if (!multinomial) {
            double[] z = new double[n];
            decisionFunction(x, n, z);
            for (int i = 0; i < n; i++) {
                out[2 * i] = Logistic.sigmoid(-z[i]);
                out[2 * i + 1] = Logistic.sigmoid(z[i]);
            }
            return;
        }
        decisionFunction(x, n, out);
        for (int i = 0; i < n; i++) {
            softmaxInPlace(out, i * classes, classes);
        }
    }

    static void softmaxInPlace(double[] z, int off, int k) {
        double max = Double.NEGATIVE_INFINITY;
        for (int q = 0; q < k; q++) {
            max = Math.max(max, z[off + q]);
        }
        double sum = 0;
        for (int q = 0; q < k; q++) {
            sum += Math.exp(z[off + q] - max);
        }
        double lse = max + Math.log(sum);
        for (int q = 0; q < k; q++) {
            z[off + q] = Math.exp(z[off + q] - lse);
        }
    }

    /**
     * Class labels: binary, 1 when P(class 1) &gt; {@link #threshold()} (at 0.5: when the logit
     * is &gt; 0); multinomial, the class of largest logit (lowest index on ties).
     */
    public int[] predict(double[] x, int n) {
        int[] labels = new int[n];
        if (!multinomial) {
            double[] z = new double[n];
            decisionFunction(x, n, z);
            double zt = Logistic.logit(threshold);
            for (int i = 0; i < n; i++) {
                labels[i] = z[i] > zt ? 1 : 0;
            }
            return labels;
        }
        double[] z = new double[n * classes];
        decisionFunction(x, n, z);
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int q = 1; q < classes; q++) {
                if (z[i * classes + q] > z[i * classes + best]) {
                    best = q;
                }
            }
            labels[i] = best;
        }
        return labels;
    }

    private void checkInput(double[] x, int n) {
        if (n < 0 || x.length < (long) n * d) {
            throw new IllegalArgumentException("x has " + x.length + " values, needs " + n + " rows × " + d + " features");
        }
    }

    private static double checkThreshold(double t) {
        if (!(t > 0 && t < 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1), got " + t);
        }
        return t;
    }

    // ------------------------------------------------------------------ model state

    /**
     * Config: {@code version}, {@code classes}, {@code multinomial}, {@code features},
     * {@code feature_names}, {@code standardized}, {@code threshold}, {@code penalty}
     * ({@code name}, {@code C} or {@code lambda}, {@code l1_ratio}), {@code fit} (solver, iterations,
     * converged, gradient_norm, relative_gradient_norm, tolerance, objective, effective_C,
     * separation, warnings) and, for binary models, {@code summary} (deviance, null_deviance, rows).
     * Arrays: {@code coefficients}, {@code intercepts}, optionally {@code feature_mean},
     * {@code feature_scale} and {@code std_errors}.
     */
    @Override
    public ModelState state() {
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("version", STATE_VERSION);
        cfg.put("classes", classes);
        cfg.put("multinomial", multinomial);
        cfg.put("features", d);
        cfg.put("feature_names", new ArrayList<Object>(featureNames));
        cfg.put("standardized", mean != null);
        cfg.put("threshold", threshold);
        Map<String, Object> pen = new LinkedHashMap<>();
        pen.put("name", penalty.name());
        if (penalty.kind() != Penalty.Kind.NONE) {
            if (penalty.lambdaForm()) {
                pen.put("lambda", penalty.lambda());
            } else {
                pen.put("C", penalty.c());
            }
        }
        if (penalty.kind() == Penalty.Kind.ELASTIC_NET) {
            pen.put("l1_ratio", penalty.l1Ratio());
        }
        cfg.put("penalty", pen);
        Map<String, Object> fit = new LinkedHashMap<>();
        fit.put("solver", report.solver().name().toLowerCase(java.util.Locale.ROOT));
        fit.put("iterations", report.iterations());
        fit.put("converged", report.converged());
        fit.put("gradient_norm", report.gradientNorm());
        fit.put("relative_gradient_norm", report.relativeGradientNorm());
        fit.put("tolerance", report.tolerance());
        fit.put("objective", report.objective());
        fit.put("effective_C", report.effectiveC());
        fit.put("separation", report.separation().label());
        fit.put("warnings", new ArrayList<Object>(report.warnings()));
        fit.put("warm_start_rows", report.warmStartRows());
        cfg.put("fit", fit);
        Map<String, double[]> arrays = new LinkedHashMap<>();
        arrays.put("coefficients", coef.clone());
        arrays.put("intercepts", intercepts.clone());
        if (mean != null) {
            arrays.put("feature_mean", mean.clone());
            arrays.put("feature_scale", scale.clone());
        }
        if (multinomialSummary != null) {
            MultinomialSummary ms = multinomialSummary;
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("deviance", ms.deviance());
            sm.put("null_deviance", ms.nullDeviance());
            sm.put("rows", ms.rows());
            sm.put("classes", new ArrayList<Object>(ms.classes()));
            putAliased(sm, ms.aliased()); // indices into the (K−1) contrast blocks
            cfg.put("multinomial_summary", sm);
            if (ms.hasStandardErrors()) {
                arrays.put("contrast_std_errors", storable(ms.stdErrors(), ms.aliased()));
            }
        }
        if (summary != null) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("deviance", summary.deviance());
            sm.put("null_deviance", summary.nullDeviance());
            sm.put("rows", summary.dfNull() + 1);
            putAliased(sm, summary.aliased()); // indices into (intercept, features)
            cfg.put("summary", sm);
            if (summary.hasStandardErrors()) {
                arrays.put("std_errors", storable(summary.stdErrors(), summary.aliased()));
            }
        }
        return new ModelState("logistic", cfg, arrays);
    }

    /** Rebuilds a model from {@link #state()}; a malformed state gives an IllegalArgumentException naming the problem. */
    public static LogisticRegressionModel fromState(ModelState state) {
        if (state == null || !"logistic".equals(state.kind())) {
            throw new IllegalArgumentException("not a logistic model state (kind " + (state == null ? null : state.kind()) + ")");
        }
        Map<String, Object> cfg = state.config();
        int version = intOf(cfg, "version");
        if (version > STATE_VERSION) {
            throw new IllegalArgumentException("logistic model state version " + version
                    + " is newer than this library supports (" + STATE_VERSION + ")");
        }
        int classes = intOf(cfg, "classes");
        boolean multinomial = boolOf(cfg, "multinomial");
        int d = intOf(cfg, "features");
        if (classes < 2 || d < 0 || (!multinomial && classes != 2)) {
            throw new IllegalArgumentException("logistic model state: invalid classes " + classes + " / features " + d);
        }
        List<String> names = new ArrayList<>();
        if (cfg.get("feature_names") instanceof List<?> l) {
            for (Object o : l) {
                names.add(String.valueOf(o));
            }
        }
        if (names.size() != d) {
            throw new IllegalArgumentException("logistic model state: " + names.size() + " feature names for " + d + " features");
        }
        int rows = multinomial ? classes : 1;
        double[] coef = array(state, "coefficients", rows * d, true);
        double[] intercepts = array(state, "intercepts", rows, true);
        double[] mean = array(state, "feature_mean", d, false);
        double[] scale = array(state, "feature_scale", d, false);
        if ((mean == null) != (scale == null)) {
            throw new IllegalArgumentException("logistic model state: feature_mean and feature_scale must come together");
        }
        if (scale != null) {
            for (double v : scale) {
                if (!(v > 0)) {
                    throw new IllegalArgumentException("logistic model state: feature_scale must be > 0");
                }
            }
        }
        double threshold = numOf(cfg, "threshold");
        Map<?, ?> pen = mapOf(cfg, "penalty");
        String pname = String.valueOf(pen.get("name"));
        Penalty penalty;
        if (pname.equals("none")) {
            penalty = Penalty.none();
        } else {
            boolean lambdaForm = pen.containsKey("lambda");
            double v = numOf(pen, lambdaForm ? "lambda" : "C");
            double ratio = pen.containsKey("l1_ratio") ? numOf(pen, "l1_ratio") : 0;
            penalty = Penalty.of(pname, v, lambdaForm, ratio);
        }
        Map<?, ?> fit = mapOf(cfg, "fit");
        List<String> warnings = new ArrayList<>();
        if (fit.get("warnings") instanceof List<?> l) {
            for (Object o : l) {
                warnings.add(String.valueOf(o));
            }
        }
        Solver solver;
        Separation separation;
        try {
            solver = Solver.valueOf(String.valueOf(fit.get("solver")).toUpperCase(java.util.Locale.ROOT));
            separation = Separation.valueOf(String.valueOf(fit.get("separation")).toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("logistic model state: unknown solver or separation value");
        }
        FitReport report = new FitReport(solver, intOf(fit, "iterations"), boolOf(fit, "converged"),
                numOf(fit, "gradient_norm"), numOf(fit, "relative_gradient_norm"), numOf(fit, "tolerance"),
                numOf(fit, "objective"), numOf(fit, "effective_C"), separation, warnings,
                fit.containsKey("warm_start_rows") ? intOf(fit, "warm_start_rows") : 0); // absent in older files
        GlmSummary summary = null;
        if (!multinomial && cfg.get("summary") instanceof Map<?, ?> sm) {
            double[] se = array(state, "std_errors", d + 1, false);
            List<String> sn = new ArrayList<>();
            sn.add("(Intercept)");
            sn.addAll(names);
            double[] est = new double[d + 1];
            est[0] = intercepts[0];
            System.arraycopy(coef, 0, est, 1, d);
            est = LogisticRegression.originalScale(est, mean == null ? null : new double[][] {mean, scale});
            boolean[] al = aliasedOf(sm, d + 1);
            summary = new GlmSummary(sn, est, se, al, numOf(sm, "deviance"), numOf(sm, "null_deviance"),
                    intOf(sm, "rows"), report.iterations(), report.converged(), warnings);
        }
        MultinomialSummary ms = null;
        if (multinomial && cfg.get("multinomial_summary") instanceof Map<?, ?> sm) {
            int q = (classes - 1) * (d + 1);
            double[] se = array(state, "contrast_std_errors", q, false);
            boolean[] al = aliasedOf(sm, q);
            List<String> cls = new ArrayList<>();
            if (!(sm.get("classes") instanceof List<?> list) || list.size() != classes) {
                throw new IllegalArgumentException("logistic model state: multinomial_summary needs " + classes + " class names");
            }
            for (Object o : list) {
                cls.add(String.valueOf(o));
            }
            double[] theta = new double[classes * (d + 1)];
            for (int k = 0; k < classes; k++) {
                theta[k * (d + 1)] = intercepts[k];
                System.arraycopy(coef, k * d, theta, k * (d + 1) + 1, d);
            }
            List<String> sn = new ArrayList<>();
            sn.add("(Intercept)");
            sn.addAll(names);
            ms = new MultinomialSummary(cls, sn, MultinomialStatistics.originalScaleContrasts(theta, classes,
                    mean == null ? null : new double[][] {mean, scale}), se, al, numOf(sm, "deviance"),
                    numOf(sm, "null_deviance"), intOf(sm, "rows"), report.iterations(), report.converged(), warnings);
        }
        return new LogisticRegressionModel(d, classes, multinomial, coef, intercepts, mean, scale, names, penalty,
                report, summary, ms, threshold);
    }

    /** Puts the indices of the aliased coefficients as "aliased" into a summary map (nothing when none is). */
    private static void putAliased(Map<String, Object> sm, boolean[] aliased) {
        List<Object> idx = new ArrayList<>();
        for (int j = 0; j < aliased.length; j++) {
            if (aliased[j]) {
                idx.add(j);
            }
        }
        if (!idx.isEmpty()) {
            sm.put("aliased", idx);
        }
    }

    /** Standard errors as stored: NaN (aliased) is not a storable value, "aliased" says which they are. */
    private static double[] storable(double[] se, boolean[] aliased) {
        for (int j = 0; j < se.length; j++) {
            se[j] = aliased[j] ? 0 : se[j];
        }
        return se;
    }

    /** The "aliased" index list of a summary map as flags over {@code len} coefficients (null when absent). */
    private static boolean[] aliasedOf(Map<?, ?> sm, int len) {
        if (!(sm.get("aliased") instanceof List<?> list)) {
            return null;
        }
        boolean[] al = new boolean[len];
        for (Object o : list) {
            if (!(o instanceof Number num) || num.intValue() < 0 || num.intValue() >= len) {
                throw new IllegalArgumentException("logistic model state: bad aliased index " + o);
            }
            al[num.intValue()] = true;
        }
        return al;
    }

    private static double[] array(ModelState s, String name, int len, boolean required) {
        double[] a = s.arrays() == null ? null : s.arrays().get(name);
        if (a == null) {
            if (required) {
                throw new IllegalArgumentException("logistic model state: missing array '" + name + "'");
            }
            return null;
        }
        if (a.length != len) {
            throw new IllegalArgumentException("logistic model state: array '" + name + "' has " + a.length
                    + " values, expected " + len);
        }
        for (double v : a) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("logistic model state: array '" + name + "' has a non-finite value");
            }
        }
        return a.clone();
    }

    private static Object get(Map<?, ?> m, String key) {
        Object o = m == null ? null : m.get(key);
        if (o == null) {
            throw new IllegalArgumentException("logistic model state: missing '" + key + "'");
        }
        return o;
    }

    private static double numOf(Map<?, ?> m, String key) {
        if (get(m, key) instanceof Number num) {
            return num.doubleValue();
        }
        throw new IllegalArgumentException("logistic model state: '" + key + "' is not a number");
    }

    private static int intOf(Map<?, ?> m, String key) {
        double v = numOf(m, key);
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("logistic model state: '" + key + "' is not an integer");
        }
        return (int) v;
    }

    private static boolean boolOf(Map<?, ?> m, String key) {
        if (get(m, key) instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException("logistic model state: '" + key + "' is not a boolean");
    }

    private static Map<?, ?> mapOf(Map<?, ?> m, String key) {
        if (get(m, key) instanceof Map<?, ?> mm) {
            return mm;
        }
        throw new IllegalArgumentException("logistic model state: '" + key + "' is not an object");
    }
}
