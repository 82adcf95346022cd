package io.r1kit.cli;

import picocli.CommandLine.Command;

/** {@code r1kit model ...}: commands about a decoder checkpoint, and the nano model's vocabulary. */
@Command(name = "model", mixinStandardHelpOptions = true,
        description = "Inspect and run a decoder checkpoint; build the nano model's vocabulary.",
        subcommands = {ModelInfoCommand.class, ModelLogitsCommand.class, ModelBenchCommand.class, ModelStepsBenchCommand.class,
            ModelVocabCommand.class, ModelEvaluateCommand.class, ModelAverageCommand.class})
final class ModelCommand extends GroupCommand {
}
