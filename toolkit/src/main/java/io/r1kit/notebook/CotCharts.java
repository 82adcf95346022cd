package io.r1kit.notebook;

import io.r1kit.cot.CotRecord;
import io.r1kit.cot.filter.Text;
import io.r1kit.cot.filter.Verdict;
import io.r1kit.cot.tasks.Example;
import io.r1kit.cot.tasks.QuestionType;
import io.r1kit.task.ReasoningParser;
import io.r1kit.task.Task;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Summary charts of a generated data set, as images (the last expression of a notebook cell shows them). */
public final class CotCharts {

    private CotCharts() {}

    /** Examples per task and, for QA, per question type. */
    public static BufferedImage counts(List<Example> examples) {
        Map<String, Integer> n = new LinkedHashMap<>();
        for (Task t : Task.values()) {
            n.put(t.slug(), (int) examples.stream().filter(e -> e.task() == t).count());
        }
        for (QuestionType q : QuestionType.values()) {
            n.put("qa/" + q.slug(), (int) examples.stream().filter(e -> e.type() == q).count());
        }
        return bars("examples per task and question type", "examples", n);
    }

    /** Share of records passing each filter, and all of them ("all"). */
    public static BufferedImage passRates(List<CotRecord> records) {
        Map<String, Integer> pass = new LinkedHashMap<>();
        for (CotRecord r : records) {
            for (Verdict v : r.verdicts()) {
                pass.merge(v.filter(), v.pass() ? 1 : 0, Integer::sum);
            }
            pass.merge("all", r.passed() ? 1 : 0, Integer::sum);
        }
        Map<String, Double> pct = new LinkedHashMap<>();
        pass.forEach((k, v) -> pct.put(k, records.isEmpty() ? 0 : 100.0 * v / records.size()));
        CategoryChart c = chart("filter pass rate (" + records.size() + " records)", "% passing");
        c.addSeries("pass", new ArrayList<>(pct.keySet()), new ArrayList<>(pct.values()));
        c.getStyler().setYAxisMax(100.0);
        return BitmapEncoder.getBufferedImage(c);
    }

    /** Histogram of {@code <think>} and {@code <answer>} lengths in words (bins of 10 words). */
    public static BufferedImage lengths(List<CotRecord> records) {
        int bins = 16;
        int[] think = new int[bins];
        int[] answer = new int[bins];
        for (CotRecord r : records) {
            ReasoningParser.parse(r.cot()).reasoning().ifPresent(x -> {
                think[Math.min(bins - 1, Text.words(x.think()) / 10)]++;
                answer[Math.min(bins - 1, Text.words(x.answer()) / 10)]++;
            });
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < bins; i++) {
            labels.add(i == bins - 1 ? (10 * i) + "+" : (10 * i) + "-" + (10 * i + 9));
        }
        CategoryChart c = chart("reply lengths", "records");
        c.setXAxisTitle("words");
        c.addSeries("<think>", labels, toList(think));
        c.addSeries("<answer>", labels, toList(answer));
        c.getStyler().setLegendVisible(true);
        return BitmapEncoder.getBufferedImage(c);
    }

    private static BufferedImage bars(String title, String y, Map<String, Integer> n) {
        CategoryChart c = chart(title, y);
        c.addSeries(y, new ArrayList<>(n.keySet()), new ArrayList<>(n.values()));
        return BitmapEncoder.getBufferedImage(c);
    }

    private static CategoryChart chart(String title, String y) {
        CategoryChart c = new CategoryChartBuilder().width(760).height(380).title(title).yAxisTitle(y).build();
        c.getStyler().setLegendVisible(false);
        c.getStyler().setXAxisLabelRotation(45);
        return c;
    }

    private static List<Integer> toList(int[] a) {
        List<Integer> l = new ArrayList<>();
        for (int v : a) {
            l.add(v);
        }
        return l;
    }
}
