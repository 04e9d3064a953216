package org.sigmoid4j.lr;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The optimisers. All minimise an {@link Objective} and stop when the relative gradient norm
 * ‖∇F(θ)‖₂ / ‖∇F(θ₀)‖₂ falls to {@code tol} (with an L1 term, ∇F is the minimum-norm subgradient,
 * the "pseudo-gradient" of OWL-QN), or after {@code maxIter} iterations, or when the line search can
 * no longer decrease F at rounding level. None of them returns non-finite parameters: a step that
 * would produce one is rejected.
 */
final class Solvers {

    private Solvers() {}

    /** -Dsigmoid4j.lr.trace=true prints each iteration and line-search trial to stderr. */
    static final boolean TRACE = Boolean.getBoolean("sigmoid4j.lr.trace");

    private static final double C1 = 1e-4;
    private static final double C2 = 0.9;

    static double norm2(double[] v) {
        double s = 0;
        for (double e : v) {
            s += e * e;
        }
        return Math.sqrt(s);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static boolean finite(double[] v) {
        for (double e : v) {
            if (!Double.isFinite(e)) {
                return false;
            }
        }
        return true;
    }

    /** Minimum-norm subgradient of F = smooth + l1·‖w‖₁ (equals the gradient without L1). */
    static void pseudoGradient(Objective obj, double[] t, double[] g, double[] pg) {
        double l1 = obj.l1;
        for (int j = 0; j < t.length; j++) {
            if (l1 == 0 || !obj.penalised(j)) {
                pg[j] = g[j];
            } else if (t[j] > 0) {
                pg[j] = g[j] + l1;
            } else if (t[j] < 0) {
                pg[j] = g[j] - l1;
            } else if (g[j] + l1 < 0) {
                pg[j] = g[j] + l1;
            } else if (g[j] - l1 > 0) {
                pg[j] = g[j] - l1;
            } else {
                pg[j] = 0;
            }
        }
    }

    private static double scale(double g0) {
        return g0 > 0 ? g0 : 1.0;
    }

    // ------------------------------------------------------------------ Newton

    /**
     * Newton's method with the exact Hessian (IRLS for the logistic loss), solved by Cholesky,
     * with a backtracking (Armijo) line search; a singular Hessian gets a growing ridge. No L1.
     */
    static SolverResult newton(Objective obj, double[] t0, double tol, int maxIter) {
        if (obj.l1 != 0) {
            throw new IllegalArgumentException("Newton does not handle an L1 penalty; use LBFGS (OWL-QN), GD or SGD");
        }
        int p = obj.dim();
        double[] t = t0.clone();
        double[] g = new double[p];
        double[] h = new double[p * p];
        double f = obj.evaluate(t, g, h);
        double g0 = scale(norm2(g));
        double gn = norm2(g);
        double[] dir = new double[p];
        double[] trial = new double[p];
        double[] l = new double[p * p];
        int it = 0;
        String message = null;
        while (gn > tol * g0) {
            if (it >= maxIter) {
                message = "reached the iteration limit (" + maxIter + ")";
                break;
            }
            it++;
            if (!solveRidged(h, g, dir, l, p)) {
                message = "the Hessian could not be factorised";
                break;
            }
            double slope = dot(g, dir);
            double step = 1.0;
            double fNew = Double.NaN;
            boolean accepted = false;
            for (int ls = 0; ls < 60; ls++) {
                for (int j = 0; j < p; j++) {
                    trial[j] = t[j] + step * dir[j];
                }
                if (finite(trial)) {
                    fNew = obj.evaluate(trial, null);
                    if (Double.isFinite(fNew)
                            && (fNew <= f + C1 * step * slope || Math.abs(fNew - f) <= 1e-14 * Math.abs(f))) {
                        accepted = true;
                        break;
                    }
                }
                step *= 0.5;
            }
            if (!accepted) {
                message = "the line search could not decrease the objective (rounding level)";
                break;
            }
            System.arraycopy(trial, 0, t, 0, p);
            f = obj.evaluate(t, g, h);
            gn = norm2(g);
            obj.iterationDone(it, gn / g0);
            double stepNorm = 0;
            double tNorm = 0;
            for (int j = 0; j < p; j++) {
                stepNorm = Math.max(stepNorm, Math.abs(step * dir[j]));
                tNorm = Math.max(tNorm, Math.abs(t[j]));
            }
            if (gn > tol * g0 && stepNorm <= 1e-15 * (1 + tNorm)) {
                message = "the steps reached rounding level before the gradient met the tolerance";
                break;
            }
        }
        boolean converged = gn <= tol * g0;
        return new SolverResult(t, it, converged, gn, gn / g0, f, converged ? null : message);
    }

    /**
     * Solves H·dir = −g by Cholesky; if H is not numerically positive definite, adds a ridge
     * μ·mean(diag H)·I with μ = 1e-12, 1e-10, … until it is.
     */
    static boolean solveRidged(double[] h, double[] g, double[] dir, double[] l, int p) {
        if (!factorRidged(h, l, p)) {
            return false;
        }
        for (int j = 0; j < p; j++) {
            dir[j] = -g[j];
        }
        Linalg.choleskySolve(l, p, dir);
        return finite(dir);
    }

    // ------------------------------------------------------------------ L-BFGS / OWL-QN

    /**
     * L-BFGS (memory {@code m}) with a Wolfe line search; with an L1 term it becomes OWL-QN
     * (Andrew and Gao 2007): pseudo-gradient, direction projected onto the descent orthant, and a
     * backtracking line search that keeps each coordinate in its orthant.
     */
    static SolverResult lbfgs(Objective obj, double[] t0, double tol, int maxIter, int m) {
        return lbfgs(obj, t0, null, tol, maxIter, new Memory(m, obj.dim()));
    }

    /**
     * L-BFGS curvature pairs (sⱼ, yⱼ), newest at {@code head − 1}: what one run leaves and another
     * can start from (a warm start from a fit on a subsample, whose pairs approximate the full
     * Hessian's curvature once its loss is scaled to the full weight).
     */
    static final class Memory {
        final double[][] s;
        final double[][] y;
        final double[] rho;
        int stored;
        int head;

        Memory(int m, int p) {
            s = new double[m][p];
            y = new double[m][p];
            rho = new double[m];
        }
    }

    /**
     * Where a warm-started L-BFGS run begins: F and its gradient at the start point, already
     * evaluated, and the norm the relative stopping rule divides by (the gradient norm at θ = 0,
     * as for a cold start, so the tolerance means the same).
     */
    record Start(double f, double[] grad, double referenceNorm) {}

    /**
     * L-BFGS from {@code t0}; {@code start} (or null) supplies F, ∇F and the reference norm there
     * (only without an L1 term). The run starts from the curvature pairs in {@code pairs} (none
     * when it is fresh) and leaves its final pairs there; its length is the memory.
     */
    static SolverResult lbfgs(Objective obj, double[] t0, Start start, double tol, int maxIter, Memory pairs) {
        int p = obj.dim();
        boolean owl = obj.l1 != 0;
        if (start != null && owl) {
            throw new IllegalArgumentException("a warm start needs a smooth objective (no L1 term)");
        }
        double[] t = t0.clone();
        double[] g = new double[p];
        double[] pg = new double[p];
        double f;
        if (start == null) {
            f = obj.evaluate(t, g) + obj.l1Term(t);
        } else {
            f = start.f();
            System.arraycopy(start.grad(), 0, g, 0, p);
        }
        pseudoGradient(obj, t, g, pg);
        double gn = norm2(pg);
        double g0 = start == null ? scale(gn) : scale(start.referenceNorm());
        Memory mem = pairs;
        int m = mem.rho.length;
        double[][] s = mem.s;
        double[][] yv = mem.y;
        double[] rho = mem.rho;
        double[] alpha = new double[m];
        int stored = mem.stored;
        int head = mem.head;
        double[] dir = new double[p];
        double[] tNew = new double[p];
        double[] gNew = new double[p];
        int it = 0;
        String message = null;
        while (gn > tol * g0) {
            if (it >= maxIter) {
                message = "reached the iteration limit (" + maxIter + ")";
                break;
            }
            it++;
            // two-loop recursion on the pseudo-gradient
            for (int j = 0; j < p; j++) {
                dir[j] = -pg[j];
            }
            for (int q = 0; q < stored; q++) {
                int idx = Math.floorMod(head - 1 - q, m);
                alpha[idx] = rho[idx] * dot(s[idx], dir);
                axpy(-alpha[idx], yv[idx], dir);
            }
            if (stored > 0) {
                int last = Math.floorMod(head - 1, m);
                double gamma = dot(s[last], yv[last]) / dot(yv[last], yv[last]);
                for (int j = 0; j < p; j++) {
                    dir[j] *= gamma;
                }
            }
            for (int q = stored - 1; q >= 0; q--) {
                int idx = Math.floorMod(head - 1 - q, m);
                double beta = rho[idx] * dot(yv[idx], dir);
                axpy(alpha[idx] - beta, s[idx], dir);
            }
            if (owl) {
                for (int j = 0; j < p; j++) {
                    if (dir[j] * pg[j] >= 0) {
                        dir[j] = 0;
                    }
                }
            }
            if (dot(dir, pg) >= 0) {
                stored = 0;
                for (int j = 0; j < p; j++) {
                    dir[j] = -pg[j];
                }
            }
            // without curvature pairs the direction is −g: its length says nothing about the step
            double step0 = stored == 0 ? Math.min(1.0, 1.0 / norm2(dir)) : 1.0;
            double fNew = owl
                    ? owlSearch(obj, t, f, pg, dir, step0, tNew, gNew)
                    : wolfeSearch(obj, t, f, g, dir, step0, tNew, gNew);
            if (Double.isNaN(fNew)) {
                if (stored > 0) {
                    stored = 0; // retry once along the steepest descent direction
                    it--;
                    continue;
                }
                message = "the line search could not decrease the objective (rounding level)";
                break;
            }
            double[] sNew = s[head];
            double[] yNew = yv[head];
            for (int j = 0; j < p; j++) {
                sNew[j] = tNew[j] - t[j];
                yNew[j] = gNew[j] - g[j];
            }
            double sy = dot(sNew, yNew);
            if (sy > 1e-16 * norm2(sNew) * norm2(yNew)) {
                rho[head] = 1.0 / sy;
                head = (head + 1) % m;
                stored = Math.min(stored + 1, m);
            }
            System.arraycopy(tNew, 0, t, 0, p);
            System.arraycopy(gNew, 0, g, 0, p);
            f = fNew;
            pseudoGradient(obj, t, g, pg);
            gn = norm2(pg);
            obj.iterationDone(it, gn / g0);
            if (TRACE) {
                System.err.printf("lbfgs it %d f %.17g relgrad %.3e%n", it, f, gn / g0);
            }
        }
        boolean converged = gn <= tol * g0;
        mem.stored = stored;
        mem.head = head;
        return new SolverResult(t, it, converged, gn, gn / g0, f, converged ? null : message);
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int j = 0; j < y.length; j++) {
            y[j] += a * x[j];
        }
    }

