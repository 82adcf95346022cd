package io.r1kit.cli;

import io.r1kit.data.AnnotationSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code r1kit data info FILE [--json]}: format, record and scene counts of an annotation file. */
@Command(name = "data", mixinStandardHelpOptions = true, description = "Inspect annotation data sets.",
        subcommands = {DataCommand.Info.class})
final class DataCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "Detect the format of an annotation file (ScanRefer, Nr3D, ScanQA, SQA3D, 3D-LLM, "
                    + "Scene-30K) and count its records per scene.")
    static final class Info implements Callable<Integer> {

        @Parameters(paramLabel = "FILE")
        Path file;

        @Option(names = "--json", description = "print one JSON object instead of text")
        boolean json;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            AnnotationSummary summary = AnnotationSummary.read(file);
            PrintWriter out = spec.commandLine().getOut();
            out.println(json ? summary.toJson() : summary.toText());
            out.flush();
            return 0;
        }
    }
}
