package org.sigmoid4j.lr;

/** Whether the classes of a binary problem are linearly separable (then no finite MLE exists). */
public enum Separation {
    /** Not checked (penalised or multinomial fits, where a finite optimum always exists). */
    NOT_CHECKED,
    /** Not separable: the maximum-likelihood estimate exists. */
    NONE,
    /** Some hyperplane has every row on its class's side or on the plane, not all strictly. */
    QUASI_COMPLETE,
    /** Some hyperplane has every row strictly on its class's side. */
    COMPLETE;

    /** "not_checked", "none", "quasi_complete" or "complete". */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
