package io.r1kit.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import io.r1kit.data.DataFormatException;
import io.r1kit.eval.Benchmark;
import io.r1kit.eval.CaptionCorpus;
import io.r1kit.eval.EvalFiles;
import io.r1kit.eval.MeteorResources;
import io.r1kit.eval.MetricScore;
import io.r1kit.eval.PtbTokenizer;
import io.r1kit.eval.TextMetric;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code r1kit eval --metric M --pred P.json --gt G.json [--json]} scores COCO-shaped files
 * ({@code {"id": ["text"]}}); {@code r1kit eval --benchmark B --pred P --gt G} runs a task protocol;
 * {@code r1kit eval --tokenize F} shows the PTB tokens the text metrics score.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Score predictions: one text metric over id -> [text] JSON files (--metric), or a "
                + "benchmark protocol (--benchmark scanrefer|scanqa|sqa3d|nr3d|scan2cap|3dllm).")
final class EvalCommand implements Callable<Integer> {

    @Option(names = "--metric", description = "bleu, cider, rouge, meteor or em")
    String metric;

    @Option(names = "--benchmark", description = "scanrefer, scanqa, sqa3d, nr3d, scan2cap or 3dllm")
    String benchmark;

    @Option(names = "--pred", description = "predictions file")
    Path pred;

    @Option(names = "--gt", description = "ground-truth file")
    Path gt;

    @Option(names = "--pretokenized", description = "with --metric: the text is tokenised already "
            + "(split at spaces only; no PTB step)")
    boolean pretokenized;

    @Option(names = "--tokenize", paramLabel = "FILE", description = "print FILE (id -> [text]) as JSON with "
            + "every text replaced by its PTB tokens, as the metrics see them")
    Path tokenize;

    @Mixin
    JsonOutput output;

    @Option(names = "--per-sample", description = "with --json: add each sample's scores, in id order")
    boolean perSample;

    @Option(names = "--timing", description = "with --json: add the seconds spent scoring (files read and "
            + "JVM start excluded), for benchmarks")
    boolean timing;

    @Option(names = "--meteor-data", paramLabel = "DIR", description = "pycocoevalcap's meteor folder (meteor-1.5.jar "
            + "+ data/paraphrase-en.gz) for METEOR's synonym and paraphrase modules; default: $R1KIT_METEOR_DIR, "
            + "which the launcher sets to the project's venv")
    Path meteorData;

    @Override
    public Integer call() throws Exception {
        if (tokenize != null) {
            PrintWriter out = output.out();
            Map<String, List<String>> tokens = new java.util.LinkedHashMap<>();
            EvalFiles.readTexts(tokenize).forEach((id, texts) ->
                    tokens.put(id, texts.stream().map(PtbTokenizer::tokenize).toList()));
            out.println(new GsonBuilder().disableHtmlEscaping().create().toJson(tokens));
            out.flush();
            return 0;
        }
        if ((metric == null) == (benchmark == null)) {
            throw new IllegalArgumentException("give exactly one of --metric and --benchmark (or --tokenize FILE)");
        }
        if (pred == null || gt == null) {
            throw new IllegalArgumentException("give both --pred and --gt");
        }
        MeteorResources meteor = meteorResources();
        List<MetricScore> scores;
        String what;
        List<String> ids = null;
        long start;
        if (metric != null) {
            TextMetric m = parseMetric(metric);
            Map<String, List<String>> p = EvalFiles.readTexts(pred);
            Map<String, List<String>> g = EvalFiles.readTexts(gt);
            ids = List.copyOf(g.keySet());
            start = System.nanoTime();
            try {
                scores = pretokenized && m != TextMetric.EM
                        ? m.score(CaptionCorpus.pretokenized(p, g), meteor) : m.score(p, g, meteor);
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
            start = System.nanoTime();
            scores = b.run(pred, gt, meteor);
            what = b.cliName();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<MetricScore> scored = scores;
        List<String> sampleIds = ids;
        output.print(() -> toText(what, scored) + meteorNote(scored, meteor, "\nMETEOR modules: "),
                () -> jsonText(what, scored, sampleIds, seconds, meteor));
        return 0;
    }

    /**
     * The METEOR data: read before scoring, so that a bad folder is reported as itself and not as a
     * fault of the prediction file; the paraphrase table takes a few seconds, which we say.
     */
    private MeteorResources meteorResources() {
        java.util.Optional<Path> dir = meteorData != null ? java.util.Optional.of(meteorData)
                : MeteorResources.configuredFolder();
        boolean needed = benchmark != null || (metric != null && metric.equalsIgnoreCase("meteor"));
        if (!needed || dir.isEmpty()) {
            return MeteorResources.builtIn();
        }
        output.err().println("r1kit: reading METEOR's synonyms and paraphrase table from " + dir.get()
                + " (about 15 s) ...");
        output.err().flush();
        return MeteorResources.load(dir.get());
    }

    private static String meteorNote(List<MetricScore> scores, MeteorResources meteor, String prefix) {
        return scores.stream().anyMatch(s -> s.name().startsWith("METEOR")) ? prefix + meteor.description() : "";
    }

    /** The {@code --json} output: the scores, with {@code --per-sample} each sample's, with {@code --timing} the seconds. */
    private String jsonText(String what, List<MetricScore> scores, List<String> ids, double seconds,
                            MeteorResources meteor) {
        JsonObject o = toJson(what, scores);
        if (!meteorNote(scores, meteor, "").isEmpty()) {
            o.addProperty("meteor_modules", meteor.description());
        }
        if (perSample) {
            JsonObject per = new JsonObject();
            for (MetricScore m : scores) {
                com.google.gson.JsonArray a = new com.google.gson.JsonArray();
                for (double v : m.perSample()) {
                    a.add(v);
                }
                per.add(m.name(), a);
            }
            if (ids != null) {
                com.google.gson.JsonArray a = new com.google.gson.JsonArray();
                ids.forEach(a::add);
                o.add("ids", a);
            }
            o.add("per_sample", per);
        }
        if (timing) {
            o.addProperty("seconds", seconds);
        }
        return new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(o);
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

    static JsonObject toJson(String what, List<MetricScore> scores) {
        JsonObject o = new JsonObject();
        o.addProperty("eval", what);
        o.addProperty("samples", scores.get(0).perSample().length);
        JsonObject s = new JsonObject();
        for (MetricScore m : scores) {
            s.addProperty(m.name(), Double.isNaN(m.score()) ? null : m.score());
        }
        o.add("scores", s);
        return o;
    }
}
