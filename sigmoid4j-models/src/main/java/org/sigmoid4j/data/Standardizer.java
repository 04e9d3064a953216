package org.sigmoid4j.data;

/**
 * Centres and scales each feature: {@code (x - mean) / sd}, with the <em>population</em> standard
 * deviation (divisor n, as numpy's default and the logistic-regression reference files use).
 * Computed in two passes (mean, then the mean squared deviation) with compensated sums, for accuracy. A column whose sd
 * is 0 (constant) keeps scale 1, so it becomes all zeros instead of NaN; {@link #constantColumns}
 * counts them. Stored in the model file and applied at prediction time.
 */
public record Standardizer(double[] mean, double[] scale) {

    public Standardizer {
        if (mean.length != scale.length) {
            throw new IllegalArgumentException("mean and scale lengths differ");
        }
        for (int j = 0; j < scale.length; j++) {
            if (!(scale[j] > 0) || !Double.isFinite(scale[j]) || !Double.isFinite(mean[j])) {
                throw new IllegalArgumentException("bad standardizer for column " + j + ": mean " + mean[j] + ", scale " + scale[j]);
            }
        }
    }

    /** Fits on {@code n} rows of the row-major {@code n × d} array {@code x}. */
    public static Standardizer fit(double[] x, int n, int d) {
        if (n < 1) {
            throw new IllegalArgumentException("no rows to standardise");
        }
        double[] mean = columnMeans(x, n, d, null);
        double[] ss = columnMeans(x, n, d, mean);
        double[] scale = new double[d];
        for (int j = 0; j < d; j++) {
            double sd = Math.sqrt(ss[j]);
            scale[j] = sd > 0 && Double.isFinite(sd) ? sd : 1.0;
        }
        return new Standardizer(mean, scale);
    }

    /**
     * Column means of {@code x} (or, with {@code centre}, of the squared deviations from it), with
     * Neumaier-compensated sums: accurate to about one ulp whatever n, as numpy's pairwise sums.
     */
    private static double[] columnMeans(double[] x, int n, int d, double[] centre) {
        double[] sum = new double[d];
        double[] comp = new double[d];
        for (int i = 0; i < n; i++) {
            int o = i * d;
            for (int j = 0; j < d; j++) {
                double v = x[o + j];
                if (centre != null) {
                    v = (v - centre[j]) * (v - centre[j]);
                }
                double s = sum[j];
                double t = s + v;
                comp[j] += Math.abs(s) >= Math.abs(v) ? (s - t) + v : (v - t) + s;
                sum[j] = t;
            }
        }
        double[] out = new double[d];
        for (int j = 0; j < d; j++) {
            out[j] = (sum[j] + comp[j]) / n;
        }
        return out;
    }

    public int size() {
        return mean.length;
    }

    /** How many columns were constant when fitted (their scale is 1). */
    public int constantColumns(double[] x, int n) {
        int d = mean.length;
        int c = 0;
        for (int j = 0; j < d; j++) {
            boolean constant = true;
            for (int i = 0; i < n && constant; i++) {
                constant = x[i * d + j] == x[j];
            }
            if (constant) {
                c++;
            }
        }
        return c;
    }

    /** Transforms {@code n} rows of {@code x} in place. */
    public void applyInPlace(double[] x, int n) {
        int d = mean.length;
        for (int i = 0; i < n; i++) {
            int o = i * d;
            for (int j = 0; j < d; j++) {
                x[o + j] = (x[o + j] - mean[j]) / scale[j];
            }
        }
    }
}
