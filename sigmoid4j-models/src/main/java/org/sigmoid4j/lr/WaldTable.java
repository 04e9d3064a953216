package org.sigmoid4j.lr;

import java.util.Locale;
import java.util.Map;

/**
 * Estimates with Wald standard errors, z values and two-sided normal p-values, and R's NA for
 * aliased coefficients (not defined because of singularities): the part {@link GlmSummary} and
 * {@link MultinomialSummary} share. Aliased entries are NaN here, null in JSON and "NA" in tables.
 */
final class WaldTable {

    private final double[] estimates;
    private final double[] stdErrors; // null when not available
    private final boolean[] aliased;

    WaldTable(double[] estimates, double[] stdErrors, boolean[] aliased) {
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
    }

    int size() {
        return estimates.length;
    }

    double[] estimates() {
        return estimates.clone();
    }

    boolean hasStandardErrors() {
        return stdErrors != null;
    }

    double[] stdErrors() {
        return stdErrors == null ? null : stdErrors.clone();
    }

    boolean[] aliased() {
        return aliased.clone();
    }

    double[] zValues() {
        if (stdErrors == null) {
            return null;
        }
        double[] z = new double[estimates.length];
        for (int j = 0; j < z.length; j++) {
            z[j] = estimates[j] / stdErrors[j];
        }
        return z;
    }

    double[] pValues() {
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

    /** Number of estimated (non-aliased) coefficients: R's rank. */
    int rank() {
        int r = 0;
        for (boolean a : aliased) {
            r += a ? 0 : 1;
        }
        return r;
    }

    /** Entry j's estimate, std_error, z and p into a JSON map (null where unavailable or aliased). */
    void put(Map<String, Object> c, int j) {
        double[] z = zValues();
        double[] p = pValues();
        c.put("estimate", aliased[j] ? null : estimates[j]);
        c.put("std_error", stdErrors == null || aliased[j] ? null : stdErrors[j]);
        c.put("z", z == null || aliased[j] ? null : z[j]);
        c.put("p", p == null || aliased[j] ? null : p[j]);
    }

    /** The column headings of a table whose name column is {@code w} wide. */
    String header(int w) {
        return stdErrors != null
                ? String.format(Locale.ROOT, "%-" + w + "s %12s %12s %9s %10s%n", "", "Estimate", "Std. Error", "z value", "Pr(>|z|)")
                : String.format(Locale.ROOT, "%-" + w + "s %12s%n", "", "Estimate");
    }

    /** Row j of the table, labelled {@code name}. */
    String row(int w, String name, int j) {
        if (aliased[j]) {
            return String.format(Locale.ROOT, "%-" + w + "s %12s%s%n", name, "NA",
                    stdErrors != null ? String.format(Locale.ROOT, " %12s %9s %10s", "NA", "NA", "NA") : "");
        }
        if (stdErrors == null) {
            return String.format(Locale.ROOT, "%-" + w + "s %12.5g%n", name, estimates[j]);
        }
        double z = estimates[j] / stdErrors[j];
        double p = Normal.twoSidedP(z);
        return String.format(Locale.ROOT, "%-" + w + "s %12.5g %12.5g %9.3f %10s %s%n", name, estimates[j], stdErrors[j], z,
                formatP(p), stars(p));
    }

    /** The line under the table: the significance codes, or why there are no standard errors. */
    String footer() {
        return stdErrors != null ? "---\nSignif. codes:  0 '***' 0.001 '**' 0.01 '*' 0.05 '.' 0.1 ' ' 1\n"
                : "(no standard errors: they exist only for unpenalised fits with a finite maximum-likelihood estimate)\n";
    }

    private static String formatP(double p) {
        return p < 2e-16 ? "< 2e-16" : String.format(Locale.ROOT, "%.3g", p);
    }

    private static String stars(double p) {
        return p < 0.001 ? "***" : p < 0.01 ? "**" : p < 0.05 ? "*" : p < 0.1 ? "." : "";
    }
}
