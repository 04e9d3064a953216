package org.sigmoid4j.lr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sigmoid4j.model.ModelState;

/**
 * Unpenalised multinomial statistics against R's nnet::multinom on a seeded 600 × 4, 3-class
 * problem (src/test/resources/org/sigmoid4j/lr: the data, the R script and its output).
 */
class MultinomialSummaryTest {

    record Data(double[] x, int n, int d, int[] y) {}

    record RefFit(double deviance, double aic, double[] coef, double[] se) {}

    static String resource(String name) throws IOException {
        try (InputStream in = MultinomialSummaryTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Data data() throws IOException {
        List<String> lines = resource("multinom3.csv").lines().skip(1).filter(l -> !l.isBlank()).toList();
        int n = lines.size(), d = 4;
        double[] x = new double[n * d];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i).split(",");
            for (int j = 0; j < d; j++) {
                x[i * d + j] = Double.parseDouble(f[j]);
            }
            y[i] = Integer.parseInt(f[d]);
        }
        return new Data(x, n, d, y);
    }

    /** multinom3.nnet.txt: "deviance v", "aic v", then "coef k v…" and "se k v…" for classes 1 and 2. */
    static RefFit reference() throws IOException {
        double dev = 0, aic = 0;
        List<Double> coef = new ArrayList<>(), se = new ArrayList<>();
        for (String line : resource("multinom3.nnet.txt").lines().toList()) {
            String[] f = line.trim().split("\\s+");
            switch (f[0]) {
                case "deviance" -> dev = Double.parseDouble(f[1]);
                case "aic" -> aic = Double.parseDouble(f[1]);
                case "coef" -> { for (int j = 2; j < f.length; j++) coef.add(Double.parseDouble(f[j])); }
                case "se" -> { for (int j = 2; j < f.length; j++) se.add(Double.parseDouble(f[j])); }
                default -> { }
            }
        }
        return new RefFit(dev, aic, coef.stream().mapToDouble(Double::doubleValue).toArray(),
                se.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static double maxRel(double[] got, double[] want) {
        double worst = 0;
        for (int j = 0; j < want.length; j++) {
            worst = Math.max(worst, Math.abs(got[j] - want[j]) / Math.abs(want[j]));
        }
        return worst;
    }

    @Test
    void contrastsStandardErrorsDevianceAndAicAreNnetMultinoms() throws IOException {
        Data dt = data();
        RefFit ref = reference();
        assertEquals(10, ref.coef().length);
        for (boolean standardise : new boolean[] {false, true}) {
            for (Solver solver : new Solver[] {Solver.NEWTON, Solver.LBFGS}) {
                String what = (standardise ? "standardised " : "raw ") + solver;
                LogisticRegressionModel m = LogisticRegression.builder().penalty(Penalty.none()).solver(solver)
                        .standardize(standardise).tolerance(1e-12).featureNames(List.of("x1", "x2", "x3", "x4")).build()
                        .fitMultinomial(dt.x(), dt.n(), dt.d(), dt.y(), 3, null);
                MultinomialSummary s = m.multinomialSummary().orElseThrow();
                double coefErr = maxRel(s.estimates(), ref.coef());
                double seErr = maxRel(s.stdErrors(), ref.se());
                System.out.printf("multinom3 vs nnet::multinom (%s): coef max rel %.3e, se max rel %.3e, deviance rel %.3e%n",
                        what, coefErr, seErr, Math.abs(s.deviance() - ref.deviance()) / ref.deviance());
                // measured 1.4e-8 and 5e-9: nnet's optimiser (reltol 1e-16 on the deviance) is the looser of the two
                assertTrue(coefErr < 1e-6, what + " coef " + coefErr);
                assertTrue(seErr < 1e-6, what + " se " + seErr);
                assertEquals(ref.deviance(), s.deviance(), 1e-9 * ref.deviance(), what);
                assertEquals(ref.aic(), s.aic(), 1e-9 * ref.aic(), what);
                assertEquals(List.of("0", "1", "2"), s.classes());
                String table = s.format();
                assertTrue(table.contains("Class 1 vs 0:") && table.contains("Class 2 vs 0:"), table);
            }
        }
    }

    @Test
    void theSummarySurvivesTheModelStateAndPenalisedFitsHaveNone() throws IOException {
        Data dt = data();
        LogisticRegressionModel m = LogisticRegression.builder().penalty(Penalty.none()).standardize(true)
                .featureNames(List.of("x1", "x2", "x3", "x4")).classNames(List.of("a", "b", "c")).build()
                .fitMultinomial(dt.x(), dt.n(), dt.d(), dt.y(), 3, null);
        MultinomialSummary s = m.multinomialSummary().orElseThrow();
        ModelState state = m.state();
        MultinomialSummary back = LogisticRegressionModel.fromState(state).multinomialSummary().orElseThrow();
        assertEquals(List.of("a", "b", "c"), back.classes());
        assertEquals(s.deviance(), back.deviance());
        double[] e1 = s.estimates(), e2 = back.estimates(), se1 = s.stdErrors(), se2 = back.stdErrors();
        for (int j = 0; j < e1.length; j++) {
            assertEquals(e1[j], e2[j], 1e-12 * Math.abs(e1[j]));
            assertEquals(se1[j], se2[j]);
        }
        LogisticRegressionModel l2 = LogisticRegression.builder().penalty(Penalty.l2(1.0)).build()
                .fitMultinomial(dt.x(), dt.n(), dt.d(), dt.y(), 3, null);
        assertFalse(l2.multinomialSummary().isPresent());
    }

    @Test
    void aConstantFeatureIsNaInEveryContrast() throws IOException {
        Data dt = data();
        int d2 = dt.d() + 1;
        double[] x2 = new double[dt.n() * d2];
        for (int i = 0; i < dt.n(); i++) {
            System.arraycopy(dt.x(), i * dt.d(), x2, i * d2, dt.d());
            x2[i * d2 + dt.d()] = -2.0;
        }
        RefFit ref = reference();
        LogisticRegressionModel m = LogisticRegression.builder().penalty(Penalty.none()).solver(Solver.NEWTON).tolerance(1e-12)
                .featureNames(List.of("x1", "x2", "x3", "x4", "k")).build().fitMultinomial(x2, dt.n(), d2, dt.y(), 3, null);
        MultinomialSummary s = m.multinomialSummary().orElseThrow();
        boolean[] al = s.aliased();
        assertTrue(al[5] && al[11], java.util.Arrays.toString(al));
        assertEquals(10, s.rank());
        // the other contrasts are nnet's fit without the constant column
        double[] est = s.estimates(), se = s.stdErrors();
        double[] kept = new double[10], keptSe = new double[10];
        for (int k = 0; k < 2; k++) {
            System.arraycopy(est, k * 6, kept, k * 5, 5);
            System.arraycopy(se, k * 6, keptSe, k * 5, 5);
        }
        assertTrue(maxRel(kept, ref.coef()) < 1e-6 && maxRel(keptSe, ref.se()) < 1e-6);
        assertEquals(ref.aic(), s.aic(), 1e-9 * ref.aic());
        assertTrue(s.format().contains("2 coefficients not defined because of singularities"), s.format());
        assertTrue(String.join("\n", m.warnings()).contains("k (class 1), k (class 2)"), m.warnings().toString());
    }
}
