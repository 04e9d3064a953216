package org.sigmoid4j.lr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MultinomialTest {

    static double[] digitsX(RefData.Csv c) {
        double[] x = c.x().clone();
        for (int i = 0; i < x.length; i++) {
            x[i] /= 16.0;
        }
        return x;
    }

    static int[] labels(RefData.Csv c) {
        int[] y = new int[c.n()];
        for (int i = 0; i < c.n(); i++) {
            y[i] = (int) c.y()[i];
        }
        return y;
    }

    @Test
    void digitsMatchesReferenceOptimum() {
        RefData.Csv c = RefData.csv("digits.csv");
        Map<String, Object> ref = RefData.json("digits.multinomial.json");
        double fRef = RefData.num(ref, "polished_optimum", "objective");
        LogisticRegressionModel m = LogisticRegression.builder().penalty(Penalty.l2(1)).solver(Solver.LBFGS)
                .tolerance(1e-10).build().fitMultinomial(digitsX(c), c.n(), c.d(), labels(c), 10, null);
        double fErr = Math.abs(m.report().objective() - fRef) / fRef;
        // W is unique; intercepts compared after centring
        List<?> w = (List<?>) RefData.at(ref, "polished_optimum", "coef");
        double[] coef = m.coefficients();
        double wErr = 0;
        for (int k = 0; k < 10; k++) {
            List<?> row = (List<?>) w.get(k);
            for (int j = 0; j < 64; j++) {
                wErr = Math.max(wErr, Math.abs(coef[k * 64 + j] - ((Number) row.get(j)).doubleValue()));
            }
        }
        double[] bRef = RefData.nums(ref, "polished_optimum", "intercept");
        double[] b = m.intercepts();
        double mr = 0, mb = 0;
        for (int k = 0; k < 10; k++) {
            mr += bRef[k] / 10;
            mb += b[k] / 10;
        }
        double bErr = 0;
        for (int k = 0; k < 10; k++) {
            bErr = Math.max(bErr, Math.abs((b[k] - mb) - (bRef[k] - mr)));
        }
        System.out.printf("digits multinomial LBFGS: objective rel %.3e, W max abs %.3e, centred b max abs %.3e, iters %d%n",
                fErr, wErr, bErr, m.report().iterations());
        assertTrue(fErr <= 1e-6, "objective rel err " + fErr);
        assertTrue(wErr <= 1e-5 && bErr <= 1e-5, wErr + " " + bErr);
        double[] proba = new double[c.n() * 10];
        m.predictProba(digitsX(c), c.n(), proba);
        var metrics = org.sigmoid4j.eval.MulticlassMetrics.of(labels(c), proba, 10);
        assertEquals(RefData.num(ref, "training_accuracy"), metrics.accuracy(), 0);
    }
}
