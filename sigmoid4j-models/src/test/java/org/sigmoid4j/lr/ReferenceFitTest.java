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
        System.out.printf("spambase glm: coef max rel %.3e, se max rel %.3e, deviance rel %.3e, null dev rel %.3e, iters %d%n",
                coefErr, seErr, devErr, nullErr, m.report().iterations());
        assertTrue(coefErr <= 1e-6, "coefficients rel err " + coefErr);
        assertTrue(seErr <= 1e-6, "SE rel err " + seErr);
        assertTrue(devErr <= 1e-9, "deviance rel err " + devErr);
        assertTrue(nullErr <= 1e-12, "null deviance rel err " + nullErr);
        assertEquals(Separation.NONE, m.report().separation());
        assertEquals(s.names().get(0), "(Intercept)");
        assertTrue(m.report().converged());
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
