package io.r1kit.cli;

import picocli.CommandLine.Command;

/** {@code r1kit experiment ...}: the paper's experiments, each one command. */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "Run one of the paper's experiments end to end, with its table and charts.",
        subcommands = {ExperimentR1Command.class})
final class ExperimentCommand extends GroupCommand {
}
