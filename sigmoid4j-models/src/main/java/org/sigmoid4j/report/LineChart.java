package org.sigmoid4j.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A dependency-free line chart rendered as one inline SVG element: several named series, a legend,
 * axes with "nice" ticks, and an optional logarithmic y axis (ticks at powers of ten).
 *
 * <p>The SVG scales to its container (a {@code viewBox}, {@code width="100%"}), uses no fonts or
 * scripts of its own, and marks every drawn series path with {@code class="mark"} so a browser
 * test can count what was drawn. Points that cannot be drawn (NaN, infinities, and values ≤ 0 on a
 * log axis) break the line instead of being invented.
 *
 * <pre>{@code
 * String svg = LineChart.titled("Gradient norm per layer")
 *         .xLabel("epoch").yLabel("‖∂C/∂b‖").logY()
 *         .series("hidden 1", epochs, norms1)
 *         .series("hidden 2", epochs, norms2)
 *         .toSvg();
 * }</pre>
 */
public final class LineChart {

    /** One named series; {@code x} and {@code y} have equal lengths. */
    public record Series(String name, double[] x, double[] y, boolean dashed, String color) {
        public Series {
            Objects.requireNonNull(name, "name");
            if (x.length != y.length) {
                throw new IllegalArgumentException("series '" + name + "': x has " + x.length + " values, y has " + y.length);
            }
        }
    }

    static final double W = 480, H = 300;
    private static final double LEFT = 58, RIGHT = 12, TOP = 30, BOTTOM_AXIS = 44;
    private static final double LEGEND_ROW = 18, LEGEND_COL = 136;

    private final String title;
    private String xLabel = "";
    private String yLabel = "";
    private boolean logY;
    private Double yMinFixed, yMaxFixed, xMinFixed, xMaxFixed;
    private final List<Series> series = new ArrayList<>();
    private final List<double[]> hLines = new ArrayList<>();

    private LineChart(String title) {
        this.title = Objects.requireNonNull(title, "title");
    }

    public static LineChart titled(String title) {
        return new LineChart(title);
    }

    public LineChart xLabel(String label) {
        this.xLabel = Objects.requireNonNull(label);
        return this;
    }

    public LineChart yLabel(String label) {
        this.yLabel = Objects.requireNonNull(label);
        return this;
    }

    /** Logarithmic y axis; non-positive values are not drawn. */
    public LineChart logY() {
        this.logY = true;
        return this;
    }

    /** Fixes the y range instead of fitting it to the data (values outside are clipped). */
    public LineChart yRange(double min, double max) {
        if (!(max > min)) throw new IllegalArgumentException("y range needs max > min, got " + min + ", " + max);
        this.yMinFixed = min;
        this.yMaxFixed = max;
        return this;
    }

    /** Makes the x axis cover at least [min, max] (e.g. every epoch, even where a series has no value). */
    public LineChart xRange(double min, double max) {
        if (!(max >= min)) throw new IllegalArgumentException("x range needs max ≥ min, got " + min + ", " + max);
        this.xMinFixed = min;
        this.xMaxFixed = max;
        return this;
    }

    /** A thin dotted horizontal reference line at {@code y} (e.g. chance accuracy). */
    public LineChart referenceLine(double y) {
        hLines.add(new double[] {y});
        return this;
    }

    public LineChart series(String name, double[] x, double[] y) {
        return add(new Series(name, x.clone(), y.clone(), false, null));
    }

    public LineChart dashedSeries(String name, double[] x, double[] y) {
        return add(new Series(name, x.clone(), y.clone(), true, null));
    }

    public LineChart add(Series s) {
        series.add(Objects.requireNonNull(s));
        return this;
    }

    public List<Series> seriesList() {
        return List.copyOf(series);
    }

    private boolean integerX() {
        for (Series s : series) for (double x : s.x) if (Double.isFinite(x) && x != Math.rint(x)) return false;
        return !series.isEmpty();
    }

