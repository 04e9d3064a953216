package org.sigmoid4j.lr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sigmoid4j.model.ModelState;

class ModelAndDeterminismTest {

    static double[][] synthetic(int n, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n * d];
        double[] w = new double[d];
        for (int j = 0; j < d; j++) {
            w[j] = r.nextDouble(-1, 1);
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double z = 0.3;
            for (int j = 0; j < d; j++) {
                x[i * d + j] = r.nextDouble(-2, 2);
                z += w[j] * x[i * d + j];
            }
            y[i] = r.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
        }
        return new double[][] {x, y};
    }

    @Test
    void bitIdenticalWhateverTheThreadCount() {
        int n = 40_000, d = 12;
        double[][] data = synthetic(n, d, 3);
        for (Solver s : new Solver[] {Solver.NEWTON, Solver.LBFGS, Solver.GD}) {
            double[] ref = null;
            for (int threads : new int[] {1, 2, 3, 8}) {
                LogisticRegressionModel m = LogisticRegression.builder().solver(s).threads(threads)
                        .tolerance(s == Solver.GD ? 1e-5 : 1e-10).build().fit(data[0], n, d, data[1], null);
                double[] got = m.coefficients();
                if (ref == null) {
                    ref = got;
                } else {
                    assertArrayEquals(ref, got, 0.0, s + " with " + threads + " threads");
                }
            }
        }
    }

    @Test
    void stateRoundTrip() {
        RefData.Csv c = RefData.csv("breast_cancer.csv");
        LogisticRegressionModel m = LogisticRegression.builder().standardize(true).featureNames(c.names())
                .threshold(0.3).build().fit(c.x(), c.n(), c.d(), c.y(), null);
        ModelState st = m.state();
        LogisticRegressionModel back = LogisticRegressionModel.fromState(st);
        double[] p1 = new double[2 * c.n()];
        double[] p2 = new double[2 * c.n()];
        m.predictProba(c.x(), c.n(), p1);
        back.predictProba(c.x(), c.n(), p2);
        assertArrayEquals(p1, p2, 0.0);
        assertArrayEquals(m.predict(c.x(), c.n()), back.predict(c.x(), c.n()));
        assertEquals(0.3, back.threshold());
        assertEquals(m.summary().orElseThrow().toMap(), back.summary().orElseThrow().toMap());
        assertEquals("logistic", back.kind());
        // malformed states fail with a message, not an NPE
        Map<String, double[]> arrays = new LinkedHashMap<>(st.arrays());
        arrays.remove("coefficients");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogisticRegressionModel.fromState(new ModelState("logistic", st.config(), arrays)));
        assertTrue(e.getMessage().contains("coefficients"), e.getMessage());
        Map<String, Object> cfg = new LinkedHashMap<>(st.config());
        cfg.put("version", 99);
        e = assertThrows(IllegalArgumentException.class,
                () -> LogisticRegressionModel.fromState(new ModelState("logistic", cfg, st.arrays())));
        assertTrue(e.getMessage().contains("newer"), e.getMessage());
    }

    @Test
    void probabilitiesAreComputedInLogitSpace() {
        double[] x = {0, 1};
        double[] y = {0, 1};
        // tiny penalty: coefficients large but finite; predict far out
        LogisticRegressionModel m = LogisticRegression.builder().penalty(Penalty.l2(1e6)).build().fit(x, 2, 1, y, null);
        double[] out = new double[2];
        m.predictProba(new double[] {-1e6}, 1, out);
        assertTrue(out[1] > 0 && out[1] < 1e-300 || out[1] == 0);
        assertEquals(1.0, out[0], 0);
        assertTrue(Double.isFinite(out[1]));
    }

    @Test
    void standardisedModelMatchesManualStandardisation() {
        RefData.Csv c = RefData.csv("spambase.csv");
        var ref = RefData.json("spambase.l2.json");
        LogisticRegressionModel m = LogisticRegression.builder().standardize(true).tolerance(1e-11).build()
                .fit(c.x(), c.n(), c.d(), c.y(), null);
        // the model's own means and population sds equal the reference file's
        double[] mean = RefData.nums(ref, "feature_mean"), sd = RefData.nums(ref, "feature_sd");
        for (int j = 0; j < mean.length; j++) {
            // numpy sums pairwise, we sum in order: equal to a few ulps
            assertEquals(mean[j], m.featureMeans()[j], 1e-14 * Math.abs(mean[j]));
            assertEquals(sd[j], m.featureScales()[j], 1e-14 * sd[j]);
        }
        assertArrayEquals(RefData.nums(ref, "polished_optimum", "coef_original_scale"), m.coefficientsOriginalScale(), 1e-6);
        assertEquals(RefData.num(ref, "polished_optimum", "intercept_original_scale"), m.interceptsOriginalScale()[0], 1e-6);
        // training accuracy of the reference (rule z > 0)
        int[] lab = m.predict(c.x(), c.n());
        int ok = 0;
        for (int i = 0; i < c.n(); i++) {
            ok += lab[i] == c.y()[i] ? 1 : 0;
        }
        assertEquals(RefData.num(ref, "training_accuracy"), (double) ok / c.n(), 0);
    }

    @Test
    void interceptOnlyModelIsTheLogOdds() {
        double[] y = {1, 0, 0, 1, 1, 1, 0, 1};
        for (Solver s : new Solver[] {Solver.NEWTON, Solver.LBFGS, Solver.GD}) {
            LogisticRegressionModel m = LogisticRegression.builder().penalty(Penalty.none()).solver(s).tolerance(1e-12)
                    .build().fit(new double[0], 8, 0, y, null);
            assertTrue(m.report().converged(), s + " " + m.warnings());
            assertEquals(Math.log(5.0 / 3.0), m.intercept(), 1e-10, s.toString());
            assertEquals(m.summary().orElseThrow().nullDeviance(), m.summary().orElseThrow().deviance(), 1e-10);
        }
    }

    @Test
    void thresholdsStayInsideTheOpenInterval() {
        double[] y = {0, 1, 1};
        double[] p = {1.0, 1.0, 1.0};
        double t = org.sigmoid4j.eval.Thresholds.maxF1(y, p);
        assertTrue(t > 0 && t < 1, "t = " + t);
    }

    @Test
    void badInputIsRejectedClearly() {
        LogisticRegression lr = LogisticRegression.builder().build();
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> lr.fit(new double[] {1, 2}, 2, 1, new double[] {1, 1}, null)).getMessage().contains("one class"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> lr.fit(new double[] {1, Double.NaN}, 2, 1, new double[] {0, 1}, null)).getMessage().contains("row 2"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> lr.fit(new double[] {1, 2}, 2, 1, new double[] {0, 2}, null)).getMessage().contains("0 or 1"));
        assertThrows(IllegalArgumentException.class, () -> Penalty.l2(-1));
        assertThrows(IllegalArgumentException.class, () -> LogisticRegression.builder().penalty(Penalty.l1(1))
                .solver(Solver.NEWTON).build().fit(new double[] {0, 1}, 2, 1, new double[] {0, 1}, null));
    }
    /**
     * The data are validated through the first evaluation, not a separate pass: every solver,
     * binary and multinomial, with and without standardisation, must still refuse a NaN or an
     * infinity anywhere and name its row and feature.
     */
    @Test
    void nonFiniteFeaturesAreNamedByEverySolver() {
        int n = 40, d = 3;
        SplittableRandom rnd = new SplittableRandom(5);
        double[] y = new double[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
            y[i] = i % 2;
        }
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            for (Solver solver : new Solver[] {Solver.NEWTON, Solver.LBFGS, Solver.GD, Solver.SGD}) {
                for (boolean standardize : new boolean[] {false, true}) {
                    double[] x = new double[n * d];
                    for (int i = 0; i < x.length; i++) {
                        x[i] = rnd.nextGaussian();
                    }
                    x[17 * d + 2] = bad; // row 18, feature 3
                    LogisticRegression lr = LogisticRegression.builder().penalty(Penalty.l2(1)).solver(solver)
                            .standardize(standardize).maxIterations(50).build();
                    String what = bad + " " + solver + " standardize=" + standardize;
                    String binary = assertThrows(IllegalArgumentException.class, () -> lr.fit(x, n, d, y, null), what).getMessage();
                    assertTrue(binary.contains("row 18") && binary.contains("feature 3"), what + ": " + binary);
                    String multi = assertThrows(IllegalArgumentException.class,
                            () -> lr.fitMultinomial(x, n, d, labels, 3, null), what).getMessage();
                    assertTrue(multi.contains("row 18") && multi.contains("feature 3"), what + ": " + multi);
                }
            }
        }
    }
    /** The listener hears every iteration on all rows, in order, ending at the reported state. */
    @Test
    void listenerHearsEveryIteration() {
        int n = 300, d = 4;
        SplittableRandom rnd = new SplittableRandom(8);
        double[] x = new double[n * d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double z = 0;
            for (int j = 0; j < d; j++) {
                x[i * d + j] = rnd.nextGaussian();
                z += x[i * d + j] * (j - 1.5);
            }
            y[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
        }
        for (Solver solver : new Solver[] {Solver.NEWTON, Solver.LBFGS, Solver.GD, Solver.SGD}) {
            java.util.List<double[]> heard = new java.util.ArrayList<>();
            LogisticRegressionModel m = LogisticRegression.builder().solver(solver).maxIterations(200)
                    .listener((it, rel, tol) -> heard.add(new double[] {it, rel, tol})).build().fit(x, n, d, y, null);
            FitReport r = m.report();
            assertEquals(r.iterations(), heard.size(), solver.name());
            for (int k = 0; k < heard.size(); k++) {
                assertEquals(k + 1, heard.get(k)[0], solver.name());
                assertEquals(r.tolerance(), heard.get(k)[2], solver.name());
            }
            assertEquals(r.relativeGradientNorm(), heard.get(heard.size() - 1)[1], solver.name());
        }
    }
}
