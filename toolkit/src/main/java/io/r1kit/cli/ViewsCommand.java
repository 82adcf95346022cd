package io.r1kit.cli;

import com.google.gson.JsonObject;
import io.r1kit.display.Progress;
import io.r1kit.scene.Scene;
import io.r1kit.scene.proposal.SceneObjects;
import io.r1kit.view.ViewSelection;
import io.r1kit.view.ViewSelectionConfig;
import io.r1kit.view.ViewSelector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code r1kit views PATH|--room KIND[:SEED] --query TEXT [--k K] [--json] [--out chosen.png]}: dynamic view selection,
 * every candidate's S_text, S_coverage, S_clip and utility, the chosen views written as one image. A
 * scan without objects is scored over its object proposals, and the text says so in one line.
 */
@Command(name = "views", mixinStandardHelpOptions = true,
        description = "Dynamic view selection: score candidate views for a query and write the k best as one image.")
final class ViewsCommand implements Callable<Integer> {

    @Mixin
    SceneInput input;

    @Option(names = "--query", paramLabel = "TEXT", required = true, description = "what the views should show")
    String query;

    @Option(names = "--k", paramLabel = "K", defaultValue = "6", description = "views to choose (default: ${DEFAULT-VALUE})")
    int k;

    @Option(names = "--out", paramLabel = "F.png", description = "image of the chosen views (default: SCENE-views.png)")
    Path out;

    @Mixin
    JsonOutput output;

    @Override
    public Integer call() throws Exception {
        if (k < 1 || k > ViewSelectionConfig.defaults().candidateCount()) {
            throw new IllegalArgumentException("--k " + k + " must be in 1.." + ViewSelectionConfig.defaults().candidateCount()
                    + " (the number of candidate views)");
        }
        ViewSelectionConfig config = ViewSelectionConfig.defaults().withK(k);
        SceneObjects objects = SceneObjects.resolve(input.scene());
        Scene scene = objects.scene();
        ViewSelection s = ViewSelector.select(objects, query, config, Progress.text(output.err()));
        Path png = out != null ? out : Path.of(scene.id() + "-views.png");
        s.write(png);
        output.print(() -> s.table().toString().stripTrailing() + System.lineSeparator()
                + (objects.proposed() ? "objects  " + objects.describe() + "; S_text is 0: proposals have no class"
                        + System.lineSeparator() : "")
                + "targets  " + (s.targets().isEmpty()
                        ? objects.proposed() ? "none (the query's words cannot name a proposal)"
                                : "none (no object label shares a word with the query)"
                        : s.targets().stream().map(t -> t.label() + " #" + t.id()).collect(Collectors.joining(", ")))
                + System.lineSeparator()
                + "chosen   " + s.chosen().stream().map(v -> String.valueOf(v.candidate())).collect(Collectors.joining(", "))
                + "  -> " + png, () -> {
            JsonObject o = s.toJson();
            o.addProperty("out", png.toString());
            return JsonOutput.pretty(o);
        });
        return 0;
    }
}
