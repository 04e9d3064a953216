package org.sigmoid4j.lr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Separation is detected and said in words; coefficients stay finite. */
class SeparationTest {

    private static void assertFinite(LogisticRegressionModel m) {
        for (double v : m.coefficients()) {
            assertTrue(Double.isFinite(v));
        }
        assertTrue(Double.isFinite(m.intercept()));
    }

    @Test
    void breastCancerUnpenalisedIsCompletelySeparated() {
        RefData.Csv c = RefData.csv("breast_cancer.csv");
        // the shared LP test says: separation = complete, mle_exists = false
        assertEquals("complete", RefData.at(RefData.json("breast_cancer.statsmodels.json"), "separation_check", "separation"));
        LogisticRegressionModel m = LogisticRegression.builder().penalty(Penalty.none()).featureNames(c.names())
                .build().fit(c.x(), c.n(), c.d(), c.y(), null);
        assertEquals(Separation.COMPLETE, m.report().separation());
        String all = String.join("\n", m.warnings());
        System.out.println(all);
        assertTrue(all.contains("complete separation"), all);
        assertTrue(all.contains("maximum-likelihood estimate does not exist"), all);
        assertTrue(all.contains("penalty"), all);
        assertFalse(m.summary().orElseThrow().hasStandardErrors());
        assertFinite(m);
    }

    @Test
    void quasiCompleteSeparationIsNamed() {
        // x ≤ 0 → class 0 except one tie at x = 0 which has both classes: quasi-complete
        double[] x = {-3, -2, -1, 0, 0, 1, 2, 3};
        double[] y = {0, 0, 0, 0, 1, 1, 1, 1};
        for (Solver s : new Solver[] {Solver.NEWTON, Solver.LBFGS}) {
            LogisticRegressionModel m = LogisticRegression.builder().penalty(Penalty.none()).solver(s)
                    .featureNames(java.util.List.of("x")).build().fit(x, 8, 1, y, null);
            assertEquals(Separation.QUASI_COMPLETE, m.report().separation(), s.toString());
            String all = String.join("\n", m.warnings());
            assertTrue(all.contains("quasi-complete separation") && all.contains("x → +∞"), all);
            assertFinite(m);
        }
    }

    @Test
    void spambaseIsNotSeparatedButSaturationIsReportedLikeR() {
        RefData.Csv c = RefData.csv("spambase.csv");
        LogisticRegressionModel m = LogisticRegression.builder().penalty(Penalty.none()).build()
                .fit(c.x(), c.n(), c.d(), c.y(), null);
        assertEquals(Separation.NONE, m.report().separation());
        // R: 464 rows with fitted values within 10·eps of 0 or 1
        int expected = (int) RefData.num(RefData.json("spambase.glm.json"), "glm_tight", "n_fitted_numerically_0_or_1");
        assertTrue(String.join("\n", m.warnings()).contains("numerically 0 or 1 occurred for " + expected + " rows"),
                m.warnings().toString());
    }

    @Test
    void penalisedFitOfSeparatedDataIsFine() {
        RefData.Csv c = RefData.csv("breast_cancer.csv");
        LogisticRegressionModel m = LogisticRegression.builder().penalty(Penalty.l2(1)).standardize(true)
                .build().fit(c.x(), c.n(), c.d(), c.y(), null);
        assertTrue(m.report().converged());
        assertEquals(Separation.NOT_CHECKED, m.report().separation());
        assertTrue(m.warnings().isEmpty(), m.warnings().toString());
    }
}
