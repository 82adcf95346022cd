package io.r1kit.train.experiment;

import com.google.gson.JsonObject;
import io.r1kit.eval.StudentT;

import java.util.List;
import java.util.Locale;

/**
 * GRPO against the control paired over seeds: each seed's GRPO run and its control share the seed (the prompt
 * rooms, the order and the starting model), so the test is on the per-seed differences of a figure (here the mean
 * relative change from SFT over the tasks): their mean, a 95% interval and Student's paired t with n − 1 degrees
 * of freedom. This is the question "ahead of the control beyond the spread between seeds"; the per-prompt
 * intervals of the table answer "beyond the spread between questions" for one trained model.
 *
 * @param grpo     the figure per seed for GRPO
 * @param control  the same figure per seed for the control, in the same seed order
 * @param mean     mean difference GRPO − control
 * @param sd       standard deviation of the differences (n − 1 in the denominator)
 * @param low      lower end of the 95% interval of the mean difference
 * @param high     upper end
 * @param t        the paired t statistic (±infinity when every difference is the same and not 0)
 * @param p        its two-sided p-value
 */
public record SeedComparison(List<Double> grpo, List<Double> control, double mean, double sd, double low, double high,
                             double t, double p) {

    public SeedComparison {
        grpo = List.copyOf(grpo);
        control = List.copyOf(control);
    }

    /**
     * Pairs the first min(|grpo|, |control|) seeds.
     *
     * @throws IllegalArgumentException with fewer than two pairs (no spread to test against)
     */
    public static SeedComparison of(List<Double> grpo, List<Double> control) {
        int n = Math.min(grpo.size(), control.size());
        if (n < 2) {
            throw new IllegalArgumentException("a paired test over seeds needs two seeds with both arms, got " + n);
        }
        double[] d = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            d[i] = grpo.get(i) - control.get(i);
            mean += d[i] / n;
        }
        double ss = 0;
        for (double x : d) {
            ss += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        double se = sd / Math.sqrt(n);
        double t = se > 0 ? mean / se : mean == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, mean);
        double q = StudentT.quantile(0.975, n - 1);
        return new SeedComparison(grpo.subList(0, n), control.subList(0, n), mean, sd, mean - q * se, mean + q * se, t,
                StudentT.twoSidedP(t, n - 1));
    }

    /** Seeds paired. */
    public int seeds() {
        return grpo.size();
    }

    /** One line in percentage points, e.g. "+1.2 points (95% CI −0.1 to +2.5), t = 2.41, df = 5, p = 0.061". */
    public String describe() {
        return String.format(Locale.ROOT, "%+.1f points (95%% CI %+.1f to %+.1f), paired t = %.2f, df = %d, p = %.3f",
                100 * mean, 100 * low, 100 * high, t, seeds() - 1, p);
    }

    /** The comparison as JSON (fractions, not percent). */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("seeds", seeds());
        o.addProperty("mean_difference", mean);
        o.addProperty("sd", sd);
        o.addProperty("ci95_low", low);
        o.addProperty("ci95_high", high);
        o.addProperty("t", t);
        o.addProperty("p_two_sided", p);
        return o;
    }
}
