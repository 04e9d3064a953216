package org.sigmoid4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sigmoid4j.model.io.ModelFile;
import org.sigmoid4j.model.io.TrainedModel;
import org.sigmoid4j.testkit.SharedFiles;

/** train, evaluate, predict and summary end to end, checked against the shared data README and references. */
class TrainCommandTest {

    @TempDir
    Path dir;

    static final Path SPAMBASE = SharedFiles.resolve("data/spambase.csv");

    private static Map<String, Object> json(String s) throws IOException {
        return JSON.std.mapFrom(s);
    }

    @Test
    void noArgumentsTrainsOnTheBundledSpambaseWithAStratifiedHeldOutFifth() throws Exception {
        Path out = dir.resolve("m.s4j");
        Cli r = Cli.run("train", "--out", out.toString());
        assertEquals(0, r.code(), r.toString());
        // README counts: 1813 spam, 2788 not; 20% of each held out = 363 + 558
        assertTrue(r.out().startsWith("Held-out evaluation (921 of 4601 rows, 20% stratified, seed 42):"), r.toString());
        assertTrue(r.out().matches("(?s).*\\n\\s+0\\s+(\\d+)\\s+(\\d+)\\n\\s+1\\s+(\\d+)\\s+(\\d+)\\n$"), r.toString());
        var cm = java.util.regex.Pattern.compile("\\n\\s+0\\s+(\\d+)\\s+(\\d+)\\n\\s+1\\s+(\\d+)\\s+(\\d+)\\n$").matcher(r.out());
        assertTrue(cm.find());
        assertEquals(558, Integer.parseInt(cm.group(1)) + Integer.parseInt(cm.group(2)));
        assertEquals(363, Integer.parseInt(cm.group(3)) + Integer.parseInt(cm.group(4)));
        assertTrue(r.err().contains("Model written to " + out), r.toString());
        TrainedModel m = ModelFile.read(out);
        assertEquals("logistic", m.kind());
        assertEquals(57, m.schema().size());
        assertEquals(3680, m.provenance().trainRows());
        assertEquals(4601, m.provenance().dataRows());
        assertEquals(42, m.provenance().seed());
        byte[] shared = Files.readAllBytes(SPAMBASE);
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(shared)), m.provenance().dataSha256());
        assertEquals("l2", m.provenance().training().get("penalty"));
        assertEquals(1.0, m.provenance().training().get("C"));
        assertEquals(true, m.provenance().training().get("standardize"));
    }

    @Test
    void theBundledDataIsTheSharedFileByteForByte() throws IOException {
        try (InputStream in = TrainCommand.class.getResourceAsStream(TrainCommand.BUNDLED)) {
            assertArrayEquals(Files.readAllBytes(SPAMBASE), in.readAllBytes());
        }
        assertTrue(TrainCommand.class.getResource("/org/sigmoid4j/cli/data/NOTICE.md") != null);
    }

    @Test
    void sameDataOptionsAndSeedGiveAByteIdenticalModelFile() throws IOException {
        Path a = dir.resolve("a.s4j");
        Path b = dir.resolve("b.s4j");
        Path c = dir.resolve("c.s4j");
        assertEquals(0, Cli.run("train", "-q", "--out", a.toString()).code());
        assertEquals(0, Cli.run("train", "-q", "--out", b.toString()).code());
        assertEquals(0, Cli.run("train", "-q", "--out", c.toString(), "--seed", "7").code());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertFalse(Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(c)));
        try (var s = Files.list(dir)) {
            // the three models and the report train writes beside each (a.html, b.html, c.html)
            assertEquals(6, s.count(), "no temporary files left");
        }
        Path t = dir.resolve("t.s4j");
        assertEquals(0, Cli.run("train", "-q", "--out", t.toString(), "--timestamp").code());
        assertTrue(ModelFile.read(t).provenance().createdAt().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"));
    }

    /** L2, C = 1, standardised, all rows: the training accuracy of scikit-learn's fit (reference file). */
    @Test
    void fullDataL2FitHasTheReferenceTrainingAccuracy() throws IOException {
        Path m = dir.resolve("l2.s4j");
        Cli r = Cli.run("train", "--data", SPAMBASE.toString(), "--target", "label", "--test-fraction", "0", "--out", m.toString());
        assertEquals(0, r.code(), r.toString());
        Cli e = Cli.run("evaluate", "--model", m.toString(), "--data", SPAMBASE.toString(), "--json");
        assertEquals(0, e.code(), e.toString());
        Map<String, Object> ref = json(Files.readString(SharedFiles.resolve("reference/lr/spambase.l2.json")));
        assertEquals(((Number) ref.get("training_accuracy")).doubleValue(), ((Number) json(e.out()).get("accuracy")).doubleValue());
        double objective = ((Number) ref.get("objective_value")).doubleValue();
        assertEquals(objective, ModelFile.read(m).provenance().finalLoss(), 1e-6 * objective);
    }

    /** Unpenalised fit on raw features: R's glm deviance and intercept (glm_tight), through summary --json. */
    @Test
    void unpenalisedRawFitSummaryMatchesR() throws IOException {
        Path m = dir.resolve("glm.s4j");
        Cli r = Cli.run("train", "-q", "--data", SPAMBASE.toString(), "--target", "label", "--penalty", "none",
                "--no-standardize", "--test-fraction", "0", "--out", m.toString());
        assertEquals(0, r.code(), r.toString());
        Cli s = Cli.run("summary", m.toString(), "--json");
        assertEquals(0, s.code(), s.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> glm = (Map<String, Object>) json(Files.readString(SharedFiles.resolve("reference/lr/spambase.glm.json"))).get("glm_tight");
        Map<String, Object> ours = json(s.out());
        double dev = ((Number) glm.get("deviance")).doubleValue();
        assertEquals(dev, ((Number) ours.get("deviance")).doubleValue(), 1e-9 * dev);
        double b0 = ((Number) ((List<?>) glm.get("coefficients")).get(0)).doubleValue();
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) ((List<?>) ours.get("coefficients")).get(0);
        assertEquals("(Intercept)", first.get("name"));
        assertEquals(b0, ((Number) first.get("estimate")).doubleValue(), 1e-6 * Math.abs(b0));
        Cli text = Cli.run("summary", m.toString());
        assertTrue(text.out().startsWith("Coefficients:"), text.toString());
        assertTrue(text.out().contains("Std. Error"), text.toString());
    }

    @Test
    void predictAddsProbabilityAndLabelToEveryRow() throws IOException {
        Path m = dir.resolve("m.s4j");
        assertEquals(0, Cli.run("train", "-q", "--out", m.toString()).code());
        Path p = dir.resolve("p.csv");
        Cli r = Cli.run("predict", "--model", m.toString(), "--data", SPAMBASE.toString(), "--out", p.toString());
        assertEquals(0, r.code(), r.toString());
        List<String> lines = Files.readAllLines(p);
        assertEquals(4602, lines.size());
        assertTrue(lines.get(0).endsWith(",label,probability,prediction"));
        List<String> source = Files.readAllLines(SPAMBASE);
        for (int i = 1; i < lines.size(); i += 500) {
            assertTrue(lines.get(i).startsWith(source.get(i) + ","), lines.get(i));
            String[] f = lines.get(i).split(",");
            double prob = Double.parseDouble(f[58]);
            assertTrue(prob > 0 && prob < 1);
            assertEquals(prob > 0.5 ? "1" : "0", f[59]);
        }
    }

    @Test
    void textLabelsWithPositiveAndMultinomialDigits() throws IOException {
        Path d = dir.resolve("mail.csv");
        StringBuilder b = new StringBuilder("x1,x2,kind,sender\n");
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        for (int i = 0; i < 200; i++) {
            double x1 = rnd.nextGaussian();
            double x2 = rnd.nextGaussian();
            b.append(x1).append(',').append(x2).append(',').append(x1 + 0.5 * x2 + 0.3 * rnd.nextGaussian() > 0 ? "spam" : "ham")
                    .append(",someone@example.org\n");
        }
        Files.writeString(d, b);
        Path m = dir.resolve("mail.s4j");
        Cli r = Cli.run("train", "--data", d.toString(), "--target", "kind", "--positive", "spam", "--exclude", "sender",
                "--out", m.toString());
        assertEquals(0, r.code(), r.toString());
        assertEquals(List.of("ham", "spam"), ModelFile.read(m).labels().classes());
        assertEquals(List.of("x1", "x2"), ModelFile.read(m).schema().features());
        Cli p = Cli.run("predict", "--model", m.toString(), "--data", d.toString());
        assertTrue(p.out().lines().skip(1).allMatch(l -> l.contains(",someone@example.org,")
                && (l.endsWith(",spam") || l.endsWith(",ham"))), p.toString());

        Path digits = SharedFiles.resolve("data/digits.csv");
        Path dm = dir.resolve("digits.s4j");
        Cli t = Cli.run("train", "--data", digits.toString(), "--target", "label", "--out", dm.toString());
        assertEquals(0, t.code(), t.toString());
        // README class counts 178,182,177,183,181,182,181,179,174,180: 20% of each, rounded, held out
        int held = Arrays.stream(new int[] {178, 182, 177, 183, 181, 182, 181, 179, 174, 180}).map(c -> (int) Math.round(0.2 * c)).sum();
        assertTrue(t.out().startsWith("Held-out evaluation (" + held + " of 1797 rows"), t.toString());
        assertEquals(10, ModelFile.read(dm).labels().numClasses());
        Cli pd = Cli.run("predict", "--model", dm.toString(), "--data", digits.toString());
        assertTrue(pd.out().lines().findFirst().orElseThrow().endsWith(",p_0,p_1,p_2,p_3,p_4,p_5,p_6,p_7,p_8,p_9,prediction"));
    }

    /** Unpenalised multinomial: summary gives nnet::multinom's contrasts and standard errors (models' MultinomialSummaryTest checks the numbers). */
    @Test
    void unpenalisedMultinomialSummaryHasContrastTablesAndJson() throws IOException {
        // a seeded 3-class problem with overlapping classes (so that the estimate exists)
        Path d = dir.resolve("m3.csv");
        StringBuilder b = new StringBuilder("x1,x2,label\n");
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(9);
        for (int i = 0; i < 300; i++) {
            double x1 = rnd.nextGaussian(), x2 = rnd.nextGaussian();
            double u = rnd.nextDouble() * 3 + 0.8 * x1 - 0.6 * x2;
            b.append(x1).append(',').append(x2).append(',').append(u < 1 ? "a" : u < 2 ? "b" : "c").append('\n');
        }
        Files.writeString(d, b);
        Path m = dir.resolve("m3.s4j");
        Cli t = Cli.run("train", "--data", d.toString(), "--target", "label", "--penalty", "none", "--test-fraction", "0",
                "--no-report", "--out", m.toString());
        assertEquals(0, t.code(), t.toString());
        Cli text = Cli.run("summary", m.toString());
        assertTrue(text.out().startsWith("Multinomial logit, baseline class a"), text.toString());
        assertTrue(text.out().contains("Class b vs a:") && text.out().contains("Class c vs a:"), text.toString());
        assertTrue(text.out().contains(" vs ") && text.out().contains("Std. Error") && text.out().contains("AIC:"), text.toString());
        Map<String, Object> j = json(Cli.run("summary", m.toString(), "--json").out());
        assertTrue(j.containsKey("baseline") && j.containsKey("aic") && j.containsKey("model"), j.toString());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> coefs = (List<Map<String, Object>>) j.get("coefficients");
        assertTrue(coefs.stream().allMatch(c -> c.get("std_error") instanceof Number && c.get("class") != null), coefs.toString());
    }

    /** A constant feature in an unpenalised fit: R's NA row, its degrees of freedom and AIC, and JSON nulls. */
    @Test
    void constantFeatureIsNaInTheSummaryAsInR() throws IOException {
        Path d = dir.resolve("const.csv");
        Files.writeString(d, "a,b,y\n1,0.5,0\n1,1.5,1\n1,-0.5,1\n1,2.5,0\n1,0.1,1\n1,-1.2,0\n");
        Path m = dir.resolve("const.s4j");
        Cli t = Cli.run("train", "--data", d.toString(), "--target", "y", "--penalty", "none", "--test-fraction", "0",
                "--no-report", "--out", m.toString());
        assertEquals(0, t.code(), t.toString());
        assertTrue(t.err().contains("not defined because of singularities") && t.err().contains(": a is"), t.toString());
        Cli text = Cli.run("summary", m.toString());
        assertTrue(text.out().contains("Coefficients: (1 not defined because of singularities)"), text.toString());
        assertTrue(text.out().matches("(?s).*\\na +NA +NA +NA +NA\\n.*"), text.toString());
        // R: glm(y ~ a + b) has 2 estimated coefficients, so 6 - 2 = 4 residual degrees of freedom
        assertTrue(text.out().contains("on 4  degrees of freedom"), text.toString());
        Map<String, Object> j = json(Cli.run("summary", m.toString(), "--json").out());
        @SuppressWarnings("unchecked")
        Map<String, Object> a = ((List<Map<String, Object>>) j.get("coefficients")).get(1);
        assertEquals("a", a.get("name"));
        assertTrue(a.containsKey("estimate") && a.get("estimate") == null && a.get("std_error") == null, a.toString());
    }

    /** train --json: one JSON object on stdout with the paths, the row counts the data README implies, and the evaluation. */
    @Test
    void trainJsonReportsPathsRowsAndTheHeldOutEvaluation() throws IOException {
        Path out = dir.resolve("j.s4j");
        // --test-fraction 0: every row is fitted, none is held out
        Cli r = Cli.run("train", "--data", SPAMBASE.toString(), "--target", "label", "--test-fraction", "0", "--json",
                "--no-report", "--out", out.toString());
        assertEquals(0, r.code(), r.toString());
        Map<String, Object> j = json(r.out());
        assertEquals(out.toString(), j.get("model"));
        assertTrue(j.containsKey("report") && j.get("report") == null, j.toString());
        assertEquals(4601, ((Number) j.get("rows")).intValue());
        assertEquals(4601, ((Number) j.get("train_rows")).intValue());
        assertEquals(0, ((Number) j.get("held_out_rows")).intValue());
        assertEquals(57, ((Number) j.get("features")).intValue());
        assertTrue(((Number) j.get("final_loss")).doubleValue() > 0);
        assertEquals(List.of(), j.get("warnings"));

        Cli h = Cli.run("train", "--json", "--out", dir.resolve("h.s4j").toString());
        assertEquals(0, h.code(), h.toString());
        Map<String, Object> hj = json(h.out());
        // README counts: 20% of 1813 spam and of 2788 not held out
        assertEquals(921, ((Number) hj.get("held_out_rows")).intValue());
        assertEquals(3680, ((Number) hj.get("train_rows")).intValue());
        @SuppressWarnings("unchecked")
        Map<String, Object> ev = (Map<String, Object>) hj.get("evaluation");
        double acc = ((Number) ev.get("accuracy")).doubleValue();
        assertTrue(acc > 0.9 && acc < 1, ev.toString());
        // the same numbers the model file keeps (summary --json reads them back from disk)
        Map<String, Object> stored = json(Cli.run("summary", (String) hj.get("model"), "--json").out());
        @SuppressWarnings("unchecked")
        Map<String, Object> storedEval = (Map<String, Object>) ((Map<String, Object>) stored.get("model")).get("evaluation");
        assertEquals(ev.get("accuracy"), storedEval.get("accuracy"));
        assertTrue(h.err().contains("Report written to"), h.toString());
        assertTrue(Files.exists(Path.of((String) hj.get("report"))), hj.toString());
    }

    /**
     * --threshold f1 / youden: the stored threshold maximises the score on the training rows, checked
     * against every cut of the probabilities predict writes for those rows.
     */
    @Test
    void thresholdChosenOnTheTrainingRowsMaximisesF1AndYoudensJ() throws IOException {
        for (String rule : new String[] {"f1", "youden"}) {
            Path m = dir.resolve("t-" + rule + ".s4j");
            Cli t = Cli.run("train", "--data", SPAMBASE.toString(), "--target", "label", "--test-fraction", "0",
                    "--threshold", rule, "--no-report", "--out", m.toString());
            assertEquals(0, t.code(), t.toString());
            assertTrue(t.err().contains("Threshold " + rule + " chosen on the 4601 training rows"), t.toString());
            double chosen = ModelFile.read(m).threshold();
            Cli p = Cli.run("predict", "--model", m.toString(), "--data", SPAMBASE.toString());
            List<String> lines = p.out().lines().toList();
            List<String> header = List.of(lines.get(0).split(","));
            int py = header.indexOf("label"), pp = header.indexOf("probability");
            int n = lines.size() - 1;
            double[] prob = new double[n];
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                String[] f = lines.get(i + 1).split(",");
                y[i] = (int) Double.parseDouble(f[py]);
                prob[i] = Double.parseDouble(f[pp]);
            }
            double best = Double.NEGATIVE_INFINITY;
            double[] cuts = prob.clone();
            Arrays.sort(cuts);
            for (double c : cuts) {
                best = Math.max(best, score(rule, y, prob, Math.nextDown(c)));
            }
            // predict rounds the probabilities it prints; allow the score of one row either way
            assertTrue(score(rule, y, prob, chosen) >= best - 2.0 / n, rule + ": " + score(rule, y, prob, chosen) + " < " + best);
        }
        Cli multi = Cli.run("train", "--data", SharedFiles.resolve("data/digits.csv").toString(), "--target", "label",
                "--threshold", "f1", "--out", dir.resolve("no.s4j").toString());
        assertEquals(2, multi.code(), multi.toString());
        assertTrue(multi.err().contains("--threshold f1 applies to a binary target"), multi.toString());
    }

    private static double score(String rule, int[] y, double[] p, double t) {
        long tp = 0, fp = 0, fn = 0, tn = 0;
        for (int i = 0; i < y.length; i++) {
            boolean pos = p[i] > t;
            if (pos && y[i] == 1) tp++; else if (pos) fp++; else if (y[i] == 1) fn++; else tn++;
        }
        return rule.equals("f1") ? 2.0 * tp / (2 * tp + fp + fn) : (double) tp / (tp + fn) - (double) fp / (fp + tn);
    }

    /** Unpenalised multinomial digits: the training rows are separable, and train and summary say so. */
    @Test
    void unpenalisedMultinomialSeparationIsSaidByTrainAndSummary() throws IOException {
        Path digits = SharedFiles.resolve("data/digits.csv");
        Path dm = dir.resolve("digits-none.s4j");
        Cli t = Cli.run("train", "--data", digits.toString(), "--target", "label", "--penalty", "none", "--out", dm.toString());
        assertEquals(0, t.code(), t.toString());
        assertTrue(t.err().contains("complete separation") && t.err().contains("maximum-likelihood estimate does not exist"),
                t.toString());
        Cli text = Cli.run("summary", dm.toString());
        assertTrue(text.out().contains("Warning: complete separation"), text.toString());
        Cli json = Cli.run("summary", dm.toString(), "--json");
        assertTrue(json.out().contains("\"separation\":\"complete\""), json.toString());

        // text classes, tied at x = 0: quasi-complete, and the warning names the classes, not their indices
        Path q = dir.resolve("tie.csv");
        Files.writeString(q, "x,cls\n-3,a\n-2,a\n-1,a\n0,a\n0,b\n0,c\n1,c\n2,c\n3,c\n");
        Cli t2 = Cli.run("train", "--data", q.toString(), "--target", "cls", "--penalty", "none", "--test-fraction", "0",
                "--no-report", "--out", dir.resolve("tie.s4j").toString());
        assertEquals(0, t2.code(), t2.toString());
        assertTrue(t2.err().contains("quasi-complete separation") && t2.err().contains("x (class a) → −∞"), t2.toString());
    }

    @Test
    void helpIsGroupedAndDocumentsExitCodes() {
        Cli r = Cli.run("--help");
        assertEquals(0, r.code());
        String help = r.out() + r.err();
        assertTrue(help.contains("Modelling:") && help.contains("Inspection:") && help.contains("Exit codes:"), help);
        assertTrue(help.indexOf("train") < help.indexOf("Inspection:"));
        Cli t = Cli.run("train", "--help");
        assertTrue(t.out().contains("Logistic regression options (--model logistic):") && t.out().contains("4  bad model file"), t.toString());
    }
}
