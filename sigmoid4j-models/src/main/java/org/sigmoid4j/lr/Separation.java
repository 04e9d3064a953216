package org.sigmoid4j.lr;

/** Whether the classes are linearly separable (then no finite MLE exists); checked for unpenalised fits. */
public enum Separation {
    /**
     * Not checked: penalised fits (a finite optimum always exists), or a large multinomial fit
     * whose quasi-complete separation could not be ruled out (its warnings say so).
     */
    NOT_CHECKED,
    /** Not separable: the maximum-likelihood estimate exists. */
    NONE,
    /** Some hyperplane (for K classes: some coefficients) has every row on its class's side or on the boundary, not all strictly. */
    QUASI_COMPLETE,
    /** Some hyperplane (for K classes: some coefficients) puts every row strictly on its class's side. */
    COMPLETE;

    /** "not_checked", "none", "quasi_complete" or "complete". */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
