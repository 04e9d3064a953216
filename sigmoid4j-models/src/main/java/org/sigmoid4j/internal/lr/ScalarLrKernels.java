package org.sigmoid4j.internal.lr;

/** Plain Java loops (four accumulators for the dot product, combined in a fixed order). */
public final class ScalarLrKernels implements LrKernels {

    @Override
    public double dot(double[] a, int aOff, double[] b, int bOff, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            s0 += a[aOff + i] * b[bOff + i];
            s1 += a[aOff + i + 1] * b[bOff + i + 1];
            s2 += a[aOff + i + 2] * b[bOff + i + 2];
            s3 += a[aOff + i + 3] * b[bOff + i + 3];
        }
        for (; i < n; i++) {
            s0 += a[aOff + i] * b[bOff + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public void axpy(double alpha, double[] x, int xOff, double[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] += alpha * x[xOff + i];
        }
    }

    /** Four rows at a time (g loaded and stored once for the four), then one by one. */
    @Override
    public void accumulate(double[] r, int rOff, int rows, double[] x, int xOff, int d, double[] g, int gOff) {
        int i = 0;
        for (; i + 4 <= rows; i += 4) {
            axpy4(r, rOff + i, x, xOff + i * d, d, g, gOff);
        }
        for (; i < rows; i++) {
            axpy(r[rOff + i], x, xOff + i * d, g, gOff, d);
        }
    }

    /** y[yOff+i] += Σ_{q<4} r[rOff+q]·x[xOff+q·d+i], i < d. */
    private static void axpy4(double[] r, int rOff, double[] x, int xOff, int d, double[] y, int yOff) {
        double r0 = r[rOff], r1 = r[rOff + 1], r2 = r[rOff + 2], r3 = r[rOff + 3];
        int o1 = xOff + d, o2 = xOff + 2 * d, o3 = xOff + 3 * d;
        for (int i = 0; i < d; i++) {
            y[yOff + i] += r0 * x[xOff + i] + r1 * x[o1 + i] + r2 * x[o2 + i] + r3 * x[o3 + i];
        }
    }

    @Override
    public void rank4(double[] h, double[] a, double[] u, int p) {
        final int o1 = p, o2 = 2 * p, o3 = 3 * p;
        for (int j = 0; j < p; j++) {
            final double c0 = u[0] * a[j], c1 = u[1] * a[o1 + j], c2 = u[2] * a[o2 + j], c3 = u[3] * a[o3 + j];
            final int hj = j * p;
            for (int k = j; k < p; k++) {
                h[hj + k] += c0 * a[k] + c1 * a[o1 + k] + c2 * a[o2 + k] + c3 * a[o3 + k];
            }
        }
    }

    @Override
    public String name() {
        return "scalar";
    }
}
