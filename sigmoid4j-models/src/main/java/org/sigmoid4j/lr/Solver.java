package org.sigmoid4j.lr;

/**
 * The optimisers. Each stops when the relative gradient norm ‖∇F(θ)‖₂ / ‖∇F(θ₀)‖₂ (θ₀ = 0; with
 * L1 the minimum-norm subgradient) reaches the tolerance.
 */
public enum Solver {
    /**
     * Picks for you: {@link #NEWTON} when there is no L1 term and the parameter count is at most
     * {@link LogisticRegression#NEWTON_MAX_PARAMETERS} (a Newton step costs n·p² for the Hessian,
     * but it converges quadratically, so it reaches the exact optimum in a handful of passes);
     * otherwise {@link #LBFGS} (OWL-QN with an L1 term).
     */
    AUTO,
    /** Batch gradient descent, fixed step ({@code learningRate}) or backtracking (default). Proximal with L1. */
    GD,
    /** Mini-batch SGD: seeded shuffling, step η₀/(1+epoch) or constant, iterate averaging; proximal with L1. */
    SGD,
    /** Limited-memory BFGS (memory 10) with a Wolfe line search; OWL-QN with an L1 term. */
    LBFGS,
    /** Newton / IRLS with the exact Hessian, Cholesky and backtracking. Not with L1. */
    NEWTON
}
