package org.sigmoid4j.lr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every solver reaches the same optimum (within its tolerance); penalties checked by optimality conditions. */
class SolverAgreementTest {

    private static RefData.Csv bc() {
        return RefData.csv("breast_cancer.csv");
    }

    private static double[] standardised(RefData.Csv c, Map<String, Object> ref) {
        return RefData.standardise(c, RefData.nums(ref, "feature_mean"), RefData.nums(ref, "feature_sd"));
    }

    @Test
    void allSolversReachTheL2Optimum() {
        RefData.Csv c = bc();
        Map<String, Object> ref = RefData.json("breast_cancer.l2.json");
        double[] z = standardised(c, ref);
        double fRef = RefData.num(ref, "polished_optimum", "objective");
        Object[][] cases = {
            {Solver.NEWTON, 1e-12, 1e-14},
            {Solver.LBFGS, 1e-10, 1e-13},
            {Solver.GD, 1e-7, 1e-10},
            {Solver.SGD, 3e-4, 1e-3},
        };
        for (Object[] cs : cases) {
            Solver s = (Solver) cs[0];
            LogisticRegressionModel m = LogisticRegression.builder().penalty(Penalty.l2(1)).solver(s)
                    .tolerance((double) cs[1]).seed(42).build().fit(z, c.n(), c.d(), c.y(), null);
            double rel = (m.report().objective() - fRef) / fRef;
            System.out.printf("breast_cancer L2 %s: objective rel %.3e, relgrad %.3e, iterations %d%n", s, rel,
                    m.report().relativeGradientNorm(), m.report().iterations());
            assertTrue(m.report().converged(), s + " " + m.warnings());
            assertTrue(rel >= -1e-15 && rel <= (double) cs[2], s + " objective rel err " + rel);
        }
    }

    @Test
    void lambdaFormMatchesGlmnet() {
        // glmnet(alpha = 0, lambda = 1/(C·n)) on the standardised features: same optimum as C = 1
        RefData.Csv c = RefData.csv("spambase.csv");
        Map<String, Object> ref = RefData.json("spambase.l2.json");
        Map<String, Object> glmnet = RefData.json("spambase.l2_glmnet.json");
        LogisticRegressionModel m = LogisticRegression.builder().penalty(Penalty.l2Lambda(1.0 / c.n()))
                .tolerance(1e-12).build().fit(standardised(c, ref), c.n(), c.d(), c.y(), null);
        assertEquals(1.0, m.report().effectiveC(), 1e-15);
        assertEquals(RefData.num(glmnet, "objective_value"), m.report().objective(), 1e-9 * 970);
        assertTrue(ReferenceFitTest.maxAbs(m.coefficients(), RefData.nums(glmnet, "coef")) < 1e-7);
        assertEquals(RefData.num(glmnet, "intercept"), m.intercept(), 1e-7);
    }

    /** KKT: ∂smooth/∂wⱼ = −l1·sign(wⱼ) when wⱼ ≠ 0, |∂smooth/∂wⱼ| ≤ l1 when wⱼ = 0; intercept gradient 0. */
    private static void assertKkt(Objective obj, double[] theta, double tol) {
        double[] g = new double[theta.length];
        obj.evaluate(theta, g);
        for (int j = 0; j < theta.length; j++) {
            if (!obj.penalised(j)) {
                assertEquals(0, g[j], tol, "intercept gradient");
            } else if (theta[j] != 0) {
                assertEquals(-obj.l1 * Math.signum(theta[j]), g[j], tol, "coordinate " + j);
            } else {
                assertTrue(Math.abs(g[j]) <= obj.l1 + tol, "zero coordinate " + j + " has |g| " + Math.abs(g[j]));
            }
        }
    }

