package io.r1kit.train.experiment;

import io.r1kit.eval.MeteorResources;
import io.r1kit.eval.tasks.TaskEval;
import io.r1kit.eval.tasks.TaskReport;
import io.r1kit.eval.tasks.TaskReportFile;
import io.r1kit.model.text.TextTokenizer;
import io.r1kit.model.vlm.Vlm3d;
import io.r1kit.model.vlm.VlmAsk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The experiment's evaluations: each model answers the held-out questions once, and its report is kept whole in
 * {@code eval-NAME.json} in the experiment's folder ({@link TaskReportFile}) under the SHA-256 of what its answers
 * depend on ({@link #contentKey}); a model whose file matches is not evaluated again.
 */
final class ExperimentEvaluation {

    private final TaskEval.Options options;
    private final MeteorResources meteor;
    private final R1Experiment.Listener listener;
    private final Path out;

    ExperimentEvaluation(TaskEval.Options options, MeteorResources meteor, R1Experiment.Listener listener, Path out) {
        this.options = options;
        this.meteor = meteor;
        this.listener = listener;
        this.out = out;
    }

    /** The reports of {@code runs}, each named by its folder. */
    List<TaskReport> all(List<Path> runs) throws IOException {
        List<TaskReport> reports = new ArrayList<>();
        for (Path p : runs) {
            reports.add(of(p, p.getFileName().toString()));
        }
        return reports;
    }

    /** The report of the checkpoint in {@code dir}, read from {@code eval-NAME.json} when it is of this model. */
    TaskReport of(Path dir, String name) throws IOException {
        Path kept = out.resolve("eval-" + name + ".json");
        String key = contentKey(dir);
        Optional<TaskReport> before = TaskReportFile.read(kept, key, options);
        if (before.isPresent()) {
            listener.phase(name + " evaluated before (" + kept.getFileName() + "): kept");
            return before.get();
        }
        listener.phase("evaluating " + name);
        try (Vlm3d vlm = Vlm3d.load(dir); TextTokenizer tokenizer = TextTokenizer.load(dir)) {
            TaskReport r = TaskReport.of(name, TaskEval.run(new VlmAsk(vlm, tokenizer), options,
                    listener.answering(name)), options, meteor);
            TaskReportFile.write(r, key, kept);
            return r;
        }
    }

    /** SHA-256 over a checkpoint's weights, configuration and tokenizer: what its answers depend on. */
    static String contentKey(Path dir) throws IOException {
        java.security.MessageDigest sha;
        try {
            sha = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
        for (String f : List.of("model.safetensors", "vlm.json", "config.json", "tokenizer.json")) {
            Path p = dir.resolve(f);
            if (Files.isRegularFile(p)) {
                sha.update(f.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update(Files.readAllBytes(p));
            }
        }
        return java.util.HexFormat.of().formatHex(sha.digest());
    }
}
