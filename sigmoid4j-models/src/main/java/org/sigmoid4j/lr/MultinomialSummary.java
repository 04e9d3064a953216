package org.sigmoid4j.lr;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * R-style statistics of an unpenalised multinomial fit, as {@code summary(nnet::multinom(...))}
 * gives them: the first class is the baseline, and for every other class k the coefficients are
 * the contrasts βₖ − β₀ (which the softmax identifies; βₖ alone is not), with Wald standard errors
 * from the inverse Fisher information of those contrasts, z values and two-sided p-values
 * (normal). Estimates are on the original feature scale. Coefficients not defined because of
 * singularities (constant or linearly dependent features) are NaN here, null in JSON and "NA"
 * in the table, as in {@link GlmSummary}.
 */
public final class MultinomialSummary extends FitSummary {

    private final List<String> classes;

    /**
     * @param classes  all K class names, the baseline first
     * @param names    "(Intercept)" then the feature names: the columns of every class's block
     */
    MultinomialSummary(List<String> classes, List<String> names, double[] estimates, double[] stdErrors, boolean[] aliased,
                       double deviance, double nullDeviance, int rows, int iterations, boolean converged, List<String> warnings) {
        super(names, estimates, stdErrors, aliased, deviance, nullDeviance, rows, iterations, converged, warnings);
        this.classes = List.copyOf(classes);
    }

    /** All class names, the baseline first. */
    public List<String> classes() {
        return classes;
    }

    public int rows() {
        return rows;
    }

    /**
     * The JSON-able form: {@code baseline}, {@code coefficients} (a list of {class, name,
     * estimate, std_error, z, p}: the contrasts βₖ − β₀ of {@link #estimates()}, class by class),
     * {@code deviance}, {@code null_deviance}, {@code aic}, {@code log_likelihood},
     * {@code iterations}, {@code converged}, {@code warnings}; unavailable statistics are null.
     */
    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        int block = names.size();
        m.put("baseline", classes.get(0));
        m.put("coefficients", coefficientList((c, j) -> {
            c.put("class", classes.get(1 + j / block));
            c.put("name", names.get(j % block));
        }));
        putTail(m);
        return m;
    }

    /** One R-like coefficient table per non-baseline class, then the deviance lines and the warnings. */
    @Override
    public String format() {
        StringBuilder sb = new StringBuilder();
        int w = nameWidth();
        int block = names.size();
        int undefined = table.size() - rank();
        sb.append("Multinomial logit, baseline class ").append(classes.get(0))
                .append(undefined == 0 ? "" : " (" + undefined + " coefficients not defined because of singularities)").append('\n');
        for (int k = 1; k < classes.size(); k++) {
            sb.append(String.format(Locale.ROOT, "%nClass %s vs %s:%n", classes.get(k), classes.get(0)));
            sb.append(table.header(w));
            for (int c = 0; c < block; c++) {
                sb.append(table.row(w, names.get(c), (k - 1) * block + c));
            }
        }
        sb.append(table.footer());
        sb.append('\n');
        sb.append(String.format(Locale.ROOT, "Residual deviance: %.4f%n", deviance()));
        sb.append(String.format(Locale.ROOT, "    Null deviance: %.4f%n", nullDeviance()));
        appendTail(sb);
        return sb.toString();
    }
}
