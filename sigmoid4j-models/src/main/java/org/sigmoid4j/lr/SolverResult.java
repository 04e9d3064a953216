package org.sigmoid4j.lr;

/**
 * What a solver returns: the parameters, the iterations used, whether the stopping rule was met,
 * the final (pseudo-)gradient norm ‖∇F‖₂ and the same relative to the starting point's, the
 * objective F and, when it stopped early, why.
 */
record SolverResult(double[] theta, int iterations, boolean converged, double gradientNorm,
                    double relativeGradientNorm, double objective, String message) {}
