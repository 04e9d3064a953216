package org.sigmoid4j.lr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fits checked against R glm / scikit-learn / exact-Newton references in ../shared/reference/lr. */
class ReferenceFitTest {

    static double maxRel(double[] got, double[] want, double absFloor) {
        double worst = 0;
        for (int j = 0; j < want.length; j++) {
            double err = Math.abs(got[j] - want[j]);
            double rel = err <= absFloor ? 0 : err / Math.abs(want[j]);
            worst = Math.max(worst, rel);
        }
        return worst;
    }

    static double maxAbs(double[] got, double[] want) {
        double worst = 0;
        for (int j = 0; j < want.length; j++) {
            worst = Math.max(worst, Math.abs(got[j] - want[j]));
        }
        return worst;
    }

    @Test
    void spambaseUnpenalisedMatchesGlmTight() {
        RefData.Csv c = RefData.csv("spambase.csv");
        Map<String, Object> ref = RefData.json("spambase.glm.json");
        LogisticRegressionModel m = LogisticRegression.builder().penalty(Penalty.none()).solver(Solver.NEWTON)
                .tolerance(1e-13).featureNames(c.names()).build().fit(c.x(), c.n(), c.d(), c.y(), null);
        GlmSummary s = m.summary().orElseThrow();
        double[] coefRef = RefData.nums(ref, "glm_tight", "coefficients");
        double[] seRef = RefData.nums(ref, "glm_tight", "std_errors");
        double coefErr = maxRel(s.estimates(), coefRef, 1e-9);
        double seErr = maxRel(s.stdErrors(), seRef, 0);
        double devErr = Math.abs(s.deviance() - RefData.num(ref, "glm_tight", "deviance")) / RefData.num(ref, "glm_tight", "deviance");
        double nullErr = Math.abs(s.nullDeviance() - RefData.num(ref, "glm_tight", "null_deviance")) / RefData.num(ref, "glm_tight", "null_deviance");
        System.out.printf("spambase glm: coef max rel %.3e (floor 1e-9 abs; without floor %.3e, max abs %.3e), se max rel %.3e, "
                        + "deviance rel %.3e, null dev rel %.3e, iters %d%n", coefErr, maxRel(s.estimates(), coefRef, 0),
                maxAbs(s.estimates(), coefRef), seErr, devErr, nullErr, m.report().iterations());
        assertTrue(coefErr <= 1e-6, "coefficients rel err " + coefErr);
        assertTrue(seErr <= 1e-6, "SE rel err " + seErr);
        assertTrue(devErr <= 1e-9, "deviance rel err " + devErr);
        assertTrue(nullErr <= 1e-12, "null deviance rel err " + nullErr);
        assertEquals(Separation.NONE, m.report().separation());
        assertEquals(s.names().get(0), "(Intercept)");
        assertTrue(m.report().converged());
    }

    @Test
    void standardisedUnpenalisedSummaryIsOnTheOriginalScale() {
        RefData.Csv c = RefData.csv("spambase.csv");
        Map<String, Object> ref = RefData.json("spambase.glm.json");
        LogisticRegressionModel m = LogisticRegression.builder().penalty(Penalty.none()).standardize(true)
                .tolerance(1e-13).featureNames(c.names()).build().fit(c.x(), c.n(), c.d(), c.y(), null);
        GlmSummary s = m.summary().orElseThrow();
        double coefErr = maxRel(s.estimates(), RefData.nums(ref, "glm_tight", "coefficients"), 1e-9);
        double seErr = maxRel(s.stdErrors(), RefData.nums(ref, "glm_tight", "std_errors"), 0);
        double pErr = maxRel(s.pValues(), RefData.nums(ref, "glm_tight", "p_values"), 1e-300);
        System.out.printf("spambase glm (standardised fit): coef max rel %.3e, se max rel %.3e, p max rel %.3e%n", coefErr, seErr, pErr);
        assertTrue(coefErr <= 1e-6 && seErr <= 1e-6, coefErr + " " + seErr);
        // p-values follow from z (z agrees to ~1e-9 relative; p's sensitivity is z² times that)
        assertTrue(pErr <= 1e-5, "p " + pErr);
        assertEquals(RefData.num(ref, "glm_tight", "aic"), s.aic(), 1e-9 * s.aic());
        System.out.println(s.format());
    }