    /**
     * Line search for the Wolfe conditions (Nocedal and Wright, algorithms 3.5 and 3.6), with an
     * "approximate Wolfe" acceptance (Hager and Zhang) once the change in F is at rounding level,
     * so that L-BFGS can reach gradients far below √ε. Returns F at the accepted point (written to
     * tNew, gradient to gNew), or NaN if none was found.
     */
    private static double wolfeSearch(Objective obj, double[] t, double f0, double[] g0, double[] dir,
                                      double step0, double[] tNew, double[] gNew) {
        final double dg0 = dot(g0, dir);
        final double noise = 1e-12 * Math.abs(f0);
        final int p = t.length;
        double[] gT = new double[p];
        double[] pt = new double[3]; // f, dg of the last trial
        double aPrev = 0, fPrev = f0, dgPrev = dg0;
        double a = step0;
        double aLo = Double.NaN, fLo = 0, dgLo = 0, aHi = Double.NaN, dgHi = Double.NaN;
        boolean bracketed = false;
        for (int i = 0; i < 30 && !bracketed; i++) {
            if (!trial(obj, t, dir, a, tNew, gT, pt)) {
                a = aPrev + 0.5 * (a - aPrev);
                continue;
            }
            double f = pt[0], dg = pt[1];
            if (!armijo(f, dg, a, f0, dg0, noise) || (i > 0 && f > fPrev + noise)) {
                aLo = aPrev; fLo = fPrev; dgLo = dgPrev; aHi = a; dgHi = dg;
                bracketed = true;
            } else if (Math.abs(dg) <= -C2 * dg0) {
                System.arraycopy(gT, 0, gNew, 0, p);
                return f;
            } else if (dg >= 0) {
                aLo = a; fLo = f; dgLo = dg; aHi = aPrev; dgHi = dgPrev;
                bracketed = true;
            } else {
                aPrev = a; fPrev = f; dgPrev = dg;
                a *= 2;
            }
        }
        if (!bracketed) {
            return acceptLo(obj, t, dir, aPrev, tNew, gNew);
        }
        for (int i = 0; i < 40; i++) {
            double lo = Math.min(aLo, aHi), hi = Math.max(aLo, aHi), width = hi - lo;
            if (width <= 1e-16 * hi) {
                break;
            }
            double next = dgLo * dgHi < 0 ? aLo - dgLo * (aHi - aLo) / (dgHi - dgLo) : 0.5 * (aLo + aHi);
            a = Math.min(hi - 0.1 * width, Math.max(lo + 0.1 * width, next));
            if (!trial(obj, t, dir, a, tNew, gT, pt)) {
                aHi = a;
                dgHi = Double.NaN;
                continue;
            }
            double f = pt[0], dg = pt[1];
            if (!armijo(f, dg, a, f0, dg0, noise) || f > fLo + noise) {
                aHi = a;
                dgHi = dg;
            } else {
                if (Math.abs(dg) <= -C2 * dg0) {
                    System.arraycopy(gT, 0, gNew, 0, p);
                        return f;
                }
                if (dg * (aHi - aLo) >= 0) {
                    aHi = aLo;
                    dgHi = dgLo;
                }
                aLo = a;
                fLo = f;
                dgLo = dg;
            }
        }
        return acceptLo(obj, t, dir, aLo, tNew, gNew);
    }

