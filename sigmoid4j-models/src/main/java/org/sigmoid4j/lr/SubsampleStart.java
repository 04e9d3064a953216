package org.sigmoid4j.lr;

/**
 * Warm start for large binary L-BFGS fits: fit one block of rows in ten first, then continue on
 * all rows from that solution with the curvature pairs it learned.
 *
 * <p>Why: a pass over a large data set is memory bound (1,000,000 × 100 doubles are 800 MB, read
 * once per gradient), and a cold L-BFGS spends its first two or three passes in the nonlinear
 * phase far from the optimum. The subsample fit does that phase at a tenth of the cost; its
 * solution differs from the full one only by sampling noise (a relative gradient of a few
 * percent), where the loss is nearly quadratic and its pairs, with the loss scaled to the full
 * weight, already describe the full Hessian. On the {@code bench lr} problem the fit then takes 6
 * iterations on all rows instead of 8; with the subsample's own cost (about 0.7 of a pass) and
 * the first pass's second gradient, that is about 7.9 pass-equivalents instead of 9.
 *
 * <p>The result is the same optimum to the same tolerance: the stopping rule still divides by the
 * gradient norm at θ = 0, computed in the first full pass alongside the gradient at the warm
 * point. The subsample is a fixed set of blocks, so fits stay bit-identical whatever the thread
 * count. Used only with an L2 penalty and no L1 term (a subsample of separable or nearly
 * separable data would give an unpenalised fit no finite optimum to start from).
 */
final class SubsampleStart {

    /** Fewer rows than this: a full pass is cheap and the subsample too small to help. */
    static final int MIN_ROWS = 200_000;
    /**
     * One block in this many is kept. One in 6, 8, 12, 16 or 20 moved the count of full iterations
     * between 5 and 7 depending on the data seed; one in ten gave 6 on every seed tried (5 or 6
     * with 1024-row blocks), one in 30 gave 7.
     */
    private static final int EVERY = 10;
    /** Rows per block: {@link BinaryObjective}'s view reads the blocks in place. */
    private static final int BLOCK = BinaryObjective.VIEW_BLOCK;
    /**
     * The subsample fit stops at this relative gradient. Its sampling error is larger, but the
     * extra iteration or two (on a tenth of the rows) leave better curvature pairs: on the bench
     * problem the first full step then gains 30× instead of 7× (tried 1e-2 … 1e-6).
     */
    private static final double SUBSAMPLE_TOLERANCE = 1e-4;
    private static final int SUBSAMPLE_MAX_ITERATIONS = 100;

    private SubsampleStart() {}

    /** Rows in the subsample of n rows. */
    static int rows(int n) {
        return BinaryObjective.viewRows(n, EVERY);
    }

    static boolean applies(int n, int d, Penalty penalty) {
        // the subsample's sampling error shrinks like sqrt(parameters / rows): below about 500 rows
        // per parameter its solution is too rough to save the passes it costs
        return n >= MIN_ROWS && penalty.l1Weight() == 0 && penalty.l2Weight() > 0
                && (long) n / EVERY >= 500L * (d + 1);
    }

    /**
     * Fits {@code full} by L-BFGS from the subsample solution; null when the subsample holds one
     * class only or its solution is no better than θ = 0 (then the caller starts cold).
     *
     * <p>x, y and s are the full data as {@code full} holds them (row-major x, labels 0/1, weights or
     * null); {@code dataCheck} names a non-finite value if the subsample's first evaluation meets one.
     */
    static SolverResult fit(BinaryObjective full, double[] x, int n, int d, double[] y, double[] s, int threads,
                            double tol, int maxIter, int memory, Runnable dataCheck) {
        double[] w01 = new double[2];
        for (int from = 0; from < n; from += EVERY * BLOCK) {
            LogisticRegression.addClassWeights(y, s, from, Math.min(n, from + BLOCK), w01);
        }
        double w0 = w01[0], w1 = w01[1];
        if (!(w1 > 0 && w0 > 0)) {
            return null;
        }
        int p = d + 1;
        // the subsample's loss scaled to the full weight: same penalty balance, same curvature scale
        double scale = full.totalWeight() / (w0 + w1);
        Solvers.Memory pairs = new Solvers.Memory(memory, p);
        SolverResult sub;
        try (BinaryObjective part = new BinaryObjective(x, n, d, y, s, full.c * scale, full.l2, 0, threads, EVERY)) {
            part.checkDataOnFirstEvaluation(dataCheck);
            sub = Solvers.lbfgs(part, new double[p], null, SUBSAMPLE_TOLERANCE, SUBSAMPLE_MAX_ITERATIONS, pairs);
        }
        double[] theta = sub.theta();
        double[] g = new double[p];
        double[] gAtZero = new double[p];
        long t0 = System.nanoTime();
        double f = full.evaluateWithGradientAtZero(theta, g, gAtZero);
        if (Solvers.TRACE) {
            System.err.printf("subsample start: %d rows, %d iterations; first full pass %.1f ms%n", rows(n), sub.iterations(),
                    (System.nanoTime() - t0) / 1e6);
        }
        // F(0) = C·Σ sᵢ·log 2: every margin is 0 there
        if (!(f < full.c * full.totalWeight() * Math.log(2))) {
            return null;
        }
        Solvers.Start start = new Solvers.Start(f, g, Solvers.norm2(gAtZero));
        return Solvers.lbfgs(full, theta, start, tol, maxIter, pairs);
    }
}