    /**
     * Spambase plus a copy of one column (at the end: aliased, as R's QR finds it) and a constant
     * column (aliased with the intercept): R reports NA for both and the remaining fit is R's
     * glm_tight on the original columns. Raw (Newton) and standardised (Newton, L-BFGS) fits.
     */
    @Test
    void aliasedColumnsAreNaAndTheRestIsRsFit() {
        RefData.Csv c = RefData.csv("spambase.csv");
        Map<String, Object> ref = RefData.json("spambase.glm.json");
        int d = c.d(), n = c.n(), d2 = d + 2;
        double[] x2 = new double[n * d2];
        for (int i = 0; i < n; i++) {
            System.arraycopy(c.x(), i * d, x2, i * d2, d);
            x2[i * d2 + d] = 3.5;                              // constant
            x2[i * d2 + d + 1] = 2 * c.x()[i * d + 4];         // twice column 5 ("our")
        }
        java.util.List<String> names = new java.util.ArrayList<>(c.names());
        names.add("const");
        names.add("twice");
        double[] coefRef = RefData.nums(ref, "glm_tight", "coefficients");
        double[] seRef = RefData.nums(ref, "glm_tight", "std_errors");
        // (raw spambase is too ill-conditioned for L-BFGS to reach 1e-6 in coefficients: Newton only there)
        for (boolean standardise : new boolean[] {false, true}) {
            for (Solver solver : standardise ? new Solver[] {Solver.NEWTON, Solver.LBFGS} : new Solver[] {Solver.NEWTON}) {
                String what = (standardise ? "standardised " : "raw ") + solver;
                LogisticRegressionModel m = LogisticRegression.builder().penalty(Penalty.none()).solver(solver)
                        .standardize(standardise).tolerance(1e-13).featureNames(names).build().fit(x2, n, d2, c.y(), null);
                GlmSummary s = m.summary().orElseThrow();
                boolean[] al = s.aliased();
                assertTrue(al[d + 1] && al[d + 2], what + ": " + java.util.Arrays.toString(al));
                assertEquals(d + 1, s.rank(), what);
                double[] est = java.util.Arrays.copyOf(s.estimates(), d + 1);
                double[] se = java.util.Arrays.copyOf(s.stdErrors(), d + 1);
                double coefErr = maxRel(est, coefRef, 1e-9);
                double seErr = maxRel(se, seRef, 0);
                System.out.printf("spambase + aliased columns (%s): coef max rel %.3e, se max rel %.3e%n", what, coefErr, seErr);
                assertTrue(coefErr <= 1e-6 && seErr <= 1e-6, what + ": " + coefErr + " " + seErr);
                assertEquals(RefData.num(ref, "glm_tight", "aic"), s.aic(), 1e-9 * s.aic(), what);
                assertEquals(RefData.num(ref, "glm_tight", "df_residual"), s.dfResidual(), what);
                assertTrue(Double.isNaN(s.estimates()[d + 1]) && Double.isNaN(s.estimates()[d + 2]), what);
                String table = s.format();
                assertTrue(table.contains("Coefficients: (2 not defined because of singularities)"), table);
                assertTrue(table.matches("(?s).*\\nconst +NA +NA +NA +NA\\n.*"), table);
                assertTrue(String.join("\n", m.warnings()).contains("const, twice"), m.warnings().toString());
                // the model itself stays finite (aliased coefficients 0) and predicts as R's fit does
                assertEquals(0.0, m.coefficients()[d]);
                assertEquals(0.0, m.coefficients()[d + 1]);
            }
        }
    }

    @Test
    void pValuesFromRsZ() {
        // erfc check independent of the fit: R's p from R's z
        Map<String, Object> ref = RefData.json("spambase.glm.json");
        double[] z = RefData.nums(ref, "glm_tight", "z_values");
        double[] p = RefData.nums(ref, "glm_tight", "p_values");
        for (int j = 0; j < z.length; j++) {
            assertEquals(p[j], Normal.twoSidedP(z[j]), 1e-13 * p[j] + 1e-300, "z = " + z[j]);
        }
    }

    @Test
    void spambaseL2MatchesPolishedOptimum() {
        checkL2("spambase");
    }

    @Test
    void breastCancerL2MatchesPolishedOptimum() {
        checkL2("breast_cancer");
    }

    private void checkL2(String name) {
        RefData.Csv c = RefData.csv(name + ".csv");
        Map<String, Object> ref = RefData.json(name + ".l2.json");
        double[] z = RefData.standardise(c, RefData.nums(ref, "feature_mean"), RefData.nums(ref, "feature_sd"));
        double fRef = RefData.num(ref, "polished_optimum", "objective");
        double[] coefRef = RefData.nums(ref, "polished_optimum", "coef");
        double bRef = RefData.num(ref, "polished_optimum", "intercept");
        for (Solver solver : new Solver[] {Solver.NEWTON, Solver.LBFGS}) {
            LogisticRegressionModel m = LogisticRegression.builder().penalty(Penalty.l2(1.0)).solver(solver)
                    .tolerance(1e-11).build().fit(z, c.n(), c.d(), c.y(), null);
            double fErr = Math.abs(m.report().objective() - fRef) / fRef;
            double cErr = Math.max(maxAbs(m.coefficients(), coefRef), Math.abs(m.intercept() - bRef));
            System.out.printf("%s L2 %s: objective rel %.3e, coef max abs %.3e, iters %d%n", name, solver, fErr, cErr,
                    m.report().iterations());
            assertTrue(fErr <= 1e-9, solver + " objective rel err " + fErr);
            assertTrue(cErr <= 1e-6, solver + " coefficient err " + cErr);
        }
    }
}
