package org.sigmoid4j.lr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The warm start from a subsample must not change what a fit means: the same optimum as the exact
 * Newton solver, a relative gradient measured against the gradient at θ = 0 (recomputed here by
 * hand), and bit-identical results whatever the thread count.
 */
class SubsampleStartTest {

    private static final int N = SubsampleStart.MIN_ROWS + 40_000;
    private static final int D = 8;

    private static double[][] problem(long seed, boolean weighted) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[N * D];
        double[] w = new double[D];
        for (int j = 0; j < D; j++) {
            w[j] = rnd.nextGaussian() * 0.5;
        }
        double[] y = new double[N];
        double[] s = weighted ? new double[N] : null;
        for (int i = 0; i < N; i++) {
            double z = 0.3;
            for (int j = 0; j < D; j++) {
                x[i * D + j] = rnd.nextGaussian() * (1 + j); // unequal scales
                z += x[i * D + j] * w[j] / (1 + j);
            }
            y[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
            if (s != null) {
                s[i] = rnd.nextBoolean() ? 0.5 : 2.0;
            }
        }
        return new double[][] {x, y, s};
    }

    @Test
    void reachesTheNewtonOptimumAndMeasuresTheGradientAgainstTheStartAtZero() {
        for (boolean weighted : new boolean[] {false, true}) {
            double[][] p = problem(11, weighted);
            double[] x = p[0], y = p[1], s = p[2];
            double c = 0.01;
            LogisticRegressionModel warm = LogisticRegression.builder().penalty(Penalty.l2(c)).solver(Solver.LBFGS)
                    .threads(2).build().fit(x, N, D, y, s);
            LogisticRegressionModel newton = LogisticRegression.builder().penalty(Penalty.l2(c)).solver(Solver.NEWTON)
                    .tolerance(1e-12).threads(2).build().fit(x, N, D, y, s);
            FitReport r = warm.report();
            assertEquals(SubsampleStart.rows(N), r.warmStartRows(), "the warm start was taken");
            assertTrue(r.converged() && r.relativeGradientNorm() <= 1e-9, "relative gradient " + r.relativeGradientNorm());
            assertEquals(newton.report().objective(), r.objective(), 1e-12 * Math.abs(r.objective()));
            double[] a = warm.coefficients(), b = newton.coefficients();
            for (int j = 0; j < D; j++) {
                assertEquals(b[j], a[j], 1e-6 * Math.max(1, Math.abs(b[j])), "coefficient " + j);
            }
            assertEquals(newton.intercepts()[0], warm.intercepts()[0], 1e-6);

            // ‖∇F(0)‖ by hand: at θ = 0 every margin is 0, so row i contributes C·sᵢ·(½ − yᵢ)·(1, xᵢ)
            double[] g0 = new double[D + 1];
            for (int i = 0; i < N; i++) {
                double ri = c * (s == null ? 1 : s[i]) * (0.5 - y[i]);
                g0[0] += ri;
                for (int j = 0; j < D; j++) {
                    g0[j + 1] += ri * x[i * D + j];
                }
            }
            double ref = Solvers.norm2(g0);
            assertEquals(r.gradientNorm() / ref, r.relativeGradientNorm(), 1e-9 * r.relativeGradientNorm());
        }
    }

    @Test
    void bitIdenticalWhateverTheThreadCount() {
        double[][] p = problem(12, false);
        LogisticRegressionModel one = LogisticRegression.builder().solver(Solver.LBFGS).threads(1).build()
                .fit(p[0], N, D, p[1], null);
        LogisticRegressionModel three = LogisticRegression.builder().solver(Solver.LBFGS).threads(3).build()
                .fit(p[0], N, D, p[1], null);
        assertTrue(one.report().warmStartRows() > 0);
        assertArrayEquals(one.coefficients(), three.coefficients());
        assertArrayEquals(one.intercepts(), three.intercepts());
    }

    @Test
    void aOneClassSubsampleFallsBackToAColdStart() {
        double[][] p = problem(13, false);
        double[] y = p[1];
        // class 1 only outside the sampled blocks (every tenth block of VIEW_BLOCK rows)
        for (int i = 0; i < N; i++) {
            if ((i / BinaryObjective.VIEW_BLOCK) % 10 == 0) {
                y[i] = 0;
            }
        }
        LogisticRegressionModel m = LogisticRegression.builder().solver(Solver.LBFGS).build().fit(p[0], N, D, y, null);
        assertEquals(0, m.report().warmStartRows());
        assertTrue(m.report().converged());
        LogisticRegressionModel off = LogisticRegression.builder().solver(Solver.LBFGS).subsampleStart(false).build()
                .fit(p[0], N, D, y, null);
        assertArrayEquals(off.coefficients(), m.coefficients(), "same solver path, same bits");
    }
    /** A NaN inside the subsample stops the subsample fit, one outside it the first full pass. */
    @Test
    void aNonFiniteValueIsNamedWhereverItIs() {
        double[][] p = problem(14, false);
        // block 0 is sampled, block 1 is not
        for (int row : new int[] {5, BinaryObjective.VIEW_BLOCK + 44, N - 1}) {
            double[] x = p[0].clone();
            x[row * D + 3] = Double.NaN;
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> LogisticRegression.builder().solver(Solver.LBFGS).build().fit(x, N, D, p[1], null));
            assertTrue(e.getMessage().contains("row " + (row + 1)) && e.getMessage().contains("feature 4"), e.getMessage());
        }
    }
}
