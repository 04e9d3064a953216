package org.sigmoid4j.lr;

/** The standard normal upper tail, for p-values. */
final class Normal {

    private Normal() {}

    private static final double TWO_OVER_SQRT_PI = 1.1283791670955126;
    private static final double ONE_OVER_SQRT_PI = 0.5641895835477563;

    /** P(|Z| ≥ |z|) = erfc(|z|/√2), relative error about 1e-14. */
    static double twoSidedP(double z) {
        return erfc(Math.abs(z) / Math.sqrt(2.0));
    }

    /** erfc(u) for u ≥ 0: series for erf below 2, Lentz's continued fraction above. */
    static double erfc(double u) {
        if (Double.isNaN(u)) {
            return Double.NaN;
        }
        if (u < 0) {
            return 2 - erfc(-u);
        }
        if (u < 2) {
            // erf(u) = 2/√π · e^{−u²} · Σ 2ⁿ u^{2n+1} / (1·3·…·(2n+1)), all terms positive
            double term = u;
            double sum = u;
            for (int n = 1; n < 200; n++) {
                term *= 2 * u * u / (2 * n + 1);
                sum += term;
                if (term < 1e-17 * sum) {
                    break;
                }
            }
            return 1 - TWO_OVER_SQRT_PI * Math.exp(-u * u) * sum;
        }
        if (u > 27.3) {
            return 0; // below the smallest double
        }
        // erfc(u) = e^{−u²}/√π · 1/(u + (1/2)/(u + 1/(u + (3/2)/(u + …)))), modified Lentz
        double tiny = 1e-300;
        double f = u;
        double c = u;
        double d = 0;
        for (int k = 1; k < 500; k++) {
            double a = k * 0.5;
            d = u + a * d;
            d = d == 0 ? tiny : d;
            c = u + a / c;
            c = c == 0 ? tiny : c;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return ONE_OVER_SQRT_PI * Math.exp(-u * u) / f;
    }
}
