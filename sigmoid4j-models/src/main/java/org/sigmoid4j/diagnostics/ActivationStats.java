package org.sigmoid4j.diagnostics;

/**
 * Statistics of one layer's activations over a probe set: the first {@code rows × cols} values of
 * an array (examples × units, row-major). Pure functions; the {@link GradientMonitor} calls them after a probe pass.
 *
 * <p>Saturation is judged from the activation value y, which avoids recomputing f'(z):
 * <ul>
 * <li>sigmoid (and adaptive sigmoid, sigmoid after batch norm): σ'(z) = y(1 − y) &lt; 0.01, i.e. |z| &gt; 4.6;</li>
 * <li>tanh: the analogue at the same point of the curve, tanh'(z) = 1 − y² &lt; 0.04 (tanh'(z) = 4σ'(2z), so |z| &gt; 2.3);</li>
 * <li>other activations: not defined (NaN).</li>
 * </ul>
 * A ReLU unit is dead when its output is 0 for every probe example.
 */
public final class ActivationStats {

    /** σ'(z) below this is saturated. */
    public static final double SATURATION_THRESHOLD = 0.01;
    /** Equal-width bins of the activation histograms. */
    public static final int HISTOGRAM_BINS = 20;

    private ActivationStats() {}

    private static double get(double[] y, int i) {
        return y[i];
    }

    /** Whether {@code activation} (an id) is in the sigmoid family (saturation as σ'). */
    public static boolean sigmoidLike(String activation) {
        return activation.startsWith("sigmoid") || activation.startsWith("adaptive-sigmoid") || activation.equals("hard-sigmoid");
    }

    public static boolean reluLike(String activation) {
        return activation.equals("relu");
    }

    /** Fraction of entries whose derivative is below the threshold (see class doc); NaN if undefined for this activation. */
    public static double saturated(String activation, double[] y, int n) {
        boolean sig = sigmoidLike(activation), tanh = activation.startsWith("tanh");
        if (!sig && !tanh || n == 0) return Double.NaN;
        long count = 0;
        for (int i = 0; i < n; i++) {
            double v = get(y, i);
            double d = sig ? v * (1 - v) : (1 - v * v) / 4;
            if (d < SATURATION_THRESHOLD) count++;
        }
        return (double) count / n;
    }

    /** Fraction of units (columns) that are 0 for every row; NaN unless the activation is ReLU. */
    public static double dead(String activation, double[] y, int rows, int cols) {
        if (!reluLike(activation) || rows == 0 || cols == 0) return Double.NaN;
        int dead = 0;
        for (int c = 0; c < cols; c++) {
            boolean alive = false;
            for (int r = 0; r < rows && !alive; r++) alive = get(y, r * cols + c) > 0;
            if (!alive) dead++;
        }
        return (double) dead / cols;
    }

    /** {mean, population standard deviation}, two-pass for accuracy. */
    public static double[] meanStd(double[] y, int n) {
        if (n == 0) return new double[] {Double.NaN, Double.NaN};
        double s = 0;
        for (int i = 0; i < n; i++) s += get(y, i);
        double mean = s / n, ss = 0;
        for (int i = 0; i < n; i++) {
            double d = get(y, i) - mean;
            ss += d * d;
        }
        return new double[] {mean, Math.sqrt(ss / n)};
    }

    /** The histogram range for an activation: [0,1] sigmoid-like, [−1,1] tanh, else [min, max] of the data. */
    public static double[] range(String activation, double[] y, int n) {
        if (sigmoidLike(activation)) return new double[] {0, 1};
        if (activation.startsWith("tanh")) return new double[] {-1, 1};
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double v = get(y, i);
            if (!Double.isFinite(v)) continue;
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (!(lo <= hi)) return new double[] {0, 1};
        if (hi - lo < 1e-12) hi = lo + 1;
        return new double[] {lo, hi};
    }

    /** Counts in {@link #HISTOGRAM_BINS} equal bins over [lo, hi]; out-of-range values go to the end bins, NaN is skipped. */
    public static long[] histogram(double[] y, int n, double lo, double hi) {
        long[] h = new long[HISTOGRAM_BINS];
        for (int i = 0; i < n; i++) {
            double v = get(y, i);
            if (Double.isNaN(v)) continue;
            int k = (int) Math.floor((v - lo) / (hi - lo) * HISTOGRAM_BINS);
            h[Math.max(0, Math.min(HISTOGRAM_BINS - 1, k))]++;
        }
        return h;
    }
}
