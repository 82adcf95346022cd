package io.r1kit.cli;

import picocli.CommandLine.Command;

/** {@code r1kit scene ...}: commands about one scene. */
@Command(name = "scene", mixinStandardHelpOptions = true, description = "Inspect a 3D scene.",
        subcommands = {SceneInfoCommand.class})
final class SceneCommand extends GroupCommand {
}