    private static boolean armijo(double f, double dg, double a, double f0, double dg0, double noise) {
        return f <= f0 + C1 * a * dg0 || (Math.abs(f - f0) <= noise && dg <= (2 * C1 - 1) * dg0);
    }

    /** Evaluates F and its directional derivative at t + a·dir; false if not finite. */
    private static boolean trial(Objective obj, double[] t, double[] dir, double a, double[] tNew, double[] g, double[] out) {
        for (int j = 0; j < t.length; j++) {
            tNew[j] = t[j] + a * dir[j];
        }
        if (!finite(tNew)) {
            return false;
        }
        long t0 = TRACE ? System.nanoTime() : 0;
        double f = obj.evaluate(tNew, g);
        if (TRACE) {
            System.err.printf("  pass %.1f ms%n", (System.nanoTime() - t0) / 1e6);
        }
        if (!Double.isFinite(f)) {
            return false;
        }
        out[0] = f;
        out[1] = dot(g, dir);
        if (TRACE) {
            System.err.printf("  trial a=%.6g f=%.17g dg=%.3e%n", a, f, out[1]);
        }
        return true;
    }

    /** Accepts the step a (a point of sufficient decrease) if positive, else reports failure (NaN). */
    private static double acceptLo(Objective obj, double[] t, double[] dir, double a, double[] tNew, double[] gNew) {
        if (!(a > 0)) {
            return Double.NaN;
        }
        for (int j = 0; j < t.length; j++) {
            tNew[j] = t[j] + a * dir[j];
        }
        return obj.evaluate(tNew, gNew);
    }

