package io.r1kit.cli;

import picocli.CommandLine.Command;

/** {@code r1kit model ...}: commands about a decoder checkpoint. */
@Command(name = "model", mixinStandardHelpOptions = true, description = "Inspect and run a decoder checkpoint.",
        subcommands = {ModelInfoCommand.class, ModelLogitsCommand.class, ModelBenchCommand.class})
final class ModelCommand extends GroupCommand {
}
