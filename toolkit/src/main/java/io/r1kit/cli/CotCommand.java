package io.r1kit.cli;

import picocli.CommandLine.Command;

/** {@code r1kit cot ...}: the CoT data engine (generate, filter, preview). */
@Command(name = "cot", mixinStandardHelpOptions = true, description = "Generate, filter and preview CoT data.",
        subcommands = {CotGenerateCommand.class, CotFilterCommand.class, CotPreviewCommand.class})
final class CotCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