    /**
     * Cholesky of h into l; if h is not numerically positive definite, adds a ridge
     * μ·mean(diag h)·I with μ = 1e-12, 1e-10, … until it is. False if impossible.
     */
    private static boolean factorRidged(double[] h, double[] l, int p) {
        double meanDiag = 0;
        for (int j = 0; j < p; j++) {
            meanDiag += h[j * p + j];
        }
        meanDiag = Math.max(meanDiag / p, Double.MIN_NORMAL);
        for (double mu = 0; mu < 1e6; mu = mu == 0 ? 1e-12 : mu * 100) {
            System.arraycopy(h, 0, l, 0, p * p);
            for (int j = 0; j < p; j++) {
                l[j * p + j] += mu * meanDiag;
            }
            if (Linalg.cholesky(l, p)) {
                return true;
            }
        }
        return false;
    }

    /** OWL-QN's projected backtracking search; returns F (with L1) or NaN. */
    private static double owlSearch(Objective obj, double[] t, double f0, double[] pg, double[] dir,
                                    double step0, double[] tNew, double[] gNew) {
        double a = step0;
        double noise = 1e-12 * Math.abs(f0);
        for (int i = 0; i < 60; i++) {
            for (int j = 0; j < t.length; j++) {
                double v = t[j] + a * dir[j];
                if (obj.penalised(j)) {
                    double orth = t[j] != 0 ? Math.signum(t[j]) : -Math.signum(pg[j]);
                    if (v * orth <= 0) {
                        v = 0;
                    }
                }
                tNew[j] = v;
            }
            if (finite(tNew)) {
                double f = obj.evaluate(tNew, gNew) + obj.l1Term(tNew);
                double decrease = 0;
                for (int j = 0; j < t.length; j++) {
                    decrease += pg[j] * (tNew[j] - t[j]);
                }
                if (Double.isFinite(f) && (f <= f0 + C1 * decrease || (f <= f0 + noise && i > 0 && decrease > -noise))) {
                    return f;
                }
            }
            a *= 0.5;
        }
        return Double.NaN;
    }

