package io.r1kit.cli;

import io.r1kit.display.Progress;
import io.r1kit.facade.R1CotData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
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
        R1CotData data = R1CotData.generate(scenes, seed, out, Progress.text(output.err()));
        output.print(data::toString, () -> JsonOutput.pretty(data.summary()));
        return 0;
    }
}
