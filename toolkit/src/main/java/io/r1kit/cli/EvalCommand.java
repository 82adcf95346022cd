package io.r1kit.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import io.r1kit.data.DataFormatException;
import io.r1kit.eval.Benchmark;
import io.r1kit.eval.EvalFiles;
import io.r1kit.eval.MetricScore;
import io.r1kit.eval.TextMetric;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code r1kit eval --metric M --pred P.json --gt G.json [--json]} scores COCO-shaped files
 * ({@code {"id": ["text"]}}); {@code r1kit eval --benchmark B --pred P --gt G} runs a task protocol.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Score predictions: one text metric over id -> [text] JSON files (--metric), or a "
                + "benchmark protocol (--benchmark scanrefer|scanqa|sqa3d|nr3d|scan2cap|3dllm).")
final class EvalCommand implements Callable<Integer> {

    @Option(names = "--metric", description = "bleu, cider, rouge, meteor or em")
    String metric;

    @Option(names = "--benchmark", description = "scanrefer, scanqa, sqa3d, nr3d, scan2cap or 3dllm")
    String benchmark;

    @Option(names = "--pred", required = true, description = "predictions file")
    Path pred;

    @Option(names = "--gt", required = true, description = "ground-truth file")
    Path gt;

    @Option(names = "--json", description = "print one JSON object instead of text")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if ((metric == null) == (benchmark == null)) {
            throw new IllegalArgumentException("give exactly one of --metric and --benchmark");
        }
        List<MetricScore> scores;
        String what;
        if (metric != null) {
            TextMetric m = parseMetric(metric);
            Map<String, List<String>> p = EvalFiles.readTexts(pred);
            Map<String, List<String>> g = EvalFiles.readTexts(gt);
            try {
                scores = m.score(p, g);
            } catch (IllegalArgumentException e) {
                // Name the file at fault: an empty or missing reference is the ground truth's, the rest
                // (missing or extra predictions) the prediction file's.
                String msg = e.getMessage();
                boolean gtFault = msg.contains("\": no reference") || msg.contains("\": reference ")
                        || msg.contains("no answer");
                throw new DataFormatException(gtFault ? gt : pred, msg);
            }
            what = m.name().toLowerCase(Locale.ROOT);
        } else {
            Benchmark b = Benchmark.parse(benchmark);
            scores = b.run(pred, gt);
            what = b.cliName();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? toJson(what, scores) : toText(what, scores));
        out.flush();
        return 0;
    }

    private static TextMetric parseMetric(String name) {
        try {
            return TextMetric.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown metric \"" + name + "\": use one of bleu, cider, rouge, meteor, em");
        }
    }

    static String toText(String what, List<MetricScore> scores) {
        StringBuilder sb = new StringBuilder(what).append("  (")
                .append(scores.get(0).perSample().length).append(" samples)\n");
        for (MetricScore s : scores) {
            sb.append(String.format(Locale.ROOT, "%-24s %.6f%n", s.name(), s.score()));
        }
        return sb.toString().stripTrailing();
    }

    static String toJson(String what, List<MetricScore> scores) {
        JsonObject o = new JsonObject();
        o.addProperty("eval", what);
        o.addProperty("samples", scores.get(0).perSample().length);
        JsonObject s = new JsonObject();
        for (MetricScore m : scores) {
            s.addProperty(m.name(), Double.isNaN(m.score()) ? null : m.score());
        }
        o.add("scores", s);
        return new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(o);
    }
}
