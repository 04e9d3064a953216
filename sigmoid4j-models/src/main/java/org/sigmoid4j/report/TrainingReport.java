package org.sigmoid4j.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.sigmoid4j.diagnostics.EpochStats;
import org.sigmoid4j.diagnostics.LayerStats;
import org.sigmoid4j.diagnostics.Verdict;

/**
 * Renders one training history (the {@link EpochStats} records a
 * {@link org.sigmoid4j.diagnostics.GradientMonitor} wrote) as sections of an {@link HtmlReport}:
 * the verdict, training curves, per-layer gradient norms on a log scale, the gradient ratio,
 * saturation and dead units, update ratios, activation histograms and a per-layer table.
 */
public final class TrainingReport {

    private TrainingReport() {}

    public static HtmlReport.Level level(Verdict v) {
        return switch (v.severity()) {
            case OK -> HtmlReport.Level.OK;
            case WARNING -> HtmlReport.Level.WARNING;
            case PROBLEM -> HtmlReport.Level.PROBLEM;
        };
    }

    /** A complete report for one run: verdict on top, then {@link #addSections}, then the seed's activation plots. */
    public static HtmlReport of(String title, List<String[]> facts, List<EpochStats> history, int numClasses) {
        Verdict v = Verdict.of(history, numClasses);
        HtmlReport r = HtmlReport.titled(title).verdict(level(v), v.headline(), v.findings());
        if (!facts.isEmpty()) {
            r.heading("Run");
            r.facts(facts);
        }
        addSections(r, "", history, numClasses);
        ActivationPlots.addTo(r);
        return r;
    }

    static double[] epochs(List<EpochStats> h) {
        return h.stream().mapToDouble(EpochStats::epoch).toArray();
    }

    /** Per-layer series of one statistic. */
    static LineChart perLayer(LineChart c, List<EpochStats> h, boolean hiddenOnly, ToDoubleFunction<LayerStats> f) {
        if (h.isEmpty()) return c;
        double[] x = epochs(h);
        int n = h.getLast().layers().size();
        for (int li = 0; li < n; li++) {
            LayerStats ref = h.getLast().layers().get(li);
            if (hiddenOnly && !ref.hidden()) continue;
            double[] y = new double[h.size()];
            boolean any = false;
            for (int e = 0; e < h.size(); e++) {
                List<LayerStats> ls = h.get(e).layers();
                y[e] = li < ls.size() ? f.applyAsDouble(ls.get(li)) : Double.NaN;
                any |= Double.isFinite(y[e]);
            }
            if (any) c.series(ref.name(), x, y);
        }
        return c;
    }

