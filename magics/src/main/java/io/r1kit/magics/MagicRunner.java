package io.r1kit.magics;

import io.r1kit.BadFileException;
import picocli.CommandLine;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Runs one magic written as a picocli command: parses its words, answers {@code -h/--help} (added here, for
 * every magic) with the usage,
 * and turns bad input (a bad flag, a missing argument, a file that cannot be read, a value out of range)
 * into a {@link MagicError}: one line, followed by the usage when the words themselves were wrong.
 */
final class MagicRunner {

    private MagicRunner() {}

    /** The result of {@code command} run on {@code args}. */
    static Object run(Callable<?> command, List<String> args) {
        CommandLine cl = new CommandLine(command).setUnmatchedOptionsArePositionalParams(false);
        cl.getCommandSpec().addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("show this usage").build());
        try {
            cl.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new MagicError(e.getMessage() + "\n" + cl.getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing());
        }
        if (cl.isUsageHelpRequested()) {
            return cl.getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing();
        }
        try {
            return command.call();
        } catch (MagicError e) {
            throw e;
        } catch (IllegalArgumentException | IllegalStateException | BadFileException e) {
            throw new MagicError(firstLine(e.getMessage()));
        } catch (UncheckedIOException e) {
            throw new MagicError(firstLine(e.getCause().getMessage()));
        } catch (Exception e) {
            throw new MagicError(e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "failed";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
