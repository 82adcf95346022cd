package io.r1kit.notebook;

import io.r1kit.display.Table;
import io.r1kit.eval.CaptionCorpus;
import io.r1kit.eval.MetricScore;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Tables of evaluation results: one row per sample or one row per metric. */
public final class EvalTables {

    private EvalTables() {}

    /**
     * One row per sample: id, candidate tokens, first reference tokens, and each metric's score.
     *
     * <pre>{@code
     * EvalTables.perSample(corpus, List.of(CiderD.score(corpus), RougeL.score(corpus)))
     * }</pre>
     */
    public static Table perSample(CaptionCorpus corpus, List<MetricScore> scores) {
        List<String> columns = new ArrayList<>(List.of("id", "candidate", "reference 1"));
        scores.forEach(s -> columns.add(s.name()));
        List<List<?>> rows = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            List<Object> row = new ArrayList<>();
            row.add(corpus.ids().get(i));
            row.add(String.join(" ", corpus.candidate(i)));
            row.add(String.join(" ", corpus.references(i).get(0)));
            for (MetricScore s : scores) {
                row.add(String.format(Locale.ROOT, "%.3f", s.perSample()[i]));
            }
            rows.add(row);
        }
        return Table.of("per-sample scores (" + corpus.size() + " samples)", columns, rows);
    }

    /** One row per metric with its corpus score. */
    public static Table summary(List<MetricScore> scores) {
        List<List<?>> rows = new ArrayList<>();
        for (MetricScore s : scores) {
            rows.add(List.of(s.name(), String.format(Locale.ROOT, "%.4f", s.score())));
        }
        return Table.of("corpus scores", List.of("metric", "score"), rows);
    }
}
