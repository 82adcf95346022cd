package io.r1kit.eval.tasks;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Percentile bootstrap intervals of a ratio of sums (accuracy = Σ right / Σ asked, a mean = Σ value / Σ 1)
 * that resample whole rooms, not single questions: questions about one room share its layout, so
 * resampling them one by one would understate the spread. Seeded, so a report is reproducible.
 */
final class Bootstrap {

    /** Resamples per interval. */
    static final int RESAMPLES = 2000;

    private Bootstrap() {}

    /** One case's contribution: {@code numerator / denominator}, in room {@code room}. */
    record Item(int room, double numerator, double denominator) {}

    /** The ratio over all items (NaN when the denominators sum to 0). */
    static double ratio(List<Item> items) {
        double num = 0;
        double den = 0;
        for (Item i : items) {
            num += i.numerator();
            den += i.denominator();
        }
        return den == 0 ? Double.NaN : num / den;
    }

    /** The central 95% interval of the ratio over rooms drawn with replacement; {NaN, NaN} without items. */
    static double[] interval95(List<Item> items, long seed) {
        int rooms = items.stream().mapToInt(Item::room).max().orElse(-1) + 1;
        if (items.isEmpty()) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double[] num = new double[rooms];
        double[] den = new double[rooms];
        for (Item i : items) {
            num[i.room()] += i.numerator();
            den[i.room()] += i.denominator();
        }
        int[] used = java.util.stream.IntStream.range(0, rooms).filter(r -> den[r] > 0).toArray();
        Random random = new Random(seed);
        double[] draws = new double[RESAMPLES];
        int n = 0;
        for (int b = 0; b < RESAMPLES; b++) {
            double sn = 0;
            double sd = 0;
            for (int k = 0; k < used.length; k++) {
                int r = used[random.nextInt(used.length)];
                sn += num[r];
                sd += den[r];
            }
            if (sd > 0) {
                draws[n++] = sn / sd;
            }
        }
        double[] sorted = Arrays.copyOf(draws, n);
        Arrays.sort(sorted);
        return n == 0 ? new double[] {Double.NaN, Double.NaN}
                : new double[] {sorted[(int) Math.floor(0.025 * (n - 1))], sorted[(int) Math.ceil(0.975 * (n - 1))]};
    }
}
