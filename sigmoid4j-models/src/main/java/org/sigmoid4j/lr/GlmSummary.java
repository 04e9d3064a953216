package org.sigmoid4j.lr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * R {@code summary(glm)}-style statistics of a binary fit, intercept first (named
 * {@code "(Intercept)"}), then the features in their order.
 *
 * <p>Standard errors, z values and p-values are the Wald statistics at the fitted point: the
 * covariance is the inverse of the Fisher information Xᵀ·diag(sᵢpᵢ(1−pᵢ))·X (with a leading column
 * of ones), p = P(|Z| ≥ |z|). They exist only for unpenalised fits whose maximum-likelihood estimate
 * exists ({@link #hasStandardErrors()}); otherwise those entries are null (JSON null).
 * Deviance = 2·Σ sᵢ·logloss; null deviance is that of the intercept-only MLE; log-likelihood =
 * −deviance/2; AIC = deviance + 2·(number of coefficients including the intercept).
 * Coefficients and standard errors are on the original feature scale, also when the model
 * standardises internally (then they are transformed back, covariance included), so an
 * unpenalised fit's table compares directly with R's.
 */
public final class GlmSummary {

    private final List<String> names;
    private final double[] estimates;
    private final double[] stdErrors; // null when not available
    private final boolean[] aliased;
    private final double deviance;
    private final double nullDeviance;
    private final int rows;
    private final int iterations;
    private final boolean converged;
    private final List<String> warnings;

    /**
     * @param aliased null, or true for coefficients not defined because of singularities (R's NA):
     *                their estimate and standard error are NaN here, null in JSON, "NA" in the table
     */
    GlmSummary(List<String> names, double[] estimates, double[] stdErrors, boolean[] aliased, double deviance,
               double nullDeviance, int rows, int iterations, boolean converged, List<String> warnings) {
        this.names = List.copyOf(names);
        this.estimates = estimates.clone();
        this.stdErrors = stdErrors == null ? null : stdErrors.clone();
        this.aliased = aliased == null ? new boolean[estimates.length] : aliased.clone();
        for (int j = 0; j < this.aliased.length; j++) {
            if (this.aliased[j]) {
                this.estimates[j] = Double.NaN;
                if (this.stdErrors != null) {
                    this.stdErrors[j] = Double.NaN;
                }
            }
        }
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

    public double[] estimates() {
        return estimates.clone();
    }

    public boolean hasStandardErrors() {
        return stdErrors != null;
    }

    /** Standard errors (intercept first), or null when {@link #hasStandardErrors()} is false. */
    public double[] stdErrors() {
        return stdErrors == null ? null : stdErrors.clone();
    }

    /** Wald z = estimate / SE, or null. */
    public double[] zValues() {
        if (stdErrors == null) {
            return null;
        }
        double[] z = new double[estimates.length];
        for (int j = 0; j < z.length; j++) {
            z[j] = estimates[j] / stdErrors[j];
        }
        return z;
    }

    /** Two-sided p-values P(|Z| ≥ |z|), or null. */
    public double[] pValues() {
        double[] z = zValues();
        if (z == null) {
            return null;
        }
        double[] p = new double[z.length];
        for (int j = 0; j < p.length; j++) {
            p[j] = Normal.twoSidedP(z[j]);
        }
        return p;
    }

    public double deviance() {
        return deviance;
    }

    public double nullDeviance() {
        return nullDeviance;
    }

    public double logLikelihood() {
        return -0.5 * deviance;
    }

    /** True for the coefficients not defined because of singularities (R's NA). */
    public boolean[] aliased() {
        return aliased.clone();
    }

    /** Number of estimated (non-aliased) coefficients: R's rank. */
    public int rank() {
        int r = 0;
        for (boolean a : aliased) {
            r += a ? 0 : 1;
        }
        return r;
    }

    public double aic() {
        return deviance + 2.0 * rank();
    }

    public int dfResidual() {
        return rows - rank();
    }

    public int dfNull() {
        return rows - 1;
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

    /**
     * The JSON-able form (the schema of {@code sigmoid4j summary --json}): {@code coefficients}
     * (list of {name, estimate, std_error, z, p}), {@code deviance}, {@code null_deviance},
     * {@code aic}, {@code log_likelihood}, {@code iterations}, {@code converged}, {@code warnings}.
     * Unavailable statistics are null.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        double[] z = zValues();
        double[] p = pValues();
        List<Object> coefs = new ArrayList<>();
        for (int j = 0; j < estimates.length; j++) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", names.get(j));
            c.put("estimate", aliased[j] ? null : estimates[j]);
            c.put("std_error", stdErrors == null || aliased[j] ? null : stdErrors[j]);
            c.put("z", z == null || aliased[j] ? null : z[j]);
            c.put("p", p == null || aliased[j] ? null : p[j]);
            coefs.add(c);
        }
        m.put("coefficients", coefs);
        m.put("deviance", deviance);
        m.put("null_deviance", nullDeviance);
        m.put("aic", aic());
        m.put("log_likelihood", logLikelihood());
        m.put("iterations", iterations);
        m.put("converged", converged);
        m.put("warnings", new ArrayList<Object>(warnings));
        return m;
    }

    /** An R-like coefficient table with the deviance lines and the warnings. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        int w = "(Intercept)".length();
        for (String n : names) {
            w = Math.max(w, n.length());
        }
        double[] z = zValues();
        double[] p = pValues();
        int undefined = estimates.length - rank();
        sb.append(undefined == 0 ? "Coefficients:\n"
                : "Coefficients: (" + undefined + " not defined because of singularities)\n");
        if (z != null) {
            sb.append(String.format(Locale.ROOT, "%-" + w + "s %12s %12s %9s %10s%n", "", "Estimate", "Std. Error", "z value", "Pr(>|z|)"));
        } else {
            sb.append(String.format(Locale.ROOT, "%-" + w + "s %12s%n", "", "Estimate"));
        }
        for (int j = 0; j < estimates.length; j++) {
            if (aliased[j]) {
                sb.append(String.format(Locale.ROOT, "%-" + w + "s %12s%s%n", names.get(j), "NA",
                        z != null ? String.format(Locale.ROOT, " %12s %9s %10s", "NA", "NA", "NA") : ""));
            } else if (z != null) {
                sb.append(String.format(Locale.ROOT, "%-" + w + "s %12.5g %12.5g %9.3f %10s %s%n", names.get(j),
                        estimates[j], stdErrors[j], z[j], formatP(p[j]), stars(p[j])));
            } else {
                sb.append(String.format(Locale.ROOT, "%-" + w + "s %12.5g%n", names.get(j), estimates[j]));
            }
        }
        if (z != null) {
            sb.append("---\nSignif. codes:  0 '***' 0.001 '**' 0.01 '*' 0.05 '.' 0.1 ' ' 1\n");
        } else {
            sb.append("(no standard errors: they exist only for unpenalised fits with a finite maximum-likelihood estimate)\n");
        }
        sb.append('\n');
        sb.append(String.format(Locale.ROOT, "    Null deviance: %.4f  on %d  degrees of freedom%n", nullDeviance, dfNull()));
        sb.append(String.format(Locale.ROOT, "Residual deviance: %.4f  on %d  degrees of freedom%n", deviance, dfResidual()));
        sb.append(String.format(Locale.ROOT, "AIC: %.4f%n", aic()));
        sb.append(String.format(Locale.ROOT, "Log-likelihood: %.4f%n", logLikelihood()));
        sb.append(String.format(Locale.ROOT, "%nNumber of iterations: %d (%s)%n", iterations, converged ? "converged" : "NOT converged"));
        for (String warning : warnings) {
            sb.append("Warning: ").append(warning).append('\n');
        }
        return sb.toString();
    }

    private static String formatP(double p) {
        return p < 2e-16 ? "< 2e-16" : String.format(Locale.ROOT, "%.3g", p);
    }

    private static String stars(double p) {
        return p < 0.001 ? "***" : p < 0.01 ? "**" : p < 0.05 ? "*" : p < 0.1 ? "." : "";
    }
}
