package org.sigmoid4j.lr;

import java.util.List;

/**
 * How a fit went.
 *
 * @param solver              the solver that ran (AUTO resolved)
 * @param iterations          iterations (epochs for SGD)
 * @param converged           whether the relative gradient norm reached {@code tolerance}
 * @param gradientNorm        final ‖∇F‖₂ (minimum-norm subgradient with L1), F in the C form
 * @param relativeGradientNorm gradientNorm / ‖∇F(0)‖₂
 * @param tolerance           the stopping tolerance on the relative gradient norm
 * @param objective           final F in the C form (see {@link Penalty})
 * @param effectiveC          the C that was used (from λ when given in the λ form)
 * @param separation          the separation check's verdict (binary unpenalised fits)
 * @param warnings            plain-language warnings (non-convergence, separation, …); empty if none
 * @param warmStartRows       rows of the subsample whose fit the solver started from
 *                            ({@link LogisticRegression.Builder#subsampleStart}); 0 when it started at θ = 0.
 *                            {@code iterations} counts the iterations on all rows only.
 */
public record FitReport(Solver solver, int iterations, boolean converged, double gradientNorm,
                        double relativeGradientNorm, double tolerance, double objective, double effectiveC,
                        Separation separation, List<String> warnings, int warmStartRows) {

    public FitReport {
        warnings = List.copyOf(warnings);
    }

    /** A fit that started at θ = 0. */
    public FitReport(Solver solver, int iterations, boolean converged, double gradientNorm,
                     double relativeGradientNorm, double tolerance, double objective, double effectiveC,
                     Separation separation, List<String> warnings) {
        this(solver, iterations, converged, gradientNorm, relativeGradientNorm, tolerance, objective, effectiveC,
                separation, warnings, 0);
    }
}
