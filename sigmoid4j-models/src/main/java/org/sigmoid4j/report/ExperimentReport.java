package org.sigmoid4j.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.sigmoid4j.diagnostics.EpochStats;
import org.sigmoid4j.experiments.ExperimentResult;

/**
 * Renders an {@link ExperimentResult} (live, or read back from its {@code --json} file) as one
 * self-contained HTML report: the experiment's verdict on top, its tables, comparison charts per
 * group of runs, then every run's own verdict and diagnostics in a collapsible section.
 */
public final class ExperimentReport {

    private ExperimentReport() {}

    public static HtmlReport of(ExperimentResult result) {
        HtmlReport r = HtmlReport.titled("sigmoid4j experiment: " + result.experiment())
                .verdict(TrainingReport.level(result.verdict()), result.verdict().headline(), result.verdict().findings());
        List<String[]> facts = new ArrayList<>();
        result.config().forEach((k, v) -> facts.add(new String[] {k, String.valueOf(v)}));
        if (!facts.isEmpty()) {
            r.heading("Settings");
            r.facts(facts);
        }
        for (ExperimentResult.Table t : result.tables()) {
            r.heading(t.title());
            r.table(t.columns(), t.rows());
        }
        Map<String, List<ExperimentResult.Run>> groups = new LinkedHashMap<>();
        for (ExperimentResult.Run run : result.runs()) groups.computeIfAbsent(run.group(), g -> new ArrayList<>()).add(run);
        for (Map.Entry<String, List<ExperimentResult.Run>> g : groups.entrySet()) {
            List<ExperimentResult.Run> runs = g.getValue();
            r.heading(g.getKey());
            List<String> charts = new ArrayList<>();
            String acc = compare(g.getKey() + ": test accuracy", "accuracy", false, runs, EpochStats::testAccuracy, true);
            if (acc != null) charts.add(acc);
            String loss = compare(g.getKey() + ": training loss", "loss", false, runs, EpochStats::trainLoss, false);
            if (loss != null) charts.add(loss);
            String ratio = compare(g.getKey() + ": gradient ratio first/last hidden", "ratio", true, runs, EpochStats::gradientRatio, false);
            if (ratio != null) charts.add(ratio);
            String sat = compare(g.getKey() + ": saturated units (worst hidden layer)", "fraction", false, runs, EpochStats::maxSaturated, true);
            if (sat != null) charts.add(sat);
            // The per-layer picture of the group's first run (Nielsen's figure).
            ExperimentResult.Run first = runs.getFirst();
            charts.add(TrainingReport.perLayer(LineChart.titled(first.name() + ": ‖∂C/∂b‖ per hidden layer").xLabel("epoch").yLabel("norm").logY(),
                    first.history(), true, l -> l.learningSpeed()).toSvg());
            r.chartGrid(charts);
        }
        r.heading("Every run");
        for (ExperimentResult.Run run : result.runs()) {
            r.beginDetails(run.name() + " — " + run.verdict().headline());
            r.note(TrainingReport.level(run.verdict()), run.verdict().headline());
            r.facts(List.of(new String[] {"layers", java.util.Arrays.toString(run.layers())}, new String[] {"variant", run.variant()},
                    new String[] {"optimizer", run.optimizer()}, new String[] {"seed", Long.toString(run.seed())},
                    new String[] {"training time", String.format(java.util.Locale.ROOT, "%.1f s", run.seconds())}));
            if (run.history().size() > 1) {
                TrainingReport.addSections(r, run.name(), run.history(), 10);
            } else {
                TrainingReport.layerTable(r, run.name(), run.history()); // initialisation only: the numbers, no curves
            }
            r.endDetails();
        }
        ActivationPlots.addTo(r);
        return r;
    }

    /** One series per run of a per-epoch statistic; null if no run has a finite value. */
    private static String compare(String title, String yLabel, boolean log, List<ExperimentResult.Run> runs, ToDoubleFunction<EpochStats> f,
            boolean accuracy) {
        LineChart c = LineChart.titled(title).xLabel("epoch").yLabel(yLabel);
        if (log) c.logY().referenceLine(1);
        if (accuracy) c.yRange(0, 1); // accuracy and fractions
        if (accuracy && yLabel.equals("accuracy")) c.referenceLine(0.1);
        boolean any = false;
        for (ExperimentResult.Run run : runs) {
            double[] x = run.history().stream().mapToDouble(EpochStats::epoch).toArray();
            double[] y = run.history().stream().mapToDouble(f).toArray();
            boolean has = java.util.Arrays.stream(y).anyMatch(v -> Double.isFinite(v) && (!log || v > 0));
            if (!has) continue;
            any = true;
            c.series(runs.size() == 1 ? run.name() : label(run, runs), x, y);
        }
        return any ? c.toSvg() : null;
    }

    /** The shortest label that tells a group's runs apart. */
    private static String label(ExperimentResult.Run run, List<ExperimentResult.Run> runs) {
        boolean sameVariant = runs.stream().allMatch(x -> x.variant().equals(run.variant()));
        boolean sameOptimizer = runs.stream().allMatch(x -> x.optimizer().equals(run.optimizer()));
        if (sameVariant && sameOptimizer) return "seed " + run.seed();
        if (sameOptimizer) return run.variant();
        if (sameVariant) return run.optimizer();
        return run.variant() + " " + run.optimizer();
    }
}
