package org.sigmoid4j.lr;

import java.util.Arrays;
import org.sigmoid4j.internal.lr.LrKernels;

/**
 * Multinomial (softmax) loss: K classes, parameters θ = K blocks of (bₖ, Wₖ₁ … Wₖd).
 * lossᵢ = logsumexpₖ(zᵢₖ) − zᵢ,yᵢ, computed with the maximum subtracted (never overflows).
 * See {@link Objective} for the gauge term that pins the softmax's shift invariance.
 */
final class MultinomialObjective extends Objective {

    private static final LrKernels K = LrKernels.get();

    private final double[] x;
    private final int n;
    private final int d;
    private final int k;
    private final int[] y;
    private final double[] s;
    private final double totalWeight;
    private final boolean gaugeWeights;
    private final RowGroups groups;

    MultinomialObjective(double[] x, int n, int d, int[] y, int classes, double[] weights,
                         double c, double l2, double l1, int threads) {
        super(c, l2, l1);
        this.x = x;
        this.n = n;
        this.d = d;
        this.k = classes;
        this.y = y;
        this.s = weights;
        double tw = 0;
        if (weights == null) {
            tw = n;
        } else {
            for (double v : weights) {
                tw += v;
            }
        }
        this.totalWeight = tw;
        this.gaugeWeights = l2 == 0 && l1 == 0;
        this.groups = new RowGroups(n, classes * (d + 1), threads);
    }

    @Override
    int dim() {
        return k * (d + 1);
    }

    @Override
    int rows() {
        return n;
    }

    @Override
    boolean penalised(int j) {
        return j % (d + 1) != 0;
    }

    @Override
    double totalWeight() {
        return totalWeight;
    }

    @Override
    double compute(double[] t, double[] grad, double[] hess) {
        final int p = d + 1;
        final int dim = k * p;
        double loss = groups.sumPasses(dim, grad, hess, (from, to, gp, hp) -> pass(t, from, to, gp, hp));
        double pen = 0;
        for (int j = 0; j < dim; j++) {
            if (penalised(j)) {
                pen += t[j] * t[j];
            }
        }
        double[] gauge = grad != null ? new double[dim] : null;
        double[] gaugeH = hess != null ? new double[dim * dim] : null;
        double f = c * loss + 0.5 * l2 * pen + gauge(t, gauge, gaugeH);
        if (grad != null) {
            for (int j = 0; j < dim; j++) {
                grad[j] = c * grad[j] + (penalised(j) ? l2 * t[j] : 0) + gauge[j];
            }
        }
        if (hess != null) {
            for (int i = 0; i < dim; i++) {
                for (int j = i; j < dim; j++) {
                    double v = c * hess[i * dim + j] + (i == j && penalised(i) ? l2 : 0) + gaugeH[i * dim + j];
                    hess[i * dim + j] = v;
                    hess[j * dim + i] = v;
                }
            }
        }
        return f;
    }

    /**
     * The gauge term ½(Σₖ bₖ)² (+ ½Σⱼ(Σₖ Wₖⱼ)² when unpenalised): returns its value and writes
     * its gradient and Hessian into grad / hess (overwriting them).
     */
    private double gauge(double[] t, double[] grad, double[] hess) {
        final int p = d + 1;
        final int dim = k * p;
        if (grad != null) {
            Arrays.fill(grad, 0);
        }
        if (hess != null) {
            Arrays.fill(hess, 0);
        }
        double v = 0;
        for (int j = 0; j < p; j++) {
            if (j > 0 && !gaugeWeights) {
                continue;
            }
            double sum = 0;
            for (int q = 0; q < k; q++) {
                sum += t[q * p + j];
            }
            v += 0.5 * sum * sum;
            for (int q = 0; q < k; q++) {
                if (grad != null) {
                    grad[q * p + j] = sum;
                }
                if (hess != null) {
                    for (int r = 0; r < k; r++) {
                        hess[(q * p + j) * dim + r * p + j] = 1.0;
                    }
                }
            }
        }
        return v;
    }

    /**
     * Loss over rows [from, to); its gradient and Hessian added into gp, hp. Only the blocks
     * (q, r ≥ q) are filled, diagonal blocks in their upper triangle: the caller reads the upper
     * triangle of the whole matrix.
     */
    private double pass(double[] t, int from, int to, double[] gp, double[] hp) {
        final int p = d + 1;
        final int dim = k * p;
        double[] z = new double[k];
        double[] a = hp != null ? new double[p] : null;
        double loss = 0;
        for (int row = from; row < to; row++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int q = 0; q < k; q++) {
                z[q] = t[q * p] + K.dot(x, row * d, t, q * p + 1, d);
                max = Math.max(max, z[q]);
            }
            double sum = 0;
            for (int q = 0; q < k; q++) {
                sum += Math.exp(z[q] - max);
            }
            double lse = max + Math.log(sum);
            double wi = s == null ? 1.0 : s[row];
            int yi = y[row];
            loss += wi * (lse - z[yi]);
            if (gp == null && hp == null) {
                continue;
            }
            for (int q = 0; q < k; q++) {
                z[q] = Math.exp(z[q] - lse); // now the probability p_q
            }
            if (gp != null) {
                for (int q = 0; q < k; q++) {
                    double r = wi * (z[q] - (q == yi ? 1.0 : 0.0));
                    gp[q * p] += r;
                    K.axpy(r, x, row * d, gp, q * p + 1, d);
                }
            }
            if (hp != null) {
                a[0] = 1.0;
                System.arraycopy(x, row * d, a, 1, d);
                for (int q = 0; q < k; q++) {
                    for (int r = q; r < k; r++) {
                        double cqr = wi * ((q == r ? z[q] : 0.0) - z[q] * z[r]);
                        if (cqr == 0) {
                            continue;
                        }
                        for (int j = 0; j < p; j++) {
                            double cj = cqr * a[j];
                            int base = (q * p + j) * dim + r * p;
                            for (int m = (q == r ? j : 0); m < p; m++) {
                                hp[base + m] += cj * a[m];
                            }
                        }
                    }
                }
            }
        }
        return loss;
    }

    @Override
    double batchLoss(double[] t, int[] idx, int from, int to, double[] grad) {
        final int p = d + 1;
        double[] z = new double[k];
        double loss = 0;
        for (int qi = from; qi < to; qi++) {
            int row = idx[qi];
            double max = Double.NEGATIVE_INFINITY;
            for (int q = 0; q < k; q++) {
                z[q] = t[q * p] + K.dot(x, row * d, t, q * p + 1, d);
                max = Math.max(max, z[q]);
            }
            double sum = 0;
            for (int q = 0; q < k; q++) {
                sum += Math.exp(z[q] - max);
            }
            double lse = max + Math.log(sum);
            double wi = s == null ? 1.0 : s[row];
            loss += wi * (lse - z[y[row]]);
            for (int q = 0; q < k; q++) {
                double r = c * wi * (Math.exp(z[q] - lse) - (q == y[row] ? 1.0 : 0.0));
                grad[q * p] += r;
                K.axpy(r, x, row * d, grad, q * p + 1, d);
            }
        }
        return c * loss;
    }

    @Override
    public void close() {
        groups.close();
    }
}
