package org.sigmoid4j.lr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the statistics of an unpenalised fit have in common, binary ({@link GlmSummary}, R's
 * {@code summary(glm)}) or multinomial ({@link MultinomialSummary}, {@code summary(multinom)}):
 * a table of estimates with Wald standard errors, z and p values and R's NA for aliased
 * coefficients, the deviances, AIC, log-likelihood, iterations, convergence and warnings.
 * Estimates and standard errors are on the original feature scale.
 */
public abstract sealed class FitSummary permits GlmSummary, MultinomialSummary {

    final List<String> names;
    final WaldTable table;
    private final double deviance;
    private final double nullDeviance;
    final int rows;
    private final int iterations;
    private final boolean converged;
    private final List<String> warnings;

    FitSummary(List<String> names, double[] estimates, double[] stdErrors, boolean[] aliased, double deviance,
               double nullDeviance, int rows, int iterations, boolean converged, List<String> warnings) {
        this.names = List.copyOf(names);
        this.table = new WaldTable(estimates, stdErrors, aliased);
        this.deviance = deviance;
        this.nullDeviance = nullDeviance;
        this.rows = rows;
        this.iterations = iterations;
        this.converged = converged;
        this.warnings = List.copyOf(warnings);
    }

    /** "(Intercept)" then the feature names. */
    public List<String> names() {
        return names;
    }

    /** The estimates; NaN where {@link #aliased()}. */
    public double[] estimates() {
        return table.estimates();
    }

    /** False for fits without a finite maximum-likelihood estimate (then SEs, z and p are null). */
    public boolean hasStandardErrors() {
        return table.hasStandardErrors();
    }

    /** Standard errors in the layout of {@link #estimates()}, or null. */
    public double[] stdErrors() {
        return table.stdErrors();
    }

    /** Wald z = estimate / SE, or null. */
    public double[] zValues() {
        return table.zValues();
    }

    /** Two-sided p-values P(|Z| ≥ |z|), or null. */
    public double[] pValues() {
        return table.pValues();
    }

    /** True for the coefficients not defined because of singularities (R's NA). */
    public boolean[] aliased() {
        return table.aliased();
    }

    /** Number of estimated (non-aliased) coefficients: R's rank. */
    public int rank() {
        return table.rank();
    }

    /** Residual deviance 2·Σ sᵢ·lossᵢ (weighted). */
    public double deviance() {
        return deviance;
    }

    /** Deviance of the intercept-only model. */
    public double nullDeviance() {
        return nullDeviance;
    }

    public double logLikelihood() {
        return -0.5 * deviance;
    }

    /** AIC = deviance + 2 × the number of estimated coefficients. */
    public double aic() {
        return deviance + 2.0 * rank();
    }

    public int iterations() {
        return iterations;
    }

    public boolean converged() {
        return converged;
    }

    public List<String> warnings() {
        return warnings;
    }

    /** The JSON-able form (see the subclasses); unavailable statistics are null. */
    public abstract Map<String, Object> toMap();

    /** An R-like table with the deviance lines and the warnings. */
    public abstract String format();

    /** The width of the name column. */
    int nameWidth() {
        int w = "(Intercept)".length();
        for (String n : names) {
            w = Math.max(w, n.length());
        }
        return w;
    }

    /**
     * The JSON coefficient list: for every entry j the fields {@code label} puts (its name, and
     * for K classes its class), then estimate, std_error, z and p.
     */
    List<Object> coefficientList(java.util.function.ObjIntConsumer<Map<String, Object>> label) {
        List<Object> coefs = new ArrayList<>();
        for (int j = 0; j < table.size(); j++) {
            Map<String, Object> c = new java.util.LinkedHashMap<>();
            label.accept(c, j);
            table.put(c, j);
            coefs.add(c);
        }
        return coefs;
    }

    /** deviance … warnings, the JSON fields after the coefficients. */
    void putTail(Map<String, Object> m) {
        m.put("deviance", deviance);
        m.put("null_deviance", nullDeviance);
        m.put("aic", aic());
        m.put("log_likelihood", logLikelihood());
        m.put("iterations", iterations);
        m.put("converged", converged);
        m.put("warnings", new ArrayList<Object>(warnings));
    }

    /** AIC, log-likelihood, iterations and warnings: the table's last lines. */
    void appendTail(StringBuilder sb) {
        sb.append(String.format(Locale.ROOT, "AIC: %.4f%n", aic()));
        sb.append(String.format(Locale.ROOT, "Log-likelihood: %.4f%n", logLikelihood()));
        sb.append(String.format(Locale.ROOT, "%nNumber of iterations: %d (%s)%n", iterations, converged ? "converged" : "NOT converged"));
        for (String warning : warnings) {
            sb.append("Warning: ").append(warning).append('\n');
        }
    }
}
