package org.sigmoid4j.lr;

/**
 * A penalised logistic-regression objective in the C form, as the solvers see it:
 *
 * <pre>
 *   F(θ) = C · Σᵢ sᵢ · lossᵢ(θ)  +  l2 · ½‖w‖²  +  l1 · ‖w‖₁  (+ a gauge term, see below)
 * </pre>
 *
 * where sᵢ are the (sample × class) weights and w are the non-intercept coefficients (intercepts
 * are never penalised). The smooth part (everything but the L1 term) is what {@link #evaluate}
 * returns; the L1 term is handled by the solvers (OWL-QN, proximal steps) through {@link #l1()}
 * and {@link #penalised(int)}.
 *
 * <p>Gauge: softmax is invariant under adding one constant to all intercepts (and, without a
 * penalty, one vector to all class coefficient rows). The multinomial objective adds
 * ½·(Σₖ bₖ)² (and, unpenalised, ½·Σⱼ(Σₖ Wₖⱼ)²), which is zero at the centred optimum and does not
 * change the minimum value, but makes the optimum unique and the Hessian positive definite.
 */
abstract class Objective implements AutoCloseable {

    final double c;
    final double l2;
    final double l1;

    Objective(double c, double l2, double l1) {
        this.c = c;
        this.l2 = l2;
        this.l1 = l1;
    }

    /** Number of parameters. */
    abstract int dim();

    /** Number of training rows. */
    abstract int rows();

    /** True when coordinate {@code j} is a penalised (non-intercept) coefficient. */
    abstract boolean penalised(int j);

    /**
     * Run (once) when the first evaluation is not finite; see {@link #checkDataOnFirstEvaluation}.
     * Only the thread running the solver touches it.
     */
    private Runnable dataCheck;

    /**
     * Validates the data through the first evaluation instead of a separate pass over it: with
     * finite data F and its gradient are finite at the all-zero start every solver uses, while a
     * non-finite value x makes every margin it enters NaN (x·0) or infinite, and so the loss or
     * the gradient (x·r) non-finite. Only then is {@code check} run, to find and name the value
     * (it throws). On the 1,000,000 × 100 benchmark a separate scan cost as much as one gradient.
     */
    final void checkDataOnFirstEvaluation(Runnable check) {
        this.dataCheck = check;
    }

    private FitListener listener;

    private double tolerance;

    /** Reports every solver iteration to {@code l} (may be null); the solver stops at {@code tol}. */
    final void listen(FitListener l, double tol) {
        this.listener = l;
        this.tolerance = tol;
    }

    /** Called by the solvers after each iteration. */
    final void iterationDone(int iteration, double relativeGradientNorm) {
        if (listener != null) {
            listener.iteration(iteration, relativeGradientNorm, tolerance);
        }
    }

    /** Smooth part of F at {@code t}; fills {@code grad} when it is not null. */
    final double evaluate(double[] t, double[] grad) {
        return evaluate(t, grad, null);
    }

    /** Smooth part of F, its gradient and its Hessian (dense, row-major, dim × dim). */
    final double evaluate(double[] t, double[] grad, double[] hess) {
        return checked(compute(t, grad, hess), grad);
    }

    /** Runs the pending data check (see {@link #checkDataOnFirstEvaluation}) on a first evaluation. */
    final double checked(double f, double[] grad) {
        Runnable check = dataCheck;
        if (check != null) {
            dataCheck = null;
            if (!Double.isFinite(f) || (grad != null && !Solvers.finite(grad))) {
                check.run();
            }
        }
        return f;
    }

    /** {@link #evaluate(double[], double[], double[])} without the data check. */
    abstract double compute(double[] t, double[] grad, double[] hess);

    /**
     * C·Σ sᵢ lossᵢ over the rows {@code idx[from..to)} only, its gradient added into
     * {@code grad} (no penalty): the mini-batch gradient for SGD.
     */
    abstract double batchLoss(double[] t, int[] idx, int from, int to, double[] grad);

    /** Σ sᵢ over all rows. */
    abstract double totalWeight();

    /** l1·‖w‖₁ (zero without an L1 term). */
    final double l1Term(double[] t) {
        if (l1 == 0) {
            return 0;
        }
        double s = 0;
        for (int j = 0; j < t.length; j++) {
            if (penalised(j)) {
                s += Math.abs(t[j]);
            }
        }
        return l1 * s;
    }

    /** The full objective F (smooth part plus L1 term). */
    final double value(double[] t) {
        return evaluate(t, null) + l1Term(t);
    }

    @Override
    public void close() {}
}