    // ------------------------------------------------------------------ gradient descent

    /**
     * Batch gradient descent. {@code learningRate > 0}: fixed step; otherwise backtracking
     * (Armijo; the step grows ×2 after each accepted step and halves until F decreases enough).
     * With an L1 term each step is proximal (soft-thresholding of the penalised coordinates).
     */
    static SolverResult gradientDescent(Objective obj, double[] t0, double tol, int maxIter, double learningRate) {
        int p = obj.dim();
        double[] t = t0.clone();
        double[] g = new double[p];
        double[] pg = new double[p];
        double fs = obj.evaluate(t, g);
        pseudoGradient(obj, t, g, pg);
        double gn = norm2(pg);
        double g0 = scale(gn);
        boolean fixed = learningRate > 0;
        double eta = fixed ? learningRate : 1.0 / g0;
        double[] tNew = new double[p];
        double[] gNew = new double[p];
        int it = 0;
        String message = null;
        while (gn > tol * g0) {
            if (it >= maxIter) {
                message = "reached the iteration limit (" + maxIter + ")";
                break;
            }
            it++;
            boolean accepted = false;
            double fsNew = Double.NaN;
            for (int ls = 0; ls < 60; ls++) {
                double sq = 0, lin = 0;
                for (int j = 0; j < p; j++) {
                    double v = t[j] - eta * g[j];
                    if (obj.l1 != 0 && obj.penalised(j)) {
                        double thr = eta * obj.l1;
                        v = v > thr ? v - thr : v < -thr ? v + thr : 0;
                    }
                    tNew[j] = v;
                    double dlt = v - t[j];
                    sq += dlt * dlt;
                    lin += g[j] * dlt;
                }
                if (!finite(tNew)) {
                    if (fixed) {
                        break;
                    }
                    eta *= 0.5;
                    continue;
                }
                fsNew = obj.evaluate(tNew, gNew);
                if (fixed) {
                    accepted = Double.isFinite(fsNew);
                    break;
                }
                double bound = fs + lin + sq / (2 * eta);
                // without L1, once the predicted decrease is below F's rounding, judge by the slope
                // at the new point instead (approximate Wolfe): not past the minimum along the step
                // by more than it came; with L1 (proximal steps) the slack-only test
                boolean ok;
                if (obj.l1 != 0) {
                    ok = fsNew <= bound + 1e-14 * Math.abs(fs);
                } else if (-lin > 1e-12 * Math.abs(fs)) {
                    ok = fsNew <= bound;
                } else {
                    ok = Math.abs(fsNew - fs) <= 1e-12 * Math.abs(fs) && stepSlope(gNew, tNew, t) <= (2 * C1 - 1) * lin;
                }
                if (ok) {
                    accepted = true;
                    break;
                }
                eta *= 0.5;
            }
            if (!accepted) {
                message = fixed ? "the fixed step size diverged; lower the learning rate or use backtracking"
                        : "the line search could not decrease the objective (rounding level)";
                break;
            }
            System.arraycopy(tNew, 0, t, 0, p);
            System.arraycopy(gNew, 0, g, 0, p);
            fs = fsNew;
            pseudoGradient(obj, t, g, pg);
            gn = norm2(pg);
            obj.iterationDone(it, gn / g0);
            if (!fixed) {
                eta *= 2;
            }
        }
        boolean converged = gn <= tol * g0;
        return new SolverResult(t, it, converged, gn, gn / g0, fs + obj.l1Term(t), converged ? null : message);
    }

