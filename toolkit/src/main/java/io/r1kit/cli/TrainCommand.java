package io.r1kit.cli;

import picocli.CommandLine.Command;

/** {@code r1kit train ...}: training recipes for the nano 3D model. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the nano 3D model: supervised fine-tuning on the data engine's examples, then GRPO.",
        subcommands = {TrainSftCommand.class, TrainGrpoCommand.class, TrainProbeCommand.class})
final class TrainCommand extends GroupCommand {
}
