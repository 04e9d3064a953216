package org.sigmoid4j.lr;

/**
 * Told how a fit progresses: after each iteration on all rows (each epoch for SGD), on the thread
 * that runs the fit. The relative gradient norm falls from 1 towards the tolerance, so
 * log(relative) / log(tolerance) is a fair measure of the work done (the CLI draws its progress
 * bar from it).
 */
@FunctionalInterface
public interface FitListener {

    /**
     * @param iteration            1, 2, … (a warm start's subsample iterations are not reported)
     * @param relativeGradientNorm ‖∇F‖ / ‖∇F(0)‖ at the new iterate (the best one so far for SGD)
     * @param tolerance            where the solver stops
     */
    void iteration(int iteration, double relativeGradientNorm, double tolerance);
}
