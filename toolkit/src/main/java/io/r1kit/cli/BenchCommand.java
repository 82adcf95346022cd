package io.r1kit.cli;

import picocli.CommandLine.Command;

/** {@code r1kit bench ...}: benchmarks that print measured figures. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure speed and quality.",
        subcommands = {BenchAskCommand.class, BenchProposalsCommand.class, BenchRewardCommand.class,
                BenchSftBatchesCommand.class})
final class BenchCommand extends GroupCommand {
}
