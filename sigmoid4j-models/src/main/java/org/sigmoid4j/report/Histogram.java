package org.sigmoid4j.report;

import java.util.Arrays;
import java.util.Objects;

/**
 * A dependency-free histogram rendered as one inline SVG element: bars over bin edges, the y axis
 * as a fraction of all counted values. Every bar with a non-zero count is a {@code class="mark"}
 * element, so a browser test can count what was drawn.
 */
public final class Histogram {

    private final String title;
    private final double[] edges;
    private final long[] counts;
    private String xLabel = "";
    private String color = Svg.PALETTE[0];

    private Histogram(String title, double[] edges, long[] counts) {
        this.title = Objects.requireNonNull(title, "title");
        if (edges.length != counts.length + 1) {
            throw new IllegalArgumentException("a histogram with " + counts.length + " bins needs " + (counts.length + 1)
                    + " edges, got " + edges.length);
        }
        for (int i = 1; i < edges.length; i++) {
            if (!(edges[i] > edges[i - 1])) throw new IllegalArgumentException("histogram edges must increase: " + Arrays.toString(edges));
        }
        for (long c : counts) if (c < 0) throw new IllegalArgumentException("negative histogram count: " + c);
        this.edges = edges.clone();
        this.counts = counts.clone();
    }

    /** A histogram of pre-binned counts ({@code edges.length == counts.length + 1}). */
    public static Histogram of(String title, double[] edges, long[] counts) {
        return new Histogram(title, edges, counts);
    }

    /** Bins {@code values} into {@code bins} equal bins over [lo, hi]; values outside go to the end bins, NaN is skipped. */
    public static Histogram binned(String title, double[] values, double lo, double hi, int bins) {
        if (bins < 1 || !(hi > lo)) throw new IllegalArgumentException("need bins ≥ 1 and hi > lo");
        double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) edges[i] = lo + (hi - lo) * i / bins;
        long[] counts = new long[bins];
        for (double v : values) {
            if (Double.isNaN(v)) continue;
            int k = (int) Math.floor((v - lo) / (hi - lo) * bins);
            counts[Math.max(0, Math.min(bins - 1, k))]++;
        }
        return new Histogram(title, edges, counts);
    }

    public Histogram xLabel(String label) {
        this.xLabel = Objects.requireNonNull(label);
        return this;
    }

    public Histogram color(String cssColor) {
        this.color = Objects.requireNonNull(cssColor);
        return this;
    }

    public String toSvg() {
        double w = 320, h = 200, left = 44, right = 8, top = 26, bottom = 38;
        long total = 0, max = 0;
        for (long c : counts) {
            total += c;
            max = Math.max(max, c);
        }
        double maxFrac = total == 0 ? 1 : (double) max / total;
        double[] yt = Svg.niceTicks(0, maxFrac, 4);
        double yTop = yt[0] + yt[1] * (yt[2] - 1);
        double[] xt = Svg.niceTicks(edges[0], edges[edges.length - 1], 4);
        double x0 = edges[0], x1 = edges[edges.length - 1];
        double pw = w - left - right, ph = h - top - bottom;
        StringBuilder b = new StringBuilder(2048);
        b.append("<svg class=\"chart histogram\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(Svg.c(w)).append(' ').append(Svg.c(h))
                .append("\" width=\"100%\" role=\"img\" aria-label=\"").append(Svg.esc(title)).append("\" font-family=\"").append(Svg.FONT)
                .append("\" font-size=\"11\">\n<title>").append(Svg.esc(title)).append("</title>\n");
        b.append("<text x=\"").append(Svg.c(w / 2)).append("\" y=\"16\" text-anchor=\"middle\" font-size=\"12\" font-weight=\"600\">")
                .append(Svg.esc(title)).append("</text>\n");
        b.append("<g fill=\"#333\" text-anchor=\"end\">");
        for (int i = 0; i < yt[2]; i++) {
            double v = yt[0] + i * yt[1];
            double yy = top + ph - v / yTop * ph;
            b.append("<line x1=\"").append(Svg.c(left)).append("\" x2=\"").append(Svg.c(w - right)).append("\" y1=\"").append(Svg.c(yy))
                    .append("\" y2=\"").append(Svg.c(yy)).append("\" stroke=\"#e3e3e3\"/>");
            b.append("<text x=\"").append(Svg.c(left - 4)).append("\" y=\"").append(Svg.c(yy + 4)).append("\">")
                    .append(Svg.esc(Svg.tickLabel(v, yt[1]))).append("</text>");
        }
        b.append("</g>\n<g class=\"bars\" fill=\"").append(color).append("\">");
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) continue;
            double frac = (double) counts[i] / total;
            double bx = left + (edges[i] - x0) / (x1 - x0) * pw, bw = (edges[i + 1] - edges[i]) / (x1 - x0) * pw;
            double bh = Math.max(0.5, frac / yTop * ph);
            b.append("<rect class=\"mark\" x=\"").append(Svg.c(bx + 0.5)).append("\" y=\"").append(Svg.c(top + ph - bh)).append("\" width=\"")
                    .append(Svg.c(Math.max(0.5, bw - 1))).append("\" height=\"").append(Svg.c(bh)).append("\"><title>")
                    .append(Svg.esc(Svg.human(edges[i]) + " to " + Svg.human(edges[i + 1]) + ": " + counts[i])).append("</title></rect>");
        }
        b.append("</g>\n<g fill=\"#333\" text-anchor=\"middle\">");
        for (int i = 0; i < xt[2]; i++) {
            double v = xt[0] + i * xt[1];
            if (v < x0 - 1e-9 || v > x1 + 1e-9) continue;
            double xx = left + (v - x0) / (x1 - x0) * pw;
            b.append("<text x=\"").append(Svg.c(xx)).append("\" y=\"").append(Svg.c(top + ph + 14)).append("\">")
                    .append(Svg.esc(Svg.tickLabel(v, xt[1]))).append("</text>");
        }
        b.append("</g>\n<path d=\"M").append(Svg.c(left)).append(' ').append(Svg.c(top)).append("V").append(Svg.c(top + ph)).append("H")
                .append(Svg.c(w - right)).append("\" fill=\"none\" stroke=\"#333\"/>\n");
        b.append("<text x=\"").append(Svg.c(left + pw / 2)).append("\" y=\"").append(Svg.c(h - 6)).append("\" text-anchor=\"middle\" fill=\"#333\">")
                .append(Svg.esc(xLabel)).append("</text>\n");
        if (total == 0) {
            b.append("<text x=\"").append(Svg.c(left + pw / 2)).append("\" y=\"").append(Svg.c(top + ph / 2))
                    .append("\" text-anchor=\"middle\" fill=\"#888\">no data</text>\n");
        }
        b.append("</svg>\n");
        return b.toString();
    }
}
