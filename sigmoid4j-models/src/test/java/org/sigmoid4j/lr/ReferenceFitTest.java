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
