package io.r1kit.eval;

/**
 * Student's t distribution with a whole number of degrees of freedom, in closed form (the finite sums of
 * Abramowitz and Stegun 26.7.3 and 26.7.4 in θ = atan(t / √ν)), for the paired test over a handful of seeds:
 * two-sided p-values and the quantiles of a confidence interval.
 *
 * <pre>{@code
 * StudentT.twoSidedP(2.571, 5);   // 0.05
 * StudentT.quantile(0.975, 5);    // 2.5706
 * }</pre>
 */
public final class StudentT {

    private StudentT() {}

    /** P(|T| < t) for {@code t} ≥ 0 and ν = {@code df} ≥ 1. */
    public static double central(double t, int df) {
        if (df < 1) {
            throw new IllegalArgumentException("degrees of freedom must be >= 1, got " + df);
        }
        if (Double.isNaN(t)) {
            return Double.NaN;
        }
        double a = Math.abs(t);
        if (Double.isInfinite(a)) {
            return 1;
        }
        double theta = Math.atan(a / Math.sqrt(df));
        double c2 = Math.cos(theta) * Math.cos(theta);
        double s = Math.sin(theta);
        if (df % 2 == 1) {
            double sum = 0;
            if (df > 1) {
                double term = Math.cos(theta);
                sum = term;
                for (int k = 3; k <= df - 2; k += 2) {   // cos θ (1 + 2/3 cos²θ + 2·4/(3·5) cos⁴θ + …)
                    term *= c2 * (k - 1) / k;
                    sum += term;
                }
            }
            return Math.min(1, 2 / Math.PI * (theta + s * sum));
        }
        double term = 1;
        double sum = 1;
        for (int k = 2; k <= df - 2; k += 2) {           // 1 + 1/2 cos²θ + 1·3/(2·4) cos⁴θ + …
            term *= c2 * (k - 1) / k;
            sum += term;
        }
        return Math.min(1, s * sum);
    }

    /** The two-sided p-value of statistic {@code t} with {@code df} degrees of freedom. */
    public static double twoSidedP(double t, int df) {
        return 1 - central(t, df);
    }

    /** The {@code p} quantile, for 0 &lt; p &lt; 1 (bisection to 1e-12 of the probability's scale). */
    public static double quantile(double p, int df) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("a quantile needs 0 < p < 1, got " + p);
        }
        if (p == 0.5) {
            return 0;
        }
        double inside = Math.abs(2 * p - 1);   // P(|T| < q) for the upper quantile q
        double lo = 0;
        double hi = 1;
        while (central(hi, df) < inside) {
            lo = hi;
            hi *= 2;
        }
        for (int i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, hi); i++) {
            double mid = (lo + hi) / 2;
            if (central(mid, df) < inside) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double q = (lo + hi) / 2;
        return p > 0.5 ? q : -q;
    }
}
