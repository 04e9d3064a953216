package org.sigmoid4j.lr;

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
public final class GlmSummary extends FitSummary {

    /**
     * @param aliased null, or true for coefficients not defined because of singularities (R's NA):
     *                their estimate and standard error are NaN here, null in JSON, "NA" in the table
     */
    GlmSummary(List<String> names, double[] estimates, double[] stdErrors, boolean[] aliased, double deviance,
               double nullDeviance, int rows, int iterations, boolean converged, List<String> warnings) {
        super(names, estimates, stdErrors, aliased, deviance, nullDeviance, rows, iterations, converged, warnings);
    }

    public int dfResidual() {
        return rows - rank();
    }

    public int dfNull() {
        return rows - 1;
    }

    /**
     * The JSON-able form (the schema of {@code sigmoid4j summary --json}): {@code coefficients}
     * (list of {name, estimate, std_error, z, p}), {@code deviance}, {@code null_deviance},
     * {@code aic}, {@code log_likelihood}, {@code iterations}, {@code converged}, {@code warnings}.
     * Unavailable statistics are null.
     */
    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("coefficients", coefficientList((c, j) -> c.put("name", names.get(j))));
        putTail(m);
        return m;
    }

    /** An R-like coefficient table with the deviance lines and the warnings. */
    @Override
    public String format() {
        StringBuilder sb = new StringBuilder();
        int w = nameWidth();
        int undefined = table.size() - rank();
        sb.append(undefined == 0 ? "Coefficients:\n"
                : "Coefficients: (" + undefined + " not defined because of singularities)\n");
        sb.append(table.header(w));
        for (int j = 0; j < table.size(); j++) {
            sb.append(table.row(w, names.get(j), j));
        }
        sb.append(table.footer());
        sb.append('\n');
        sb.append(String.format(Locale.ROOT, "    Null deviance: %.4f  on %d  degrees of freedom%n", nullDeviance(), dfNull()));
        sb.append(String.format(Locale.ROOT, "Residual deviance: %.4f  on %d  degrees of freedom%n", deviance(), dfResidual()));
        appendTail(sb);
        return sb.toString();
    }
}
