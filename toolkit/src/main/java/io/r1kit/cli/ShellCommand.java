package io.r1kit.cli;

import io.r1kit.BadFileException;
import io.r1kit.Startup;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code r1kit shell FILE.jsh}: runs a JShell script with the toolkit on the class path and its imports (the
 * facade {@code R1} among them), statement by statement, in this JVM. The first statement that does not compile
 * or throws stops the script with one line naming the file and line, and exit code 1; {@code /exit} ends it
 * early. {@code r1kit shell} without a file opens JShell itself (the launcher script does that).
 */
@Command(name = "shell", mixinStandardHelpOptions = true,
        description = "Run a JShell script with the toolkit imported; stop at the first error with exit code 1.")
final class ShellCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE.jsh", description = "the script")
    Path script;

    @Override
    public Integer call() throws Exception {
        String text;
        try {
            text = Files.readString(script);
        } catch (NoSuchFileException e) {
            throw new BadFileException(script, "not found");
        }
        try (JShell shell = JShell.builder().executionEngine("local").out(System.out).err(System.err).build()) {
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                shell.addToClasspath(entry);
            }
            for (String statement : Startup.statements()) {
                run(shell, statement, 0);
            }
            SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
            int at = 0;
            int line = 1;   // the line of position lineAt
            int lineAt = 0;
            while (at < text.length()) {
                int start = skipBlank(text, at);
                if (start >= text.length()) {
                    break;
                }
                line += newlines(text, lineAt, start);
                lineAt = start;
                if (text.charAt(start) == '/' && (start + 1 >= text.length() || Character.isLetter(text.charAt(start + 1)))) {
                    int end = text.indexOf('\n', start);
                    String command = text.substring(start, end < 0 ? text.length() : end).strip();
                    if (command.equals("/exit")) {
                        return 0;
                    }
                    throw new IllegalArgumentException(script + ":" + line + ": " + command
                            + " is a JShell command; a script takes Java statements and /exit");
                }
                SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(text.substring(start));
                if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                    break;
                }
                if (!info.completeness().isComplete()) {
                    throw new IllegalArgumentException(script + ":" + line + ": the script ends inside a statement");
                }
                run(shell, info.source(), line);
                at = text.length() - info.remaining().length();
            }
        }
        return 0;
    }

    /** Evaluates one statement; refuses it in one line when it does not compile or throws. */
    private void run(JShell shell, String source, int line) {
        for (SnippetEvent e : shell.eval(source)) {
            if (e.status() == Snippet.Status.REJECTED) {
                String why = shell.diagnostics(e.snippet()).filter(Diag::isError).findFirst()
                        .map(d -> d.getMessage(Locale.ROOT)).orElse("does not compile");
                throw new IllegalArgumentException(script + ":" + line + ": " + why.lines().findFirst().orElse(why));
            }
            if (e.exception() != null) {
                String type = e.exception() instanceof EvalException ee ? ee.getExceptionClassName()
                        : e.exception().getClass().getName();
                String message = e.exception().getMessage();
                throw new IllegalArgumentException(script + ":" + line + ": " + type
                        + (message == null ? "" : ": " + message.lines().findFirst().orElse("")));
            }
        }
    }

    private static int skipBlank(String text, int at) {
        while (at < text.length()) {
            if (Character.isWhitespace(text.charAt(at))) {
                at++;
            } else if (text.startsWith("//", at)) {
                int nl = text.indexOf('\n', at);
                at = nl < 0 ? text.length() : nl + 1;
            } else {
                break;
            }
        }
        return at;
    }

    private static int newlines(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n += text.charAt(i) == '\n' ? 1 : 0;
        }
        return n;
    }
}
