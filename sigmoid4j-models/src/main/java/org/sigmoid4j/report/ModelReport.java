package org.sigmoid4j.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sigmoid4j.diagnostics.EpochStats;
import org.sigmoid4j.diagnostics.Verdict;
import org.sigmoid4j.model.io.Provenance;
import org.sigmoid4j.model.io.TrainedModel;

/**
 * The HTML report of a trained model, from what its model file holds (no data needed): the verdict
 * on the {@link org.sigmoid4j.diagnostics.GradientMonitor} records in the training history
 * ({@code "type": "diagnostics"}) when there are some, the held-out evaluation, the provenance,
 * the per-epoch losses, and the diagnostics charts.
 */
public final class ModelReport {

    /** The {@code type} of the training-history records that hold {@link EpochStats}. */
    public static final String DIAGNOSTICS = "diagnostics";

    private ModelReport() {}

    /** The diagnostics records of a model's training history (empty if it has none). */
    public static List<EpochStats> diagnostics(TrainedModel m) {
        List<EpochStats> out = new ArrayList<>();
        for (Map<String, Object> h : m.history()) {
            if (DIAGNOSTICS.equals(h.get("type"))) out.add(EpochStats.fromJson(h));
        }
        return out;
    }

    public static HtmlReport of(TrainedModel m, String fileName) {
        Provenance p = m.provenance();
        int k = m.classifier().numClasses();
        List<EpochStats> diag = diagnostics(m);
        String title = "sigmoid4j model: " + m.kind() + " on " + p.dataSource();
        HtmlReport r = HtmlReport.titled(title);
        Object acc = m.evaluation().get("accuracy");
        String accText = acc instanceof Number n ? String.format(Locale.ROOT, "held-out accuracy %.4f", n.doubleValue()) : "no held-out evaluation";
        if (!diag.isEmpty() && acc instanceof Number n && !Double.isFinite(diag.getLast().testAccuracy())) {
            // The held-out accuracy of the final model stands for the last epoch's (the monitor had no test data).
            diag.set(diag.size() - 1, diag.getLast().withTestAccuracy(n.doubleValue()));
        }
        if (!diag.isEmpty()) {
            Verdict v = Verdict.of(diag, k);
            List<String> findings = new ArrayList<>(v.findings());
            findings.add("Model: " + accText + ".");
            r.verdict(TrainingReport.level(v), v.headline(), findings);
        } else {
            r.verdict(HtmlReport.Level.OK, capitalize(m.kind()) + " model, " + accText + ".",
                    List.of(m.kind().equals("logistic")
                            ? "Logistic regression has no hidden layers, so there are no per-layer gradients to judge; the fit's own record is below."
                            : "The training history holds no gradient diagnostics (the model was trained without the monitor)."));
        }
        List<String[]> facts = new ArrayList<>();
        facts.add(new String[] {"model file", fileName});
        facts.add(new String[] {"kind", m.kind()});
        facts.add(new String[] {"features", Integer.toString(m.classifier().numFeatures())});
        facts.add(new String[] {"classes", Integer.toString(k)});
        facts.add(new String[] {"data", p.dataSource() + " (" + p.dataRows() + " rows, " + p.trainRows() + " used for training)"});
        facts.add(new String[] {"seed", Long.toString(p.seed())});
        facts.add(new String[] {"final training loss", Double.isFinite(p.finalLoss()) ? String.format(Locale.ROOT, "%.6g", p.finalLoss()) : "n/a"});
        facts.add(new String[] {"training", p.training().toString()});
        facts.add(new String[] {"library / JDK / kernels", p.library() + " / " + p.jdk() + " / " + p.kernels()});
        r.heading("Model");
        r.facts(facts);
        if (!m.evaluation().isEmpty()) {
            r.heading("Held-out evaluation");
            List<List<String>> rows = new ArrayList<>();
            for (Map.Entry<String, Object> e : m.evaluation().entrySet()) {
                Object v = e.getValue();
                if (v instanceof Number n) {
                    double d = n.doubleValue();
                    rows.add(List.of(e.getKey(), d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : String.format(Locale.ROOT, "%.6g", d)));
                }
                else if (v instanceof String s) rows.add(List.of(e.getKey(), s));
            }
            r.table(List.of("metric", "value"), rows);
        }
        // Per-epoch losses recorded by the trainer ("type": "epoch"), and other records as a table.
        List<double[]> epochs = new ArrayList<>();
        List<List<String>> other = new ArrayList<>();
        for (Map<String, Object> h : m.history()) {
            Object type = h.get("type");
            if ("epoch".equals(type) && h.get("epoch") instanceof Number e && h.get("train_loss") instanceof Number l) {
                double vl = h.get("validation_loss") instanceof Number n ? n.doubleValue() : Double.NaN;
                epochs.add(new double[] {e.doubleValue() + 1, l.doubleValue(), vl});
            } else if (!DIAGNOSTICS.equals(type)) {
                for (Map.Entry<String, Object> e : h.entrySet()) other.add(List.of(e.getKey(), String.valueOf(e.getValue())));
            }
        }
        if (!epochs.isEmpty() && diag.isEmpty()) {
            double[] x = epochs.stream().mapToDouble(a -> a[0]).toArray();
            LineChart c = LineChart.titled("training loss").xLabel("epoch").yLabel("loss").series("train", x, epochs.stream().mapToDouble(a -> a[1]).toArray());
            double[] vl = epochs.stream().mapToDouble(a -> a[2]).toArray();
            if (java.util.Arrays.stream(vl).anyMatch(Double::isFinite)) c.series("validation", x, vl);
            r.heading("Training");
            r.chart(c.toSvg());
        }
        if (!other.isEmpty()) {
            r.heading("Fit record");
            r.table(List.of("field", "value"), other);
        }
        if (!diag.isEmpty()) TrainingReport.addSections(r, "", diag, k);
        ActivationPlots.addTo(r);
        return r;
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
