package io.r1kit.cli;

import picocli.CommandLine.Command;

/** {@code r1kit cot ...}: the CoT data engine (generate, filter, preview). */
@Command(name = "cot", mixinStandardHelpOptions = true, description = "Generate, filter and preview CoT data.",
        subcommands = {CotGenerateCommand.class, CotFilterCommand.class, CotPreviewCommand.class})
final class CotCommand extends GroupCommand {
}