    /** Adds the charts and table of one history; {@code prefix} goes before chart titles (e.g. a variant name). */
    public static void addSections(HtmlReport r, String prefix, List<EpochStats> h, int numClasses) {
        String p = prefix.isEmpty() ? "" : prefix + ": ";
        double[] x = epochs(h);
        r.heading(p + "Training curves");
        List<String> curves = new ArrayList<>();
        double[] loss = h.stream().mapToDouble(EpochStats::trainLoss).toArray();
        curves.add(LineChart.titled(p + "training loss").xLabel("epoch").yLabel("loss").series("train loss", x, loss).toSvg());
        double[] acc = h.stream().mapToDouble(EpochStats::testAccuracy).toArray();
        if (java.util.Arrays.stream(acc).anyMatch(Double::isFinite)) {
            LineChart a = LineChart.titled(p + "test accuracy").xLabel("epoch").yLabel("accuracy").yRange(0, 1).series("test accuracy", x, acc);
            if (x.length > 0) a.xRange(x[0], x[x.length - 1]);
            if (numClasses > 1) a.referenceLine(1.0 / numClasses);
            curves.add(a.toSvg());
        }
        r.chartGrid(curves);

        r.heading(p + "Gradients per layer");
        r.paragraph("‖∂C/∂b‖ is the norm of a layer's mean error signal on a fixed probe set: how fast that layer learns."
                + " Lines far apart on this log scale mean layers learning at very different speeds.");
        List<String> grads = new ArrayList<>();
        grads.add(perLayer(LineChart.titled(p + "‖∂C/∂b‖ per layer (probe set)").xLabel("epoch").yLabel("norm").logY(), h, false,
                LayerStats::learningSpeed).toSvg());
        double[] ratio = h.stream().mapToDouble(EpochStats::gradientRatio).toArray();
        if (java.util.Arrays.stream(ratio).anyMatch(v -> Double.isFinite(v) && v > 0)) {
            grads.add(LineChart.titled(p + "gradient ratio first/last hidden").xLabel("epoch").yLabel("ratio").logY()
                    .referenceLine(1).referenceLine(Verdict.VANISHING).series("ratio", x, ratio).toSvg());
        }
        if (h.stream().flatMap(e -> e.layers().stream()).anyMatch(l -> Double.isFinite(l.updateRatio()) && l.updateRatio() > 0)) {
            grads.add(perLayer(LineChart.titled(p + "update/parameter ratio per step").xLabel("epoch").yLabel("‖ΔW‖/‖W‖").logY(), h, false,
                    LayerStats::updateRatio).toSvg());
        }
        r.chartGrid(grads);

        r.heading(p + "Activations");
        List<String> acts = new ArrayList<>();
        if (h.stream().flatMap(e -> e.hidden().stream()).anyMatch(l -> Double.isFinite(l.saturated()))) {
            acts.add(perLayer(LineChart.titled(p + "saturated units (f'(z) < 0.01)").xLabel("epoch").yLabel("fraction").yRange(0, 1), h, true,
                    LayerStats::saturated).toSvg());
        }
        if (h.stream().flatMap(e -> e.hidden().stream()).anyMatch(l -> Double.isFinite(l.dead()))) {
            acts.add(perLayer(LineChart.titled(p + "dead ReLUs").xLabel("epoch").yLabel("fraction").yRange(0, 1), h, true, LayerStats::dead).toSvg());
        }
        acts.add(perLayer(LineChart.titled(p + "activation spread (std)").xLabel("epoch").yLabel("std"), h, true, LayerStats::actStd).toSvg());
        r.chartGrid(acts);
        if (!h.isEmpty()) {
            List<String> hists = new ArrayList<>();
            EpochStats last = h.getLast();
            int ci = 0;
            for (LayerStats l : last.hidden()) {
                if (l.histogram().length == 0) continue;
                double[] edges = new double[l.histogram().length + 1];
                for (int i = 0; i < edges.length; i++) edges[i] = l.histLo() + (l.histHi() - l.histLo()) * i / (edges.length - 1);
                hists.add(Histogram.of(p + l.name() + " (" + l.activation() + "), epoch " + last.epoch(), edges, l.histogram())
                        .xLabel("activation").color(Svg.PALETTE[ci++ % Svg.PALETTE.length]).toSvg());
            }
            if (!hists.isEmpty()) {
                r.subheading(p + "Activation histograms (probe set, last epoch)");
                r.smallChartGrid(hists);
            }
            layerTable(r, prefix, h);
        }
    }

    /** The per-layer table of the last record. */
    static void layerTable(HtmlReport r, String prefix, List<EpochStats> h) {
        if (h.isEmpty()) return;
        String p = prefix.isEmpty() ? "" : prefix + ": ";
        EpochStats last = h.getLast();
        r.subheading(p + "Per layer at epoch " + last.epoch());
        List<List<String>> rows = new ArrayList<>();
        for (LayerStats l : last.layers()) {
            rows.add(List.of(l.name(), l.activation(), sci(l.gradW()), sci(l.gradB()), sci(l.batchGradW()), pct(l.saturated()),
                pct(l.dead()), fix(l.actMean()), fix(l.actStd()), sci(l.updateRatio())));
        }
        r.table(List.of("layer", "activation", "‖∂C/∂W‖", "‖∂C/∂b‖", "batch ‖∂C/∂W‖", "saturated", "dead", "mean", "std", "update ratio"), rows);
    }

    static String sci(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3e", v) : "n/a";
    }

    static String fix(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "n/a";
    }

    static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f%%", 100 * v) : "n/a";
    }
}
