package org.sigmoid4j.report;

import java.util.Locale;

/** Small helpers shared by the SVG charts: escaping, number formatting, axis ticks. */
final class Svg {

    /** Colour-blind-safe palette (Okabe and Ito, 2008), in an order that keeps neighbours distinct. */
    static final String[] PALETTE = {
        "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#8C6D31",
    };

    static final String FONT = "system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";

    private Svg() {}

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A coordinate with two decimals, trailing zeros removed (keeps files small and stable). */
    static String c(double v) {
        long r = Math.round(v * 100);
        if (r % 100 == 0) return Long.toString(r / 100);
        String s = String.format(Locale.ROOT, "%.2f", r / 100.0);
        return s.endsWith("0") ? s.substring(0, s.length() - 1) : s;
    }

    /** A tick label for a linear axis with the given tick step. */
    static String tickLabel(double v, double step) {
        if (Math.abs(v) < step * 1e-9) return "0";
        double a = Math.abs(v);
        if (a >= 1e5 || a < 1e-3) {
            return String.format(Locale.ROOT, "%.3g", v).replaceAll("\\.?0+e", "e").replace("e+0", "e").replace("e-0", "e-");
        }
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /**
     * "Nice" tick values covering [lo, hi] (steps 1, 2 or 5 × 10^k), about {@code target} of them.
     * Returns {start, step, count}.
     */
    static double[] niceTicks(double lo, double hi, int target) {
        if (!(hi > lo)) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            lo -= pad;
            hi += pad;
        }
        double raw = (hi - lo) / Math.max(1, target);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        double step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
        double start = Math.floor(lo / step + 1e-9) * step;
        double end = Math.ceil(hi / step - 1e-9) * step;
        int count = (int) Math.round((end - start) / step) + 1;
        return new double[] {start, step, count};
    }

    /** 10^k as SVG text with a raised exponent. */
    static String decade(int k) {
        if (k == 0) return "1";
        if (k == 1) return "10";
        return "10<tspan dy=\"-0.45em\" font-size=\"75%\">" + (k < 0 ? "\u2212" + (-k) : Integer.toString(k)) + "</tspan>";
    }

    /** Human formatting for text: 1,400 / 0.031 / 2.5e-07. */
    static String human(double v) {
        if (Double.isNaN(v)) return "n/a";
        if (Double.isInfinite(v)) return v > 0 ? "∞" : "−∞";
        double a = Math.abs(v);
        if (a == 0) return "0";
        if (a >= 100) return String.format(Locale.ROOT, "%,.0f", v);
        if (a >= 1e-3) return String.format(Locale.ROOT, "%.3g", v);
        return String.format(Locale.ROOT, "%.2e", v);
    }
}
