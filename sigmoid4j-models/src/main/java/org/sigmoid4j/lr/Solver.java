package org.sigmoid4j.lr;

/**
 * The optimisers. Each stops when the relative gradient norm ‖∇F(θ)‖₂ / ‖∇F(θ₀)‖₂ (θ₀ = 0; with
 * L1 the minimum-norm subgradient) reaches the tolerance.
 */
public enum Solver {
    /**
     * Picks for you. {@link #NEWTON} when there is no L1 term, at most
     * {@link LogisticRegression#NEWTON_MAX_PARAMETERS} parameters and one exact Hessian costs at most
     * {@link LogisticRegression#NEWTON_MAX_WORK} (rows × parameters²) multiply-adds: it converges
     * quadratically, so it reaches the exact optimum in a handful of passes, and it gives the
     * standard errors' matrix for free. Otherwise {@link #LBFGS} (OWL-QN with L1); for large binary
     * problems without L1 (up to {@link LogisticRegression#PRECONDITION_MAX_PARAMETERS} parameters)
     * its initial inverse Hessian is the inverse of an exact Hessian of every (p/4)-th row, p the
     * parameter count, computed at the start and the first two iterates in the same passes as the
     * gradient: about one extra pass's work each, and the first steps become near-Newton steps.
     * This is the fastest way we measured to a relative gradient of 1e-9 on 1,000,000 × 100
     * ({@code sigmoid4j bench lr}).
     */
    AUTO,
    /** Batch gradient descent, fixed step ({@code learningRate}) or backtracking (default). Proximal with L1. */
    GD,
    /** Mini-batch SGD: seeded shuffling, step η₀/√(1+epoch) or constant, iterate averaging; proximal with L1. */
    SGD,
    /** Limited-memory BFGS (memory 10) with a Wolfe line search; OWL-QN with an L1 term. */
    LBFGS,
    /** Newton / IRLS with the exact Hessian, Cholesky and backtracking. Not with L1. */
    NEWTON
}
