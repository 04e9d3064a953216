package org.sigmoid4j.lr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Unpenalised multinomial fits say when no maximum-likelihood estimate exists, and only then. The
 * data are built so that the answer is known independently of the fit: separable by construction,
 * or with every point carrying every class.
 */
class MultinomialSeparationTest {

    private static LogisticRegressionModel fitNone(double[] x, int n, int d, int[] y, int classes) {
        return LogisticRegression.builder().penalty(Penalty.none()).featureNames(names(d)).build()
                .fitMultinomial(x, n, d, y, classes, null);
    }

    private static List<String> names(int d) {
        return d == 2 ? List.of("u", "v") : java.util.stream.IntStream.range(0, d).mapToObj(j -> "f" + j).toList();
    }

    @Test
    void threeSeparatedClustersAreCompletelySeparated() {
        // cluster k around 5·(cos 120k°, sin 120k°) within radius 1: the score x·(cos 120k°, sin 120k°)
        // is ≥ 4 for its own cluster and ≤ −2.5 + 1 for the others, a separating direction by construction
        Random rnd = new Random(7);
        int n = 90;
        double[] x = new double[2 * n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            int k = i % 3;
            double a = 2 * Math.PI * k / 3, r = rnd.nextDouble(), t = 2 * Math.PI * rnd.nextDouble();
            x[2 * i] = 5 * Math.cos(a) + r * Math.cos(t);
            x[2 * i + 1] = 5 * Math.sin(a) + r * Math.sin(t);
            y[i] = k;
        }
        LogisticRegressionModel m = fitNone(x, n, 2, y, 3);
        assertEquals(Separation.COMPLETE, m.report().separation());
        String all = String.join("\n", m.warnings());
        assertTrue(all.contains("complete separation") && all.contains("maximum-likelihood estimate does not exist")
                && all.contains("penalty"), all);
        assertTrue(all.contains("(class "), all);
        for (double v : m.coefficients()) {
            assertTrue(Double.isFinite(v));
        }
    }

    @Test
    void everyPointWithEveryClassHasAnEstimateAndNoWarning() {
        // each x occurs once with each of the 3 classes, and once more with class q mod 3: no
        // coefficients can put any copy of a point strictly in its own class, so the MLE exists
        int pts = 30, n = 4 * pts;
        double[] x = new double[2 * n];
        int[] y = new int[n];
        Random rnd = new Random(3);
        for (int q = 0; q < pts; q++) {
            double u = rnd.nextGaussian(), v = rnd.nextGaussian();
            for (int k = 0; k < 4; k++) {
                int i = 4 * q + k;
                x[2 * i] = u;
                x[2 * i + 1] = v;
                y[i] = k < 3 ? k : q % 3;
            }
        }
        LogisticRegressionModel m = fitNone(x, n, 2, y, 3);
        assertTrue(m.report().converged(), m.report().toString());
        assertEquals(Separation.NONE, m.report().separation());
        assertTrue(m.warnings().isEmpty(), m.warnings().toString());
        // and no class is pushed to 0 or 1: at most 2 of every point's 4 copies share a class
        double[] prob = new double[3 * n];
        m.predictProba(x, n, prob);
        for (double p : prob) {
            assertTrue(p > 0.05 && p < 0.8, "probability " + p);
        }
    }

    @Test
    void aTieAtZeroIsQuasiCompleteSeparation() {
        // x < 0: class 0, x > 0: class 2, x = 0: one row of each class. Scores −x, 0, x put every
        // row with x ≠ 0 strictly in its class and tie the three rows at 0: quasi-complete by
        // construction; no coefficients can do better for the tied rows (equal x, different classes)
        double[] x = {-3, -2, -1, 0, 0, 0, 1, 2, 3};
        int[] y = {0, 0, 0, 0, 1, 2, 2, 2, 2};
        LogisticRegressionModel m = LogisticRegression.builder().penalty(Penalty.none()).featureNames(List.of("x")).build()
                .fitMultinomial(x, 9, 1, y, 3, null);
        assertEquals(Separation.QUASI_COMPLETE, m.report().separation(), m.warnings().toString());
        String all = String.join("\n", m.warnings());
        assertTrue(all.contains("quasi-complete separation") && all.contains("maximum-likelihood estimate does not exist"), all);
        // every separating direction lowers class 0's slope against class 2's; the common shift is not reported
        assertTrue(all.contains("x (class 0) → −∞") && !all.contains("(Intercept)"), all);
        for (double v : m.coefficients()) {
            assertTrue(Double.isFinite(v));
        }
    }

    @Test
    void digitsUnpenalisedAreSeparatedAndTheModelItselfClassifiesEveryRow() {
        RefData.Csv c = RefData.csv("digits.csv");
        int[] y = new int[c.n()];
        for (int i = 0; i < c.n(); i++) {
            y[i] = (int) c.y()[i];
        }
        LogisticRegressionModel m = LogisticRegression.builder().penalty(Penalty.none()).build()
                .fitMultinomial(c.x(), c.n(), c.d(), y, 10, null);
        assertEquals(Separation.COMPLETE, m.report().separation(), m.warnings().toString());
        // the certificate, checked through the model's public prediction path
        double[] p = new double[c.n() * 10];
        m.predictProba(c.x(), c.n(), p);
        for (int i = 0; i < c.n(); i++) {
            int best = 0;
            for (int k = 1; k < 10; k++) {
                best = p[i * 10 + k] > p[i * 10 + best] ? k : best;
            }
            assertEquals(y[i], best, "row " + i);
        }
        // the columns that are constant in the data (e.g. pixel_0_0, always 0) are R's NA in every
        // contrast, also here where the estimate does not exist
        MultinomialSummary summary = m.multinomialSummary().orElseThrow();
        boolean[] aliased = summary.aliased();
        int block = c.d() + 1, constant = 0;
        for (int j = 0; j < c.d(); j++) {
            boolean same = true;
            for (int i = 1; i < c.n() && same; i++) {
                same = c.x()[i * c.d() + j] == c.x()[j];
            }
            if (same) {
                constant++;
                for (int k = 0; k < 9; k++) {
                    assertTrue(aliased[k * block + 1 + j], "constant column " + j + " in contrast " + (k + 1));
                }
            }
        }
        assertTrue(constant > 0);
        assertFalse(summary.hasStandardErrors());
        // with a penalty the optimum is finite and nothing is said about separation
        LogisticRegressionModel l2 = LogisticRegression.builder().penalty(Penalty.l2(1.0)).build()
                .fitMultinomial(c.x(), c.n(), c.d(), y, 10, null);
        assertEquals(Separation.NOT_CHECKED, l2.report().separation());
        assertFalse(String.join("\n", l2.warnings()).contains("separation"));
    }
}
