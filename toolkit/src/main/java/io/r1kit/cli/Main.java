package io.r1kit.cli;

import io.r1kit.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** Entry point of the {@code r1kit} launcher. */
@Command(name = "r1kit", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "3D-R1 toolkit: scenes, views, tasks, rewards, training.",
        subcommands = {SceneCommand.class, DataCommand.class, RenderCommand.class, ViewsCommand.class,
                ViewCommand.class, CotCommand.class, EvalCommand.class, ModelCommand.class, EngineCommand.class,
                BenchCommand.class, TrainCommand.class, ExperimentCommand.class, AskCommand.class, RewardCommand.class, ShellCommand.class})
public final class Main extends GroupCommand {

    /** Exit code for bad input (unreadable or invalid files). */
    public static final int BAD_INPUT = 1;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line with the given streams and returns the exit code (for tests). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out).setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("r1kit: " + oneLine(e));
            if (System.getenv("R1KIT_DEBUG") != null) {
                e.printStackTrace(commandLine.getErr());
            }
            return BAD_INPUT;
        });
        return cli.execute(args);
    }

    /** The message of the failure, without exception class names: what the user should read. */
    static String oneLine(Throwable e) {
        Throwable t = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        if (t instanceof java.nio.file.FileSystemException f && f.getFile() != null) {
            // java.nio's messages are the bare path ("NoSuchFileException: x.json"): say what is wrong with it
            String why = f instanceof java.nio.file.NoSuchFileException ? "not found"
                    : f instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : f.getReason() != null ? f.getReason() : f.getClass().getSimpleName();
            return (f.getFile() + ": " + why).replace('\n', ' ');
        }
        String msg = t.getMessage();
        if (msg == null || msg.isBlank()) {
            msg = t.getClass().getSimpleName() + " (set R1KIT_DEBUG=1 for the stack trace)";
        } else if (!(t instanceof IOException) && !(t instanceof IllegalArgumentException)
                && !(t instanceof IllegalStateException)) {
            msg = msg + " (" + t.getClass().getSimpleName() + "; set R1KIT_DEBUG=1 for the stack trace)";
        }
        return msg.replace('\n', ' ');
    }

    /** Prints the toolkit version for {@code --version}. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"r1kit " + Version.get()};
        }
    }
}