    @Test
    void l1AndElasticNetSatisfyOptimalityAndSolversAgree() {
        RefData.Csv c = bc();
        double[] z = standardised(c, RefData.json("breast_cancer.l2.json"));
        for (Penalty pen : new Penalty[] {Penalty.l1(0.5), Penalty.elasticNet(0.5, 0.7)}) {
            double[] fs = new double[3];
            int k = 0;
            for (Solver s : new Solver[] {Solver.LBFGS, Solver.GD, Solver.SGD}) {
                long t0 = System.nanoTime();
                LogisticRegressionModel m = LogisticRegression.builder().penalty(pen).solver(s)
                        .tolerance(s == Solver.SGD ? 3e-4 : s == Solver.GD ? 1e-7 : 1e-9).seed(1)
                        .maxIterations(s == Solver.SGD ? 300 : 20_000)
                        .build().fit(z, c.n(), c.d(), c.y(), null);
                fs[k++] = m.report().objective();
                int zeros = 0;
                for (double v : m.coefficients()) {
                    zeros += v == 0 ? 1 : 0;
                }
                System.out.printf("breast_cancer %s %s: objective %.15g, %d zero coefficients, iterations %d, converged %b, %.2f s%n",
                        pen, s, m.report().objective(), zeros, m.report().iterations(), m.report().converged(),
                        (System.nanoTime() - t0) / 1e9);
                if (s != Solver.SGD) {
                    assertTrue(m.report().converged(), s + " " + m.warnings());
                    double[] theta = new double[c.d() + 1];
                    theta[0] = m.intercept();
                    System.arraycopy(m.coefficients(), 0, theta, 1, c.d());
                    try (BinaryObjective obj = new BinaryObjective(z, c.n(), c.d(), c.y(), null, pen.c(),
                            pen.l2Weight(), pen.l1Weight(), 1)) {
                        // each KKT residual is a component of the pseudo-gradient, so it is bounded by
                        // the reported final norm (recomputed here independently of the solver)
                        assertKkt(obj, theta, m.report().gradientNorm() * (1 + 1e-9) + 1e-12);
                    }
                    assertTrue(zeros > 0, "L1 should zero some coefficients");
                }
            }
            assertEquals(fs[0], fs[1], 1e-10 * fs[0], "OWL-QN vs proximal GD");
            // proximal SGD lands near, not on, the kinks of ‖w‖₁ (few exact zeros), so its
            // pseudo-gradient stays large; its objective is still within 1% after 300 epochs
            assertEquals(fs[0], fs[2], 1e-2 * fs[0], "OWL-QN vs proximal SGD");
        }
    }

    @Test
    void integerSampleWeightsEqualDuplicatedRowsAndClassWeightsEqualSampleWeights() {
        RefData.Csv c = bc();
        double[] z = standardised(c, RefData.json("breast_cancer.l2.json"));
        int n = c.n(), d = c.d();
        double[] w = new double[n];
        int total = 0;
        for (int i = 0; i < n; i++) {
            w[i] = 1 + i % 3;
            total += (int) w[i];
        }
        double[] zx = new double[total * d];
        double[] zy = new double[total];
        int r = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < w[i]; k++) {
                System.arraycopy(z, i * d, zx, r * d, d);
                zy[r++] = c.y()[i];
            }
        }
        LogisticRegression lr = LogisticRegression.builder().tolerance(1e-12).build();
        double[] a = lr.fit(z, n, d, c.y(), w).coefficients();
        double[] b = lr.fit(zx, total, d, zy, null).coefficients();
        assertTrue(ReferenceFitTest.maxAbs(a, b) < 1e-9);
        // class weights (2 for class 1) = sample weights 2 on class-1 rows
        double[] sw = new double[n];
        for (int i = 0; i < n; i++) {
            sw[i] = c.y()[i] == 1 ? 2 : 1;
        }
        double[] cw = LogisticRegression.builder().tolerance(1e-12).classWeights(1, 2).build().fit(z, n, d, c.y(), null).coefficients();
        double[] sws = lr.fit(z, n, d, c.y(), sw).coefficients();
        assertTrue(ReferenceFitTest.maxAbs(cw, sws) < 1e-12);
    }

    @Test
    void multinomialNewtonAgreesWithLbfgs() {
        // digits 0-4 among the first 500 rows: 5 classes, 325 parameters
        RefData.Csv c = RefData.csv("digits.csv");
        double[] all = MultinomialTest.digitsX(c);
        int[] labels = MultinomialTest.labels(c);
        int n = 0;
        double[] x = new double[500 * c.d()];
        int[] y = new int[500];
        for (int i = 0; i < 500; i++) {
            if (labels[i] < 5) {
                System.arraycopy(all, i * c.d(), x, n * c.d(), c.d());
                y[n++] = labels[i];
            }
        }
        LogisticRegressionModel a = LogisticRegression.builder().solver(Solver.NEWTON).tolerance(1e-10).build()
                .fitMultinomial(x, n, c.d(), y, 5, null);
        LogisticRegressionModel b = LogisticRegression.builder().solver(Solver.LBFGS).tolerance(1e-10).build()
                .fitMultinomial(x, n, c.d(), y, 5, null);
        System.out.printf("digits 0-4 multinomial: Newton %.15g (%d it), L-BFGS %.15g (%d it)%n", a.report().objective(),
                a.report().iterations(), b.report().objective(), b.report().iterations());
        assertTrue(a.report().converged() && b.report().converged());
        assertEquals(a.report().objective(), b.report().objective(), 1e-11 * a.report().objective());
        assertTrue(ReferenceFitTest.maxAbs(a.coefficients(), b.coefficients()) < 1e-6);
    }
}
