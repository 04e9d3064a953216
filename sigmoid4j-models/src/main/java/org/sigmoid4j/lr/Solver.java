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
     * quadratically, so it reaches the exact optimum in a handful of passes whatever the scaling of
     * the features. Otherwise {@link #LBFGS} (OWL-QN with L1): one pass over the data per
     * iteration. Measured on 1,000,000 × 100 ({@code sigmoid4j bench lr}, one thread, CPU time):
     * exact Newton reaches a relative gradient of 1e-9 in 4 iterations but its 5 Hessians cost
     * about 3.5 s, while L-BFGS needs 8 iterations of one gradient pass each, about 0.5 s; an
     * L-BFGS preconditioned by a subsampled Hessian was measured too and was not faster.
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
