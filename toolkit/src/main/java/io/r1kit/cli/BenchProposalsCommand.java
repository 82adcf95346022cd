package io.r1kit.cli;

import com.google.gson.JsonObject;
import io.r1kit.scene.Scene;
import io.r1kit.scene.load.Scenes;
import io.r1kit.scene.proposal.BoxMatcher;
import io.r1kit.scene.proposal.ProposalConfig;
import io.r1kit.scene.proposal.ProposalQuality;
import io.r1kit.scene.proposal.ProposalRun;
import io.r1kit.scene.proposal.Proposals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code r1kit bench proposals PATH [--repeats N] [--config F] [--json]}: median time per proposal
 * stage and, when the scan has true boxes, recall and precision of the proposals at IoU 0.25 and 0.5.
 */
@Command(name = "proposals", mixinStandardHelpOptions = true,
        description = "Time object proposals per stage (median of runs after one warm-up) and, on a labelled scan, "
                + "measure recall and precision against its boxes at IoU 0.25 and 0.5.")
final class BenchProposalsCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", description = "a scene file; its objects, if any, are the ground truth")
    Path path;

    @Option(names = "--repeats", defaultValue = "5", description = "timed runs (default ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--config", paramLabel = "FILE", description = "proposal config JSON (default: the built-in defaults)")
    Path config;

    @Mixin
    JsonOutput output;

    @Override
    public Integer call() throws Exception {
        if (repeats < 1) {
            throw new IllegalArgumentException("--repeats " + repeats + " must be at least 1");
        }
        ProposalConfig cfg = config == null ? ProposalConfig.defaults() : readConfig(config);
        Scene scene = Scenes.load(path);
        Scene bare = Proposals.withoutObjects(scene);
        Proposals.run(bare, cfg); // warm-up: class loading and JIT
        List<Map<String, Double>> times = new ArrayList<>();
        ProposalRun run = null;
        for (int i = 0; i < repeats; i++) {
            run = Proposals.run(bare, cfg);
            times.add(run.stageMillis());
        }
        Map<String, Double> median = new LinkedHashMap<>();
        for (String stage : run.stageMillis().keySet()) {
            median.put(stage, median(times.stream().mapToDouble(m -> m.get(stage)).toArray()));
        }
        median.put("total", median(times.stream().mapToDouble(m -> m.values().stream().mapToDouble(d -> d).sum()).toArray()));
        ProposalQuality q = scene.objects().isEmpty() ? null : ProposalQuality.of(scene, cfg);
        ProposalRun last = run;
        output.print(() -> toText(scene, cfg, last, median, q), () -> JsonOutput.pretty(toJson(scene, cfg, last, median, q)));
        return 0;
    }

    private static ProposalConfig readConfig(Path file) throws java.io.IOException {
        try {
            return ProposalConfig.fromJson(Files.readString(file));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private String toText(Scene scene, ProposalConfig cfg, ProposalRun run, Map<String, Double> median, ProposalQuality q) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s  %,d points, %d true boxes%n", scene.id(), scene.points().size(),
                scene.objects().size()));
        sb.append(run.summary(cfg)).append('\n');
        sb.append(String.format(Locale.ROOT, "stage      median ms (%d runs, %d cores)%n", repeats,
                Runtime.getRuntime().availableProcessors()));
        median.forEach((stage, ms) -> sb.append(String.format(Locale.ROOT, "  %-8s %9.1f%n", stage, ms)));
        if (q != null) {
            for (BoxMatcher.Result r : List.of(q.at25(), q.at50())) {
                sb.append(String.format(Locale.ROOT, "IoU %.2f   recall %.3f (%d/%d)  precision %.3f (%d/%d)%n",
                        r.threshold(), r.recall(), r.matches().size(), r.truth(), r.precision(), r.matches().size(),
                        r.predicted()));
            }
        }
        return sb.toString().stripTrailing();
    }

    private JsonObject toJson(Scene scene, ProposalConfig cfg, ProposalRun run, Map<String, Double> median,
                              ProposalQuality q) {
        JsonObject o = new JsonObject();
        o.addProperty("id", scene.id());
        o.addProperty("points", scene.points().size());
        o.addProperty("true_boxes", scene.objects().size());
        o.addProperty("proposals", run.proposals().size());
        o.addProperty("repeats", repeats);
        JsonObject ms = new JsonObject();
        median.forEach(ms::addProperty);
        o.add("median_ms", ms);
        if (q != null) {
            for (BoxMatcher.Result r : List.of(q.at25(), q.at50())) {
                JsonObject j = new JsonObject();
                j.addProperty("recall", r.recall());
                j.addProperty("precision", r.precision());
                j.addProperty("matched", r.matches().size());
                o.add(r.threshold() == 0.25 ? "iou_0.25" : "iou_0.5", j);
            }
        }
        o.add("config", com.google.gson.JsonParser.parseString(cfg.toJson()));
        return o;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
