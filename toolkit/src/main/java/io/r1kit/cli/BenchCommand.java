package io.r1kit.cli;

import picocli.CommandLine.Command;

/** {@code r1kit bench ...}: benchmarks that print measured figures. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure speed and quality.",
        subcommands = {BenchProposalsCommand.class})
final class BenchCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
