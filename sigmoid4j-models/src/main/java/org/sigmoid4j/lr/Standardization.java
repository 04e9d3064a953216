package org.sigmoid4j.lr;

/**
 * Feature standardisation: (x − mean)/sd with the population sd (ddof = 0) over all rows, both
 * sums compensated (Neumaier), so they are correct to about an ulp; sd = 0 becomes 1.
 */
final class Standardization {

    private Standardization() {}

    /** {mean, scale}. */
    static double[][] fit(double[] x, int n, int d) {
        double[] mean = new double[d];
        double[] scale = new double[d];
        double[] comp = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                add(mean, comp, j, x[i * d + j]);
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] = (mean[j] + comp[j]) / n;
            comp[j] = 0;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double v = x[i * d + j] - mean[j];
                add(scale, comp, j, v * v);
            }
        }
        for (int j = 0; j < d; j++) {
            double sd = Math.sqrt((scale[j] + comp[j]) / n);
            scale[j] = sd > 0 ? sd : 1.0;
        }
        return new double[][] {mean, scale};
    }

    private static void add(double[] sum, double[] comp, int j, double v) {
        double s = sum[j];
        double t = s + v;
        comp[j] += Math.abs(s) >= Math.abs(v) ? (s - t) + v : (v - t) + s;
        sum[j] = t;
    }

    static double[] apply(double[] x, int n, int d, double[] mean, double[] scale) {
        double[] out = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                out[i * d + j] = (x[i * d + j] - mean[j]) / scale[j];
            }
        }
        return out;
    }
}
