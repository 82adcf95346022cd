package io.r1kit.cli;

import com.google.gson.JsonObject;
import io.r1kit.cot.DataEngine;
import io.r1kit.cot.GraphCotWriter;
import io.r1kit.cot.filter.FilterConfig;
import io.r1kit.cot.filter.Reanswerer;
import io.r1kit.display.ProgressBar;
import io.r1kit.scene.gen.SceneGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code r1kit cot generate --scenes N --seed S --out DIR}: instruction data and CoT records for generated rooms. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate rooms and write instruction data for the seven tasks (ScanRefer, ScanQA, 3D-LLM formats), "
                + "Scene-30K CoT records with filter verdicts, scene_caption.json and engine.json.")
final class CotGenerateCommand implements Callable<Integer> {

    @Option(names = "--scenes", required = true, description = "number of rooms")
    int scenes;

    @Option(names = "--seed", defaultValue = "0", description = "first room seed (rooms use seed, seed+1, ...)")
    long seed;

    @Option(names = "--out", required = true, description = "output folder")
    Path out;

    @Mixin
    JsonOutput output;

    @Override
    public Integer call() throws Exception {
        DataEngine engine = new DataEngine(new SceneGenerator(), new GraphCotWriter(seed), FilterConfig.defaults(),
                Reanswerer.CONCLUSION);
        PrintWriter err = output.err();
        JsonObject summary = engine.generate(scenes, seed, out,
                (done, total, id) -> ProgressBar.redraw(err, done, total, done + "/" + total + " " + id));
        output.print(() -> toText(summary), () -> JsonOutput.pretty(summary));
        return 0;
    }

    private String toText(JsonObject summary) {
        StringBuilder sb = new StringBuilder("wrote " + out + " (" + scenes + " scenes, seed " + seed + ", back end "
                + summary.get("backend").getAsString() + ")");
        for (Map.Entry<String, com.google.gson.JsonElement> e : summary.getAsJsonObject("splits").entrySet()) {
            JsonObject c = e.getValue().getAsJsonObject();
            sb.append(String.format("%n  %-5s scenes %3d  examples %5d  cot records %5d  passing all filters %5d", e.getKey(),
                    c.get("scenes").getAsInt(), c.get("examples").getAsInt(), c.get("cot_records").getAsInt(),
                    c.get("cot_passed").getAsInt()));
        }
        return sb.toString();
    }
}