    private boolean drawable(double y) {
        return Double.isFinite(y) && (!logY || y > 0);
    }

    /** The chart as an SVG element (no XML prolog), ready to inline in HTML. */
    public String toSvg() {
        // Data ranges.
        double xMin = Double.POSITIVE_INFINITY, xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY, yMax = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.x.length; i++) {
                if (!Double.isFinite(s.x[i]) || !drawable(s.y[i])) continue;
                xMin = Math.min(xMin, s.x[i]);
                xMax = Math.max(xMax, s.x[i]);
                yMin = Math.min(yMin, s.y[i]);
                yMax = Math.max(yMax, s.y[i]);
            }
        }
        boolean empty = xMin > xMax;
        if (!empty) { // reference lines stay visible
            for (double[] h : hLines) {
                if (!drawable(h[0])) continue;
                yMin = Math.min(yMin, h[0]);
                yMax = Math.max(yMax, h[0]);
            }
        }
        if (empty) {
            xMin = 0; xMax = 1; yMin = logY ? 0.1 : 0; yMax = 1;
        }
        if (!empty && xMinFixed != null) {
            xMin = Math.min(xMin, xMinFixed);
            xMax = Math.max(xMax, xMaxFixed);
        }
        if (yMinFixed != null) {
            yMin = yMinFixed;
            yMax = yMaxFixed;
        }
        int legendCols = (int) Math.max(1, Math.floor((W - 16) / LEGEND_COL));
        int legendRows = series.size() <= 1 ? 0 : (series.size() + legendCols - 1) / legendCols;
        double height = H + legendRows * LEGEND_ROW + (legendRows > 0 ? 8 : 0);
        double plotTop = TOP, plotBottom = H - BOTTOM_AXIS, plotLeft = LEFT, plotRight = W - RIGHT;

        // x axis: linear, nice ticks.
        double[] xt = Svg.niceTicks(xMin, xMax, 6);
        if (integerX() && xt[1] < 1) xt = new double[] {Math.floor(xMin), 1, Math.ceil(xMax) - Math.floor(xMin) + 1}; // epochs: whole ticks
        double x0 = xt[0], x1 = xt[0] + xt[1] * (xt[2] - 1);
        if (!(x1 > x0)) x1 = x0 + 1;

        // y axis.
        double y0, y1;
        List<double[]> yTicks = new ArrayList<>(); // {value, isMajor}
        List<String> yTickLabels = new ArrayList<>();
        if (logY) {
            int k0 = (int) Math.floor(Math.log10(yMin) + 1e-9), k1 = (int) Math.ceil(Math.log10(yMax) - 1e-9);
            if (k1 <= k0) k1 = k0 + 1;
            int stride = Math.max(1, (int) Math.ceil((k1 - k0) / 7.0));
            y0 = k0;
            y1 = k1;
            for (int k = k0; k <= k1; k++) {
                if ((k - k0) % stride == 0) {
                    yTicks.add(new double[] {k, 1});
                    yTickLabels.add(Svg.decade(k));
                }
            }
        } else {
            double[] yt = Svg.niceTicks(yMin, yMax, 5);
            y0 = yMinFixed != null ? yMinFixed : yt[0];
            y1 = yMaxFixed != null ? yMaxFixed : yt[0] + yt[1] * (yt[2] - 1);
            for (int i = 0; i < yt[2]; i++) {
                double v = yt[0] + i * yt[1];
                if (v < y0 - 1e-12 || v > y1 + 1e-12) continue;
                yTicks.add(new double[] {v, 1});
                yTickLabels.add(Svg.esc(Svg.tickLabel(v, yt[1])));
            }
        }
        final double fx0 = x0, fx1 = x1, fy0 = y0, fy1 = y1;
        java.util.function.DoubleUnaryOperator px = v -> plotLeft + (v - fx0) / (fx1 - fx0) * (plotRight - plotLeft);
        java.util.function.DoubleUnaryOperator py = v -> {
            double t = logY ? Math.log10(v) : v;
            return plotBottom - (t - fy0) / (fy1 - fy0) * (plotBottom - plotTop);
        };

        StringBuilder b = new StringBuilder(4096);
        b.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(Svg.c(W)).append(' ').append(Svg.c(height))
                .append("\" width=\"100%\" role=\"img\" aria-label=\"").append(Svg.esc(title))
                .append("\" data-series=\"").append(series.size()).append("\" font-family=\"").append(Svg.FONT)
                .append("\" font-size=\"13\">\n");
        b.append("<title>").append(Svg.esc(title)).append("</title>\n");
        b.append("<text x=\"").append(Svg.c(W / 2)).append("\" y=\"18\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"600\">")
                .append(Svg.esc(title)).append("</text>\n");
        // Grid and y ticks.
        b.append("<g class=\"axis y\" stroke=\"#ddd\" stroke-width=\"1\">\n");
        for (double[] t : yTicks) {
            double yy = logY ? plotBottom - (t[0] - fy0) / (fy1 - fy0) * (plotBottom - plotTop) : py.applyAsDouble(t[0]);
            b.append("<line x1=\"").append(Svg.c(plotLeft)).append("\" x2=\"").append(Svg.c(plotRight))
                    .append("\" y1=\"").append(Svg.c(yy)).append("\" y2=\"").append(Svg.c(yy)).append("\"/>\n");
        }
        b.append("</g>\n<g class=\"ticks\" fill=\"#333\" text-anchor=\"end\">\n");
        for (int i = 0; i < yTicks.size(); i++) {
            double t = yTicks.get(i)[0];
            double yy = logY ? plotBottom - (t - fy0) / (fy1 - fy0) * (plotBottom - plotTop) : py.applyAsDouble(t);
            b.append("<text x=\"").append(Svg.c(plotLeft - 6)).append("\" y=\"").append(Svg.c(yy + 4)).append("\">")
                    .append(yTickLabels.get(i)).append("</text>\n");
        }
        b.append("</g>\n<g class=\"ticks\" fill=\"#333\" text-anchor=\"middle\">\n");
        for (int i = 0; i < xt[2]; i++) {
            double v = xt[0] + i * xt[1];
            if (v < x0 - 1e-9 * xt[1] || v > x1 + 1e-9 * xt[1]) continue;
            double xx = px.applyAsDouble(v);
            b.append("<line x1=\"").append(Svg.c(xx)).append("\" x2=\"").append(Svg.c(xx)).append("\" y1=\"")
                    .append(Svg.c(plotBottom)).append("\" y2=\"").append(Svg.c(plotBottom + 4)).append("\" stroke=\"#333\"/>");
            b.append("<text x=\"").append(Svg.c(xx)).append("\" y=\"").append(Svg.c(plotBottom + 17)).append("\">")
                    .append(Svg.esc(Svg.tickLabel(v, xt[1]))).append("</text>\n");
        }
        b.append("</g>\n");
        // Axes lines and labels.
        b.append("<path d=\"M").append(Svg.c(plotLeft)).append(' ').append(Svg.c(plotTop)).append("V").append(Svg.c(plotBottom))
                .append("H").append(Svg.c(plotRight)).append("\" fill=\"none\" stroke=\"#333\"/>\n");
        b.append("<text x=\"").append(Svg.c((plotLeft + plotRight) / 2)).append("\" y=\"").append(Svg.c(plotBottom + 34))
                .append("\" text-anchor=\"middle\" fill=\"#333\">").append(Svg.esc(xLabel)).append("</text>\n");
        b.append("<text transform=\"translate(14 ").append(Svg.c((plotTop + plotBottom) / 2))
                .append(") rotate(-90)\" text-anchor=\"middle\" fill=\"#333\">").append(Svg.esc(yLabel)).append("</text>\n");
        // Reference lines.
        for (double[] h : hLines) {
            if (!drawable(h[0])) continue;
            double yy = py.applyAsDouble(h[0]);
            if (yy < plotTop || yy > plotBottom) continue;
            b.append("<line x1=\"").append(Svg.c(plotLeft)).append("\" x2=\"").append(Svg.c(plotRight)).append("\" y1=\"")
                    .append(Svg.c(yy)).append("\" y2=\"").append(Svg.c(yy)).append("\" stroke=\"#888\" stroke-dasharray=\"2 3\"/>\n");
        }
        // Series.
        b.append("<g class=\"series\" fill=\"none\" stroke-width=\"2\" stroke-linejoin=\"round\" stroke-linecap=\"round\">\n");
        for (int si = 0; si < series.size(); si++) {
            Series s = series.get(si);
            String color = s.color != null ? s.color : Svg.PALETTE[si % Svg.PALETTE.length];
            StringBuilder d = new StringBuilder();
            int drawn = 0;
            boolean pen = false;
            for (int i = 0; i < s.x.length; i++) {
                double y = s.y[i];
                if (!Double.isFinite(s.x[i]) || !drawable(y)) {
                    pen = false;
                    continue;
                }
                if (yMinFixed != null) y = Math.max(fy0, Math.min(fy1, y));
                double xx = px.applyAsDouble(s.x[i]), yy = py.applyAsDouble(y);
                d.append(pen ? "L" : "M").append(Svg.c(xx)).append(' ').append(Svg.c(yy));
                pen = true;
                drawn++;
            }
            if (drawn == 0) continue;
            b.append("<path class=\"mark\" data-series=\"").append(Svg.esc(s.name)).append("\" stroke=\"").append(color).append('"');
            if (s.dashed) b.append(" stroke-dasharray=\"6 4\"");
            b.append(" d=\"").append(d).append("\"/>\n");
            if (drawn <= 40) { // dots help read short series (a few epochs)
                for (int i = 0; i < s.x.length; i++) {
                    if (!Double.isFinite(s.x[i]) || !drawable(s.y[i])) continue;
                    double y = yMinFixed != null ? Math.max(fy0, Math.min(fy1, s.y[i])) : s.y[i];
                    b.append("<circle class=\"mark\" cx=\"").append(Svg.c(px.applyAsDouble(s.x[i]))).append("\" cy=\"")
                            .append(Svg.c(py.applyAsDouble(y))).append("\" r=\"2.5\" fill=\"").append(color).append("\" stroke=\"none\"/>");
                }
                b.append('\n');
            }
        }
        b.append("</g>\n");
        if (empty) {
            b.append("<text x=\"").append(Svg.c((plotLeft + plotRight) / 2)).append("\" y=\"").append(Svg.c((plotTop + plotBottom) / 2))
                    .append("\" text-anchor=\"middle\" fill=\"#888\">no data</text>\n");
        }
        // Legend under the plot.
        if (legendRows > 0) {
            b.append("<g class=\"legend\" fill=\"#222\">\n");
            for (int si = 0; si < series.size(); si++) {
                Series s = series.get(si);
                String color = s.color != null ? s.color : Svg.PALETTE[si % Svg.PALETTE.length];
                double lx = 8 + (si % legendCols) * LEGEND_COL, ly = H + 10 + (si / legendCols) * LEGEND_ROW;
                b.append("<line x1=\"").append(Svg.c(lx)).append("\" x2=\"").append(Svg.c(lx + 22)).append("\" y1=\"").append(Svg.c(ly - 4))
                        .append("\" y2=\"").append(Svg.c(ly - 4)).append("\" stroke=\"").append(color).append("\" stroke-width=\"2.5\"");
                if (s.dashed) b.append(" stroke-dasharray=\"6 4\"");
                b.append("/><text x=\"").append(Svg.c(lx + 28)).append("\" y=\"").append(Svg.c(ly)).append("\">")
                        .append(Svg.esc(s.name)).append("</text>\n");
            }
            b.append("</g>\n");
        }
        b.append("</svg>\n");
        return b.toString();
    }
}
