package io.r1kit.cli;

import io.r1kit.data.AnnotationSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code r1kit data info FILE [--json]}: format, record and scene counts of an annotation file. */
@Command(name = "data", mixinStandardHelpOptions = true, description = "Inspect annotation data sets.",
        subcommands = {DataCommand.Info.class})
final class DataCommand extends GroupCommand {

    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "Detect the format of an annotation file (ScanRefer, Nr3D, ScanQA, SQA3D, 3D-LLM, "
                    + "Scene-30K) and count its records per scene.")
    static final class Info implements Callable<Integer> {

        @Parameters(paramLabel = "FILE")
        Path file;

        @Mixin
        JsonOutput output;

        @Override
        public Integer call() throws Exception {
            AnnotationSummary summary = AnnotationSummary.read(file);
            output.print(summary::toText, summary::toJson);
            return 0;
        }
    }
}
