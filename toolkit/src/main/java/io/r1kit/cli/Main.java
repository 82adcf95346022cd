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
        return run(new CommandLine(new Main()), out, err, args);
    }

    /** Runs {@code cli}: any failure, an {@link Error} included, is one line on {@code err} and {@link #BAD_INPUT}. */
    static int run(CommandLine cli, PrintWriter out, PrintWriter err, String... args) {
        cli.setOut(out).setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> report(commandLine.getErr(), e));
        try {
            return cli.execute(args);
        } catch (Error e) { // picocli hands only Exceptions to the handler: a StackOverflowError passes it by
            return report(err, e);
        }
    }

    private static int report(PrintWriter err, Throwable e) {
        err.println("r1kit: " + oneLine(e));
        if (System.getenv("R1KIT_DEBUG") != null) {
            e.printStackTrace(err);
        }
        return BAD_INPUT;
    }

    /** The message of the failure, without exception class names or stack trace: what the user should read. */
    static String oneLine(Throwable e) {
        Throwable t = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        if (t instanceof java.nio.file.FileSystemException f && f.getFile() != null) {
            // java.nio's messages are the bare path ("NoSuchFileException: x.json"): say what is wrong with it
            String why = f instanceof java.nio.file.NoSuchFileException ? "not found"
                    : f instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : f.getReason() != null ? f.getReason() : f.getClass().getSimpleName();
            return printable(f.getFile() + ": " + why);
        }
        String msg = t.getMessage();
        String debug = "set R1KIT_DEBUG=1 for the stack trace";
        if (t instanceof StackOverflowError) {
            msg = "ran out of stack (StackOverflowError), as on input nested too deeply; " + debug;
        } else if (t instanceof OutOfMemoryError) {
            msg = "ran out of memory (OutOfMemoryError: " + msg + "); give Java more with R1KIT_JAVA_OPTS=-Xmx8g or"
                    + " use a smaller input; " + debug;
        } else if ((msg == null || msg.isBlank()) && t.getCause() != null && t.getCause() != t) {
            return oneLine(t.getCause());
        } else if (msg == null || msg.isBlank()) {
            msg = t.getClass().getSimpleName() + " (" + debug + ")";
        } else if (!(t instanceof IOException) && !(t instanceof IllegalArgumentException)
                && !(t instanceof IllegalStateException)) {
            msg = msg + " (" + t.getClass().getSimpleName() + "; " + debug + ")";
        }
        return printable(msg);
    }

    /** One line without control characters: a message may carry raw input from a library. */
    private static String printable(String s) {
        return s.replaceAll("\\p{Cntrl}", " ");
    }

    /** Prints the toolkit version for {@code --version}. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"r1kit " + Version.get()};
        }
    }
}