    private static double stepSlope(double[] g, double[] tNew, double[] t) {
        double s = 0;
        for (int j = 0; j < t.length; j++) {
            s += g[j] * (tNew[j] - t[j]);
        }
        return s;
    }

    // ------------------------------------------------------------------ SGD

    /**
     * Mini-batch stochastic gradient descent on F/(C·Σsᵢ) (the mean weighted loss plus the scaled
     * penalty), rows reshuffled every epoch by a {@link SplittableRandom} seeded with {@code seed}.
     * Step in epoch e (0-based): η₀/√(1 + e) ({@code decay}) or η₀ (constant). L1 by a proximal
     * step after each update. Iterates are averaged (Polyak–Ruppert) over windows that restart at
     * epochs 1, 2, 4, 8, …, so the average covers the later half of training; after each epoch
     * the full objective is evaluated at the average and at the last iterate, and the best point
     * so far is kept and returned. One iteration is one epoch.
     */
    static SolverResult sgd(Objective obj, double[] t0, double tol, int maxEpochs, double learningRate,
                            int batchSize, boolean decay, long seed) {
        int p = obj.dim();
        int n = obj.rows();
        double[] t = t0.clone();
        double[] g = new double[p];
        double[] pg = new double[p];
        double f = obj.evaluate(t, g) + obj.l1Term(t);
        pseudoGradient(obj, t, g, pg);
        double gn = norm2(pg);
        double g0 = scale(gn);
        double norm = obj.c * obj.totalWeight() / n; // F/(C·Σs) per row
        double[] best = t.clone();
        double bestF = f, bestGn = gn;
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] bg = new double[p];
        double[] avg = new double[p];
        long avgSteps = 0;
        int windowStart = 1;
        int epoch = 0;
        String message = null;
        while (bestGn > tol * g0) {
            if (epoch >= maxEpochs) {
                message = "reached the epoch limit (" + maxEpochs + ")";
                break;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int tmp = idx[i];
                idx[i] = idx[j];
                idx[j] = tmp;
            }
            double eta = decay ? learningRate / Math.sqrt(1 + epoch) : learningRate;
            epoch++;
            if (epoch == windowStart) {
                java.util.Arrays.fill(avg, 0);
                avgSteps = 0;
                windowStart *= 2;
            }
            for (int from = 0; from < n; from += batchSize) {
                int to = Math.min(n, from + batchSize);
                java.util.Arrays.fill(bg, 0);
                obj.batchLoss(t, idx, from, to, bg);
                double sc = 1.0 / (norm * (to - from));
                for (int j = 0; j < p; j++) {
                    double grad = bg[j] * sc + (obj.penalised(j) ? obj.l2 * t[j] / (norm * n) : 0);
                    double v = t[j] - eta * grad;
                    if (obj.l1 != 0 && obj.penalised(j)) {
                        double thr = eta * obj.l1 / (norm * n);
                        v = v > thr ? v - thr : v < -thr ? v + thr : 0;
                    }
                    t[j] = v;
                }
                if (!finite(t)) {
                    message = "SGD diverged; lower the learning rate";
                    break;
                }
                avgSteps++;
                for (int j = 0; j < p; j++) {
                    avg[j] += (t[j] - avg[j]) / avgSteps;
                }
            }
            if (message != null) {
                break;
            }
            for (double[] cand : new double[][] {avg, t}) {
                double fc = obj.evaluate(cand, g) + obj.l1Term(cand);
                if (fc < bestF) {
                    pseudoGradient(obj, cand, g, pg);
                    bestF = fc;
                    bestGn = norm2(pg);
                    System.arraycopy(cand, 0, best, 0, p);
                }
            }
            obj.iterationDone(epoch, bestGn / g0);
        }
        boolean converged = bestGn <= tol * g0;
        return new SolverResult(best, epoch, converged, bestGn, bestGn / g0, bestF, converged ? null : message);
    }
}
