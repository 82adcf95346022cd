package io.r1kit.notebook;

import io.r1kit.Excerpt;
import io.r1kit.display.Table;
import io.r1kit.reward.GroupAdvantages;
import io.r1kit.reward.RewardBreakdown;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reward inspection in a notebook (3D-R1 Sec. 3.2): one output's breakdown, and a group of outputs
 * for one prompt side by side with the advantage GRPO would give each.
 *
 * <pre>{@code
 * RewardSet rewards = RewardTargets.defaultRewards();
 * RewardTables.breakdown(RewardBreakdown.of(rewards, output, target));   // displays as a table
 * }</pre>
 */
public final class RewardTables {

    private RewardTables() {}

    /** The think and answer blocks, each reward with its note, and the total. */
    public static Table breakdown(RewardBreakdown b) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("think", "", b.think().orElse("(not in the format)")));
        rows.add(List.of("answer", "", b.answer()));
        b.score().parts().forEach((name, v) -> rows.add(List.of(name, fmt(v), b.notes().get(name))));
        rows.add(List.of("total", fmt(b.score().total()), ""));
        return Table.of("Rewards of one output", List.of("part", "value", "note"), rows);
    }

    /**
     * Several outputs for one prompt: each reward, the total, and the advantage GRPO gives each
     * (3D-R1 Sec. 3.2): {@code (r - mean) / (std + 1e-4)} over the group's totals, computed by
     * {@link GroupAdvantages#of} as training computes it (sample standard deviation; a group of
     * equal totals gets 0s).
     *
     * @param labels a short name per output (e.g. "right box", "no format")
     * @throws IllegalArgumentException when labels and outputs differ in number
     */
    public static Table group(List<String> labels, List<RewardBreakdown> outputs) {
        checkSizes(labels, outputs);
        List<String> parts = partNames(outputs);
        List<String> columns = new ArrayList<>(List.of("output", "answer"));
        columns.addAll(parts);
        columns.addAll(List.of("total", "advantage"));
        double[] adv = GroupAdvantages.of(outputs.stream().mapToDouble(o -> o.score().total()).toArray(),
                GroupAdvantages.EPS);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            RewardBreakdown b = outputs.get(i);
            List<String> row = new ArrayList<>(List.of(labels.get(i), Excerpt.words(b.answer(), 48)));
            for (String p : parts) {
                row.add(b.score().part(p).isPresent() ? fmt(b.score().part(p).getAsDouble()) : "-");
            }
            row.add(fmt(b.score().total()));
            row.add(String.format(Locale.ROOT, "%+.3f", adv[i]));
            rows.add(row);
        }
        return Table.of("A group of " + outputs.size() + " outputs for one prompt", columns, rows);
    }

    /** The group's rewards as stacked bars, one bar per output, one colour per reward. */
    public static BufferedImage chart(List<String> labels, List<RewardBreakdown> outputs) {
        checkSizes(labels, outputs);
        CategoryChart chart = new CategoryChartBuilder().width(720).height(360)
                .title("Rewards per output").xAxisTitle("output").yAxisTitle("reward").build();
        chart.getStyler().setStacked(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setXAxisLabelRotation(20);
        for (String p : partNames(outputs)) {
            chart.addSeries(p, labels, outputs.stream().map(o -> o.score().part(p).orElse(0)).toList());
        }
        return BitmapEncoder.getBufferedImage(chart);
    }

    /** Every reward name of the group, in first-seen order (outputs of one prompt share one target). */
    private static List<String> partNames(List<RewardBreakdown> outputs) {
        Set<String> names = new LinkedHashSet<>();
        outputs.forEach(o -> names.addAll(o.score().parts().keySet()));
        return List.copyOf(names);
    }

    private static void checkSizes(List<String> labels, List<RewardBreakdown> outputs) {
        if (labels.size() != outputs.size()) {
            throw new IllegalArgumentException(labels.size() + " labels for " + outputs.size() + " outputs: give one label per output");
        }
        if (outputs.isEmpty()) {
            throw new IllegalArgumentException("a group needs at least one output");
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
